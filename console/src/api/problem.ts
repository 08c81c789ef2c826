import type { Problem } from './types'

/** An API refusal: the RFC 9457 problem the gateway or a service answered, in its plain words. */
export class ApiProblem extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail || problem.title)
  }

  /** The message the API gave for each field it named ({field → message}). */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {}
    for (const error of this.problem.errors ?? []) {
      if (error.field && !(error.field in errors)) {
        errors[error.field] = error.message ?? ''
      }
    }
    return errors
  }
}

/** Any answer that is not a problem (a proxy's page, a dropped connection) still becomes one, in words. */
export function problemOf(status: number, body: unknown): ApiProblem {
  if (body && typeof body === 'object' && 'detail' in body && 'title' in body) {
    return new ApiProblem(status, body as Problem)
  }
  return new ApiProblem(status, {
    type: 'about:blank',
    title: `HTTP ${status}`,
    status,
    detail: typeof body === 'string' && body.length > 0 ? body.slice(0, 300) : `the server answered ${status}`,
  })
}
