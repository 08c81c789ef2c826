import type { EventEnvelope } from '../api/types'

/** The global log arrives as NDJSON: one event a line. */
export function parseNdjson(text: string): EventEnvelope[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as EventEnvelope)
}

export interface LogFilter {
  project: string
  type: string
}

/** The query of one page: the filters the log serves (project, type) only where they are set. */
export function pageQuery(after: number, limit: number, filter: LogFilter): Record<string, string | number> {
  const query: Record<string, string | number> = { after, limit }
  if (filter.project.trim() !== '') {
    query.project = filter.project.trim()
  }
  if (filter.type !== '') {
    query.type = filter.type
  }
  return query
}

/** Where the next page starts: after the last event of this one (the log's own paging rule). */
export function nextAfter(events: EventEnvelope[], after: number): number {
  return events.length === 0 ? after : (events[events.length - 1].globalPosition ?? after)
}

/** Every event type the console has words for, which is every type the project service records. */
export function eventTypes(catalogue: Record<string, string>): string[] {
  return Object.keys(catalogue).filter((key) => key.startsWith('event.')).map((key) => key.slice('event.'.length)).sort()
}
