/** Who a bearer token says the user is. Read from the token's claims, so any issuer that sets them will do. */
export interface User {
  id: string
  name: string
  role: 'owner' | 'supervisor' | 'auditor' | 'admin' | string
  organisation: string
  region: string
}

export interface Session {
  token: string
  user: User
  /** epoch milliseconds at which the token stops being accepted */
  expiresAt: number
}

/** Reads the claims of a JWT (not its signature: the gateway checks that on every call). */
export function sessionOf(token: string): Session {
  const parts = token.split('.')
  if (parts.length !== 3) {
    throw new Error('not a JWT')
  }
  const claims = JSON.parse(decodeBase64Url(parts[1])) as Record<string, unknown>
  if (typeof claims.sub !== 'string' || typeof claims.role !== 'string' || typeof claims.exp !== 'number') {
    throw new Error('the token names no user, role or expiry')
  }
  return {
    token,
    user: {
      id: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      role: claims.role,
      organisation: typeof claims.organisation === 'string' ? claims.organisation : '',
      region: typeof claims.region === 'string' ? claims.region : '',
    },
    expiresAt: claims.exp * 1000,
  }
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}

export function hasExpired(session: Session, now: number): boolean {
  return now >= session.expiresAt
}
