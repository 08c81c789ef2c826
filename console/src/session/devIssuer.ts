/**
 * The gateway's development issuer (profile dev): it lists the demo users and signs a token for one.
 * Another issuer (OIDC) only has to hand session.begin() a token with the same claims; see README.md.
 */
export interface DemoUser {
  id: string
  name: string
  role: string
  organisation: string
  region: string
}

/** @returns the demo users, or null where the gateway runs without its development issuer */
export async function demoUsers(): Promise<DemoUser[] | null> {
  const answer = await fetch('/dev/users', { headers: { Accept: 'application/json' } })
  return answer.ok ? ((await answer.json()) as DemoUser[]) : null
}

export async function devToken(user: string): Promise<string> {
  const answer = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user }),
  })
  if (!answer.ok) {
    throw new Error(`the development issuer refused ${user} (${answer.status})`)
  }
  return ((await answer.json()) as { access_token: string }).access_token
}
