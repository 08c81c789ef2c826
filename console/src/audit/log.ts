import type { EventEnvelope } from '../api/types'

/** The global log arrives as NDJSON: one event a line. */
export function parseNdjson(text: string): EventEnvelope[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as EventEnvelope)
}

export interface LogFilter {
  project: string
  type: string
}

export function matching(events: EventEnvelope[], filter: LogFilter): EventEnvelope[] {
  const project = filter.project.trim()
  return events.filter((event) => (project === '' || event.projectId === project)
    && (filter.type === '' || event.type === filter.type))
}

/** Where the next page starts: after the last event of this one (the log's own paging rule). */
export function nextAfter(events: EventEnvelope[], after: number): number {
  return events.length === 0 ? after : (events[events.length - 1].globalPosition ?? after)
}

export function typesIn(events: EventEnvelope[]): string[] {
  return [...new Set(events.map((event) => event.type ?? ''))].sort()
}
