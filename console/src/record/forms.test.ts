import { describe, expect, it } from 'vitest'
import { errorsAtFields, errorsElsewhere, FORMS, formById, latestDate, requestOf } from './forms'
import { APPROVAL, REGISTER } from '../admin/adminForms'

describe('an owner’s form', () => {
  it('sends a payment with its money as an exact CNY decimal and leaves empty fields out', () => {
    const request = requestOf(formById('transaction'), {
      id: 'pay-1', kind: 'payment', date: '2025-07-01', 'value.amount': '5000000.00',
      'payee.id': 'CN-USCC-91330200MA2CW0001K', 'payee.name': 'Coastal Works', contractId: 'c-1', 'payer.id': '  ',
    })
    expect(request).toEqual({
      path: 'transactions',
      body: { id: 'pay-1', kind: 'payment', date: '2025-07-01', value: { amount: '5000000.00', currency: 'CNY' },
        payee: { id: 'CN-USCC-91330200MA2CW0001K', name: 'Coastal Works' }, contractId: 'c-1' },
    })
  })

  it('sends an award with its supplier as a party of id and name and the date it was signed', () => {
    const request = requestOf(formById('contract'), {
      id: 'c-1', nature: 'construction', 'tender.procurementMethod': 'open', 'supplier.id': 'CN-USCC-91330200MA2CW0001K',
      'supplier.name': '宁波沿海建设工程有限公司', 'contractValue.amount': '10000000.00',
      'contractPeriod.startDate': '2025-04-01', 'contractPeriod.endDate': '2027-06-30', dateSigned: '2025-03-20',
    })
    expect(request.body).toEqual({
      id: 'c-1', nature: 'construction', tender: { procurementMethod: 'open' },
      supplier: { id: 'CN-USCC-91330200MA2CW0001K', name: '宁波沿海建设工程有限公司' },
      contractValue: { amount: '10000000.00', currency: 'CNY' },
      contractPeriod: { startDate: '2025-04-01', endDate: '2027-06-30' }, dateSigned: '2025-03-20',
    })
    expect(formById('contract').fields.filter((field) => field.required).map((field) => field.path))
      .toContain('dateSigned')
  })

  it('asks for the id and the name of every party, both when the party is required', () => {
    const parties = FORMS.flatMap((form) => form.fields).map((field) => field.path)
      .filter((path) => /^(supplier|payer|payee|inspector)(\.|$)/.test(path))
    expect(new Set(parties)).toEqual(new Set(['payer.id', 'payer.name', 'payee.id', 'payee.name', 'supplier.id',
      'supplier.name', 'inspector.id', 'inspector.name']))
    for (const required of ['supplier', 'inspector']) {
      const fields = FORMS.flatMap((form) => form.fields).filter((field) => field.path.startsWith(`${required}.`))
      expect(fields.every((field) => field.required)).toBe(true)
    }
  })

  it('ends the dates of what happened today and leaves dates that are due or planned open', () => {
    const today = '2026-12-05'
    const latest = (form: { fields: { path: string }[] }, path: string) =>
      latestDate(form.fields.find((field) => field.path === path) as never, today)
    expect(latest(formById('contract'), 'dateSigned')).toBe(today)
    expect(latest(formById('transaction'), 'date')).toBe(today)
    expect(latest(formById('milestoneStatus'), 'dateMet')).toBe(today)
    expect(latest(formById('inspection'), 'date')).toBe(today)
    expect(latest(formById('completion'), 'endDate')).toBe(today)
    expect(latest(APPROVAL, 'approvalDate')).toBe(today)
    expect(latest(formById('milestone'), 'dueDate')).toBeUndefined()
    expect(latest(formById('contract'), 'contractPeriod.endDate')).toBeUndefined()
    expect(latest(formById('inspection'), 'rectificationDeadline')).toBeUndefined()
    expect(latest(REGISTER, 'plannedPeriod.endDate')).toBeUndefined()
    const happened = FORMS.flatMap((form) => form.fields).filter((field) => field.kind === 'date' && field.happened)
    expect(happened).toHaveLength(9)
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
    expect(errorsAtFields(form, { value: 'value must be a positive amount', payee: 'payee is required',
      'payer.name': 'payer.name is required' }))
      .toEqual({ 'value.amount': 'value must be a positive amount', 'payee.id': 'payee is required',
        'payee.name': 'payee is required', 'payer.name': 'payer.name is required' })
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
