import { describe, expect, it } from 'vitest'
import { errorsAtFields, errorsElsewhere, FORMS, formById, requestOf } from './forms'

describe('an owner’s form', () => {
  it('sends a payment with its money as an exact CNY decimal and leaves empty fields out', () => {
    const request = requestOf(formById('transaction'), {
      id: 'pay-1', kind: 'payment', date: '2025-07-01', 'value.amount': '5000000.00', payee: 'coastal-works',
      contractId: 'c-1', payer: '  ',
    })
    expect(request).toEqual({
      path: 'transactions',
      body: { id: 'pay-1', kind: 'payment', date: '2025-07-01', value: { amount: '5000000.00', currency: 'CNY' },
        payee: 'coastal-works', contractId: 'c-1' },
    })
  })

  it('sends percentages as numbers and builds nested tenders', () => {
    expect(requestOf(formById('progress'), { physicalProgress: '10', date: '2025-06-30' }).body)
      .toEqual({ physicalProgress: 10, date: '2025-06-30' })
    expect(requestOf(formById('contract'), { 'tender.procurementMethod': 'open', 'tender.numberOfTenderers': '4',
      'tender.tenderPeriod.startDate': '2025-02-01' }).body)
      .toEqual({ tender: { procurementMethod: 'open', numberOfTenderers: 4, tenderPeriod: { startDate: '2025-02-01' } } })
  })

  it('puts the id of the fact it changes into the path, not the body', () => {
    expect(requestOf(formById('milestoneStatus'), { milestoneId: 'm 1', status: 'met', dateMet: '2025-05-01' }))
      .toEqual({ path: 'milestones/m%201/status', body: { status: 'met', dateMet: '2025-05-01' } })
    expect(requestOf(formById('inspectionVerification'), { inspectionId: 'i-1', accepted: 'false' }).body)
      .toEqual({ accepted: false })
  })

  it('shows the API’s field errors at the fields they name, and the rest with the form', () => {
    const form = formById('transaction')
    expect(errorsAtFields(form, { value: 'value must be a positive amount', payee: 'payee is required' }))
      .toEqual({ 'value.amount': 'value must be a positive amount', payee: 'payee is required' })
    expect(errorsElsewhere(form, { value: 'positive', 'If-Match': 'one version' })).toEqual(['one version'])
  })

  it('sends a list as an array of its comma- or space-separated items', () => {
    const form = { id: 'supervisors', path: 'supervisors', fields: [{ path: 'supervisors', kind: 'list' as const }] }
    expect(requestOf(form, { supervisors: 'sup-li, sup-yang，sup-xu' }).body).toEqual({ supervisors: ['sup-li', 'sup-yang', 'sup-xu'] })
  })

  it('has a form for every kind of fact an owner records', () => {
    expect(FORMS.map((form) => form.id)).toEqual(['progress', 'transaction', 'milestone', 'milestoneStatus', 'contract',
      'modification', 'inspection', 'inspectionRectification', 'inspectionVerification', 'completion'])
  })
})
