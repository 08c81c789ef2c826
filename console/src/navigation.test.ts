import { describe, expect, it } from 'vitest'
import { landingFor, screensFor } from './navigation'

describe('screens by role', () => {
  it('lands supervisors, auditors and admins on the portfolio, owners on their forms', () => {
    expect(landingFor('supervisor')).toBe('portfolio')
    expect(landingFor('auditor')).toBe('portfolio')
    expect(landingFor('admin')).toBe('portfolio')
    expect(landingFor('owner')).toBe('record')
  })

  it('gives the record forms to owners only, audit to auditors and admins, admin to admins', () => {
    expect(['supervisor', 'auditor', 'admin'].filter((role) => screensFor(role).includes('record'))).toEqual([])
    expect(['supervisor', 'owner', 'auditor', 'admin'].filter((role) => screensFor(role).includes('audit'))).toEqual(['auditor', 'admin'])
    expect(['supervisor', 'owner', 'auditor', 'admin'].filter((role) => screensFor(role).includes('admin'))).toEqual(['admin'])
  })

  it('gives an unknown role nothing', () => {
    expect(screensFor('service')).toEqual([])
    expect(landingFor('service')).toBe('signin')
  })
})
