import { describe, expect, it } from 'vitest'
import { matching, nextAfter, parseNdjson, typesIn } from './log'

const ndjson = '{"globalPosition":3,"projectId":"p1","type":"ProjectRegistered"}\n'
  + '{"globalPosition":5,"projectId":"p2","type":"TransactionRecorded"}\n\n'
  + '{"globalPosition":9,"projectId":"p1","type":"TransactionRecorded"}\n'

describe('the global log', () => {
  it('reads NDJSON one event a line, ignoring blank lines', () => {
    expect(parseNdjson(ndjson).map((event) => event.globalPosition)).toEqual([3, 5, 9])
  })

  it('filters a page by project and type', () => {
    const events = parseNdjson(ndjson)
    expect(matching(events, { project: 'p1', type: '' }).map((e) => e.globalPosition)).toEqual([3, 9])
    expect(matching(events, { project: '', type: 'TransactionRecorded' }).map((e) => e.globalPosition)).toEqual([5, 9])
    expect(typesIn(events)).toEqual(['ProjectRegistered', 'TransactionRecorded'])
  })

  it('pages on after the last event received, and stays put at the end', () => {
    expect(nextAfter(parseNdjson(ndjson), 0)).toBe(9)
    expect(nextAfter([], 9)).toBe(9)
  })
})
