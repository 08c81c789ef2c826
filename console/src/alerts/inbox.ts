import type { AlertSummary } from '../api/types'
import { appended } from '../api/paging'
import { isOpen } from './closingSteps'

/** How many alerts a page of the inbox asks for; older ones come with "load more". */
export const INBOX_PAGE = 50

/** The inbox's list: newest first; a live summary replaces the alert it describes or joins the list. */
export function upsert(alerts: AlertSummary[], changed: AlertSummary): AlertSummary[] {
  return newestFirst([changed, ...alerts.filter((alert) => alert.id !== changed.id)])
}

/** The API's order: raised at, newest first, then by id (the same, so a live alert lands where a page would put it). */
export function newestFirst(alerts: AlertSummary[]): AlertSummary[] {
  return [...alerts].sort((a, b) => compare(instant(b.raisedAt), instant(a.raisedAt)) || compare(b.id ?? '', a.id ?? ''))
}

/**
 * What the inbox shows once a page arrived: the alerts it had (live ones among them) and the page's, each once, in
 * whichever version changed last, newest first.
 */
export function withPage(shown: AlertSummary[], page: AlertSummary[]): AlertSummary[] {
  return newestFirst(appended(shown, page, (alert) => alert.id ?? '',
    (kept, paged) => (compare(instant(paged.updatedAt), instant(kept.updatedAt)) > 0 ? paged : kept)))
}

export type InboxView = 'open' | 'all'

/** What the inbox asks the API for: open alerts (any status still being handled) or every one, in a colour or all. */
export function inboxQuery(view: InboxView, level: string): { status?: string; level?: string } {
  return { status: view === 'open' ? 'open' : undefined, level: level === '' ? undefined : level }
}

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

/** An ISO instant with its fraction to nanoseconds, so that instants compare as text ("…:00Z" and "…:00.5Z"). */
function instant(value: string | undefined): string {
  const match = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(value ?? '')
  return match === null ? value ?? '' : `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}Z`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
