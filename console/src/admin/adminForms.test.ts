import { describe, expect, it } from 'vitest'
import { REGISTER, thresholdChange } from './adminForms'
import { requestOf } from '../record/forms'

describe('the admin’s forms', () => {
  it('registers a project with its budget in CNY and its supervisors as a list', () => {
    expect(requestOf(REGISTER, { code: 'NB-1', title: 'Bridge', type: 'construction', region: 'Haishu',
      ownerOrganisation: 'transport-bureau', 'budget.amount': '50000000.00', 'plannedPeriod.startDate': '2025-01-01',
      'plannedPeriod.endDate': '2027-12-31', supervisors: 'sup-li' })).toEqual({ path: '', body: {
      code: 'NB-1', title: 'Bridge', type: 'construction', region: 'Haishu', ownerOrganisation: 'transport-bureau',
      budget: { amount: '50000000.00', currency: 'CNY' }, plannedPeriod: { startDate: '2025-01-01', endDate: '2027-12-31' },
      supervisors: ['sup-li'] } })
  })

  it('changes only the thresholds that were changed, as numbers', () => {
    expect(thresholdChange({ yellowPoints: 15, redPoints: 30 }, { yellowPoints: '15', redPoints: '25' })).toEqual({ redPoints: 25 })
    expect(thresholdChange({ yellowPoints: 15 }, { yellowPoints: '' })).toEqual({})
  })
})
