/**
 * The owner's forms: for each fact, the request it sends and its fields (OC4IDS/OCDS names, as the API takes
 * them). A field's path places its value in the body ("value.amount"); money is an exact decimal string in CNY.
 * A party (supplier, payer, payee, inspector) is an OC4IDS organisation reference: its id ("supplier.id", e.g. a
 * unified social credit code as CN-USCC-…) and its name ("supplier.name").
 */
export type FieldKind = 'text' | 'longText' | 'date' | 'percent' | 'integer' | 'money' | 'choice' | 'list'

export interface FormField {
  path: string
  kind: FieldKind
  required?: boolean
  choices?: string[]
  /** A date of something that happened: not after today, the business date in Asia/Shanghai (the API refuses later). */
  happened?: boolean
}

export interface FactForm {
  id: string
  /** under /api/projects/{projectId}/; {name} is filled from a field of that name that goes in the path, not the body */
  path: string
  pathFields?: string[]
  fields: FormField[]
}

/** A party's two fields: its organisation id and its name, both needed when the party is. */
function party(role: string, required = false): FormField[] {
  return [{ path: `${role}.id`, kind: 'text', required }, { path: `${role}.name`, kind: 'text', required }]
}

const MILESTONE_TYPES = ['preProcurement', 'approval', 'engagement', 'assessment', 'delivery', 'reporting', 'financing',
  'payment', 'procurement', 'contractClose']

export const FORMS: FactForm[] = [
  { id: 'progress', path: 'progress', fields: [
    { path: 'physicalProgress', kind: 'percent', required: true },
    { path: 'date', kind: 'date', required: true, happened: true }] },
  { id: 'transaction', path: 'transactions', fields: [
    { path: 'id', kind: 'text', required: true },
    { path: 'kind', kind: 'choice', required: true, choices: ['payment', 'appropriation'] },
    { path: 'date', kind: 'date', required: true, happened: true },
    { path: 'value.amount', kind: 'money', required: true },
    ...party('payer'),
    ...party('payee'),
    { path: 'contractId', kind: 'text' },
    { path: 'relatedImplementationMilestone', kind: 'text' }] },
  { id: 'milestone', path: 'milestones', fields: [
    { path: 'id', kind: 'text', required: true },
    { path: 'title', kind: 'text', required: true },
    { path: 'type', kind: 'choice', required: true, choices: MILESTONE_TYPES },
    { path: 'code', kind: 'text' },
    { path: 'dueDate', kind: 'date', required: true },
    { path: 'value.amount', kind: 'money' }] },
  { id: 'milestoneStatus', path: 'milestones/{milestoneId}/status', pathFields: ['milestoneId'], fields: [
    { path: 'milestoneId', kind: 'text', required: true },
    { path: 'status', kind: 'choice', required: true, choices: ['met', 'notMet', 'partiallyMet', 'scheduled'] },
    { path: 'dateMet', kind: 'date', happened: true }] },
  { id: 'contract', path: 'contracts', fields: [
    { path: 'id', kind: 'text', required: true },
    { path: 'nature', kind: 'choice', required: true, choices: ['construction', 'design', 'supervision'] },
    { path: 'tender.procurementMethod', kind: 'choice', required: true, choices: ['open', 'selective', 'limited', 'direct'] },
    { path: 'tender.numberOfTenderers', kind: 'integer' },
    { path: 'tender.tenderPeriod.startDate', kind: 'date' },
    { path: 'tender.tenderPeriod.endDate', kind: 'date' },
    { path: 'tender.costEstimate.amount', kind: 'money' },
    ...party('supplier', true),
    { path: 'contractValue.amount', kind: 'money', required: true },
    { path: 'contractPeriod.startDate', kind: 'date', required: true },
    { path: 'contractPeriod.endDate', kind: 'date', required: true },
    { path: 'dateSigned', kind: 'date', required: true, happened: true }] },
  { id: 'modification', path: 'contracts/{contractId}/modifications', pathFields: ['contractId'], fields: [
    { path: 'contractId', kind: 'text', required: true },
    { path: 'id', kind: 'text', required: true },
    { path: 'date', kind: 'date', required: true, happened: true },
    { path: 'type', kind: 'choice', required: true, choices: ['value', 'duration', 'scope'] },
    { path: 'description', kind: 'longText', required: true },
    { path: 'rationale', kind: 'longText' },
    { path: 'newContractValue.amount', kind: 'money' },
    { path: 'newContractPeriod.startDate', kind: 'date' },
    { path: 'newContractPeriod.endDate', kind: 'date' }] },
  { id: 'inspection', path: 'inspections', fields: [
    { path: 'id', kind: 'text', required: true },
    ...party('inspector', true),
    { path: 'date', kind: 'date', required: true, happened: true },
    { path: 'scope', kind: 'text', required: true },
    { path: 'result', kind: 'choice', required: true, choices: ['passed', 'failed'] },
    { path: 'findings', kind: 'longText' },
    { path: 'rectificationDeadline', kind: 'date' }] },
  { id: 'inspectionRectification', path: 'inspections/{inspectionId}/rectification', pathFields: ['inspectionId'], fields: [
    { path: 'inspectionId', kind: 'text', required: true },
    { path: 'date', kind: 'date', required: true, happened: true },
    { path: 'description', kind: 'longText', required: true }] },
  { id: 'inspectionVerification', path: 'inspections/{inspectionId}/verification', pathFields: ['inspectionId'], fields: [
    { path: 'inspectionId', kind: 'text', required: true },
    { path: 'date', kind: 'date', required: true, happened: true },
    { path: 'verifier', kind: 'text', required: true },
    { path: 'accepted', kind: 'choice', required: true, choices: ['true', 'false'] },
    { path: 'comment', kind: 'longText' }] },
  { id: 'completion', path: 'completion', fields: [
    { path: 'endDate', kind: 'date', required: true, happened: true },
    { path: 'finalValue.amount', kind: 'money', required: true },
    { path: 'finalScope', kind: 'longText' }] },
]

/** The latest date a date field takes: today (as {@link shanghaiToday} gives it) for what happened, none for what is due. */
export function latestDate(field: FormField, today: string): string | undefined {
  return field.kind === 'date' && field.happened ? today : undefined
}

export function formById(id: string): FactForm {
  const form = FORMS.find((candidate) => candidate.id === id)
  if (form === undefined) {
    throw new Error(`no form ${id}`)
  }
  return form
}

/**
 * The request of a form: its path and its JSON body. What the user left empty is left out (the API names what
 * is required); numbers go as numbers and money as decimal strings in CNY, so nothing is coerced on the way.
 */
export function requestOf(form: FactForm, values: Record<string, string>): { path: string; body: Record<string, unknown> } {
  let path = form.path
  for (const name of form.pathFields ?? []) {
    path = path.replace(`{${name}}`, encodeURIComponent((values[name] ?? '').trim()))
  }
  const body: Record<string, unknown> = {}
  for (const field of form.fields) {
    if (form.pathFields?.includes(field.path)) {
      continue
    }
    const raw = (values[field.path] ?? '').trim()
    if (raw === '') {
      continue
    }
    place(body, field.path, valueOf(field, raw))
    if (field.kind === 'money') {
      place(body, field.path.replace(/amount$/, 'currency'), 'CNY')
    }
  }
  return { path, body }
}

function valueOf(field: FormField, raw: string): unknown {
  switch (field.kind) {
    case 'percent':
    case 'integer': {
      const number = Number(raw)
      return Number.isFinite(number) ? number : raw
    }
    case 'choice':
      return raw === 'true' ? true : raw === 'false' ? false : raw
    case 'list':
      return raw.split(/[,，\s]+/).filter((item) => item !== '')
    default:
      return raw
  }
}

function place(body: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let at = body
  for (const part of parts.slice(0, -1)) {
    at[part] = (at[part] as Record<string, unknown>) ?? {}
    at = at[part] as Record<string, unknown>
  }
  at[parts[parts.length - 1]] = value
}

/** The API names a field by its top-level name ("value") or its path: each error goes to the fields it names. */
export function errorsAtFields(form: FactForm, errors: Record<string, string>): Record<string, string> {
  const atFields: Record<string, string> = {}
  for (const [named, message] of Object.entries(errors)) {
    for (const field of form.fields) {
      if (field.path === named || field.path.startsWith(`${named}.`) || named.startsWith(`${field.path}.`)) {
        atFields[field.path] ??= message
      }
    }
  }
  return atFields
}

/** Errors the API gave for no field of the form: shown with the form as a whole. */
export function errorsElsewhere(form: FactForm, errors: Record<string, string>): string[] {
  const placed = errorsAtFields(form, errors)
  const placedMessages = new Set(Object.values(placed))
  return Object.values(errors).filter((message) => !placedMessages.has(message))
}
