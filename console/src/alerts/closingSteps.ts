import type { User } from '../session/token'

/**
 * The closing loop (预警 → 交办 → 整改 → 核验 → 销号, or dismissed), as alert-service's state machine allows it:
 * which step each user may take from each status. The service decides again; this only keeps the console
 * from offering a button that can only be refused.
 */
export type ClosingStep = 'assignment' | 'rectification' | 'acceptance' | 'rejection' | 'closure' | 'dismissal'

export type AlertStatus = 'raised' | 'assigned' | 'rectificationReported' | 'verified' | 'closed' | 'dismissed'

const OPEN: readonly string[] = ['raised', 'assigned', 'rectificationReported', 'verified']

const SUPERVISOR_STEPS: Record<string, ClosingStep[]> = {
  raised: ['assignment'],
  assigned: [],
  rectificationReported: ['acceptance', 'rejection'],
  verified: ['closure'],
}

export interface AlertForSteps {
  status?: string
  assigneeOrganisation?: string
}

export function stepsFor(alert: AlertForSteps, user: User): ClosingStep[] {
  const status = alert.status ?? ''
  if (!OPEN.includes(status)) {
    return []
  }
  if (user.role === 'supervisor') {
    return [...(SUPERVISOR_STEPS[status] ?? []), 'dismissal']
  }
  if (user.role === 'owner' && status === 'assigned' && alert.assigneeOrganisation === user.organisation) {
    return ['rectification']
  }
  return []
}

/** The request each step sends: its path under /api/alerts/{id} and what the form must give. */
export const STEP_REQUESTS: Record<ClosingStep, { path: string; needs: Array<'organisation' | 'deadline' | 'comment' | 'justification'>; accepted?: boolean }> = {
  assignment: { path: 'assignment', needs: ['organisation', 'deadline', 'comment'] },
  rectification: { path: 'rectification', needs: ['comment'] },
  acceptance: { path: 'verification', needs: ['comment'], accepted: true },
  rejection: { path: 'verification', needs: ['comment'], accepted: false },
  closure: { path: 'closure', needs: ['comment'] },
  dismissal: { path: 'dismissal', needs: ['justification'] },
}

/** The body of a step from what the user entered. */
export function stepBody(step: ClosingStep, entered: Record<string, string>): Record<string, unknown> {
  const request = STEP_REQUESTS[step]
  const body: Record<string, unknown> = {}
  for (const field of request.needs) {
    const value = (entered[field] ?? '').trim()
    if (value !== '') {
      body[field] = value
    }
  }
  if (request.accepted !== undefined) {
    body.accepted = request.accepted
  }
  return body
}

export function isOpen(status: string | undefined): boolean {
  return OPEN.includes(status ?? '')
}
