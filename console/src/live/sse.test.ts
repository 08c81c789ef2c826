import { describe, expect, it } from 'vitest'
import { SseParser } from './sse'

describe('reading a server-sent event stream', () => {
  it('reads events with id, name and data, skipping comments', () => {
    const events = new SseParser().push(':after 41\n\nid:42\nevent:raised\ndata:{"alertId":"a"}\n\n')
    expect(events).toEqual([{ id: '42', event: 'raised', data: '{"alertId":"a"}' }])
  })

  it('joins an event split anywhere between chunks, CRLF included', () => {
    const parser = new SseParser()
    expect(parser.push('id: 7\r')).toEqual([])
    expect(parser.push('\nevent: assigned\r\nda')).toEqual([])
    expect(parser.push('ta: {"x":1}\r\n\r\n')).toEqual([{ id: '7', event: 'assigned', data: '{"x":1}' }])
  })

  it('joins multi-line data with newlines and names an unnamed event message', () => {
    expect(new SseParser().push('data: one\ndata: two\n\n')).toEqual([{ id: undefined, event: 'message', data: 'one\ntwo' }])
  })

  it('keeps the last id for later events, as Last-Event-ID does', () => {
    const events = new SseParser().push('id: 3\ndata: a\n\ndata: b\n\n')
    expect(events.map((e) => e.id)).toEqual(['3', '3'])
  })

  it('sends nothing for a heartbeat comment', () => {
    expect(new SseParser().push(':heartbeat\n\n')).toEqual([])
  })
})
