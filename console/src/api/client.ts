import createClient, { type Middleware } from 'openapi-fetch'
import type { paths as ProjectPaths } from './generated/project-service'
import type { paths as RiskPaths } from './generated/supervision-service'
import type { paths as AlertPaths } from './generated/alert-service'
import { bearer, end } from '../session/session'
import { problemOf } from './problem'

/** The gateway's public API: every service's paths, one client, the user's bearer token on each call. */
export type Paths = ProjectPaths & RiskPaths & AlertPaths

const withBearer: Middleware = {
  onRequest({ request }) {
    const token = bearer()
    if (token !== null) {
      request.headers.set('Authorization', `Bearer ${token}`)
    }
    return request
  },
  onResponse({ response }) {
    // The gateway no longer takes the token (expired, or the issuer restarted): the session is over.
    if (response.status === 401) {
      end('expired')
    }
    return response
  },
}

export const api = createClient<Paths>({ baseUrl: '' })
api.use(withBearer)

/** The data of an answer, or the API's problem thrown. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call
  if (error !== undefined || !response.ok) {
    throw problemOf(response.status, error)
  }
  return data as T
}

/** An idempotency key for one submission: retries and double clicks of it record once. */
export function idempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID()
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
