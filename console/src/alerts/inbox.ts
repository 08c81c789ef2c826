import type { AlertSummary } from '../api/types'
import { isOpen } from './closingSteps'

/** The inbox's list: newest first; a live summary replaces the alert it describes or joins the list. */
export function upsert(alerts: AlertSummary[], changed: AlertSummary): AlertSummary[] {
  return newestFirst([changed, ...alerts.filter((alert) => alert.id !== changed.id)])
}

export function newestFirst(alerts: AlertSummary[]): AlertSummary[] {
  return [...alerts].sort((a, b) => (b.raisedAt ?? '').localeCompare(a.raisedAt ?? '') || (a.id ?? '').localeCompare(b.id ?? ''))
}

export type InboxView = 'open' | 'all'

export function inView(alerts: AlertSummary[], view: InboxView, level: string): AlertSummary[] {
  return alerts.filter((alert) => (view === 'all' || isOpen(alert.status)) && (level === '' || alert.level === level))
}

/** A deadline the assignment form proposes: two weeks from the given Shanghai day. */
export function proposedDeadline(today: string): string {
  const date = new Date(`${today}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 14)
  return date.toISOString().slice(0, 10)
}

/** Today in Asia/Shanghai, where the alert deadlines are dated. */
export function shanghaiToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}
