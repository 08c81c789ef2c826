/** Which screens each role has (DOMAIN.md "Who may do what"); a screen a role lacks is neither shown nor routed to. */
export type Screen = 'portfolio' | 'alerts' | 'record' | 'audit' | 'admin'

const SCREENS: Record<string, Screen[]> = {
  supervisor: ['portfolio', 'alerts'],
  owner: ['record', 'portfolio', 'alerts'],
  auditor: ['portfolio', 'alerts', 'audit'],
  admin: ['portfolio', 'alerts', 'audit', 'admin'],
}

export function screensFor(role: string): Screen[] {
  return SCREENS[role] ?? []
}

/** Where a user lands after signing in: the first of their screens. */
export function landingFor(role: string): Screen | 'signin' {
  return screensFor(role)[0] ?? 'signin'
}

export function mayWriteFacts(role: string): boolean {
  return role === 'owner'
}
