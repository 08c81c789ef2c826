import { describe, expect, it } from 'vitest'
import { eventTypes, nextAfter, pageQuery, parseNdjson } from './log'

const ndjson = '{"globalPosition":3,"projectId":"p1","type":"ProjectRegistered"}\n'
  + '{"globalPosition":5,"projectId":"p2","type":"TransactionRecorded"}\n\n'
  + '{"globalPosition":9,"projectId":"p1","type":"TransactionRecorded"}\n'

describe('the global log', () => {
  it('reads NDJSON one event a line, ignoring blank lines', () => {
    expect(parseNdjson(ndjson).map((event) => event.globalPosition)).toEqual([3, 5, 9])
  })

  it('asks the log for a project and a type only where they are set', () => {
    expect(pageQuery(0, 50, { project: '', type: '' })).toEqual({ after: 0, limit: 50 })
    expect(pageQuery(9, 50, { project: ' p1 ', type: 'TransactionRecorded' }))
      .toEqual({ after: 9, limit: 50, project: 'p1', type: 'TransactionRecorded' })
  })

  it('offers every event type the catalogue names', () => {
    expect(eventTypes({ 'event.TransactionRecorded': 'x', 'audit.title': 'y', 'event.ProjectRegistered': 'z' }))
      .toEqual(['ProjectRegistered', 'TransactionRecorded'])
  })

  it('pages on after the last event received, and stays put at the end', () => {
    expect(nextAfter(parseNdjson(ndjson), 0)).toBe(9)
    expect(nextAfter([], 9)).toBe(9)
  })
})
