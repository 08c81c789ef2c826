import { describe, expect, it } from 'vitest'
import { stepBody, stepsFor } from './closingSteps'
import type { User } from '../session/token'

const supervisor: User = { id: 'sup-li', name: 'Li', role: 'supervisor', organisation: 'supervision-office', region: 'Haishu' }
const owner: User = { id: 'owner-zhang', name: 'Zhang', role: 'owner', organisation: 'transport-bureau', region: 'Haishu' }
const auditor: User = { id: 'aud-sun', name: 'Sun', role: 'auditor', organisation: 'audit-bureau', region: 'Ningbo' }
const admin: User = { ...auditor, id: 'admin-chen', role: 'admin' }

describe('closing steps a user is offered', () => {
  it('lets a supervisor assign a raised alert, or dismiss it', () => {
    expect(stepsFor({ status: 'raised' }, supervisor)).toEqual(['assignment', 'dismissal'])
  })

  it('offers the supervisor nothing but dismissal while the owner rectifies', () => {
    expect(stepsFor({ status: 'assigned', assigneeOrganisation: 'transport-bureau' }, supervisor)).toEqual(['dismissal'])
  })

  it('lets a supervisor accept or reject a reported rectification, then close a verified alert', () => {
    expect(stepsFor({ status: 'rectificationReported' }, supervisor)).toEqual(['acceptance', 'rejection', 'dismissal'])
    expect(stepsFor({ status: 'verified' }, supervisor)).toEqual(['closure', 'dismissal'])
  })

  it('lets an owner report rectification only of an alert assigned to their organisation', () => {
    expect(stepsFor({ status: 'assigned', assigneeOrganisation: 'transport-bureau' }, owner)).toEqual(['rectification'])
    expect(stepsFor({ status: 'assigned', assigneeOrganisation: 'water-authority' }, owner)).toEqual([])
    expect(stepsFor({ status: 'raised' }, owner)).toEqual([])
  })

  it('offers auditors and admins no step at all', () => {
    for (const status of ['raised', 'assigned', 'rectificationReported', 'verified']) {
      expect(stepsFor({ status, assigneeOrganisation: 'audit-bureau' }, auditor)).toEqual([])
      expect(stepsFor({ status }, admin)).toEqual([])
    }
  })

  it('offers nothing once an alert is closed or dismissed', () => {
    expect(stepsFor({ status: 'closed' }, supervisor)).toEqual([])
    expect(stepsFor({ status: 'dismissed' }, supervisor)).toEqual([])
  })
})

describe('the body of a step', () => {
  it('sends what the step needs, trimmed, and verification says whether it accepts', () => {
    expect(stepBody('assignment', { organisation: ' transport-bureau ', deadline: '2026-12-31', comment: '' }))
      .toEqual({ organisation: 'transport-bureau', deadline: '2026-12-31' })
    expect(stepBody('rejection', { comment: 'not enough' })).toEqual({ comment: 'not enough', accepted: false })
    expect(stepBody('acceptance', { comment: 'checked' })).toEqual({ comment: 'checked', accepted: true })
    expect(stepBody('dismissal', { justification: 'duplicate', comment: 'ignored' })).toEqual({ justification: 'duplicate' })
  })
})
