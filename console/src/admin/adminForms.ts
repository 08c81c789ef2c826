import type { FactForm } from '../record/forms'

/** What only an admin does to a project: register it, name its supervisors, record its approval. */
export const REGISTER: FactForm = { id: 'register', path: '', fields: [
  { path: 'code', kind: 'text', required: true },
  { path: 'title', kind: 'text', required: true },
  { path: 'type', kind: 'choice', required: true, choices: ['construction', 'rehabilitation', 'replacement', 'expansion', 'decommissioning'] },
  { path: 'region', kind: 'text', required: true },
  { path: 'ownerOrganisation', kind: 'text', required: true },
  { path: 'budget.amount', kind: 'money', required: true },
  { path: 'plannedPeriod.startDate', kind: 'date', required: true },
  { path: 'plannedPeriod.endDate', kind: 'date', required: true },
  { path: 'supervisors', kind: 'list', required: true }] }

export const SUPERVISORS: FactForm = { id: 'supervisors', path: 'supervisors', fields: [
  { path: 'supervisors', kind: 'list', required: true },
  { path: 'reason', kind: 'longText' }] }

export const APPROVAL: FactForm = { id: 'approval', path: 'approval', fields: [
  { path: 'approvalDate', kind: 'date', required: true, happened: true },
  { path: 'approvalDocumentNumber', kind: 'text', required: true }] }

/** A threshold change as the rules API takes it: each changed name with a number, nothing unchanged. */
export function thresholdChange(current: Record<string, unknown>, entered: Record<string, string>): Record<string, number> {
  const change: Record<string, number> = {}
  for (const [name, value] of Object.entries(entered)) {
    const number = Number(value)
    if (value.trim() !== '' && Number.isFinite(number) && String(current[name]) !== String(number)) {
      change[name] = number
    }
  }
  return change
}
