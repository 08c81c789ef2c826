/** One server-sent event (https://html.spec.whatwg.org/multipage/server-sent-events.html). */
export interface SseEvent {
  id?: string
  event: string
  data: string
}

/**
 * Reads a text/event-stream as its chunks arrive: lines may be split anywhere between chunks and end in
 * LF, CR or CRLF; comments (":…") are skipped; an event ends at a blank line.
 */
export class SseParser {
  private buffer = ''
  private data: string[] = []
  private event = ''
  private id: string | undefined
  private pendingCr = false

  push(chunk: string): SseEvent[] {
    let text = chunk
    if (this.pendingCr && text.startsWith('\n')) {
      text = text.slice(1)
    }
    this.pendingCr = text.endsWith('\r')
    this.buffer += text
    const lines = this.buffer.split(/\r\n|\r|\n/)
    this.buffer = lines.pop() ?? ''
    const events: SseEvent[] = []
    for (const line of lines) {
      const event = this.line(line)
      if (event !== null) {
        events.push(event)
      }
    }
    return events
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      return this.dispatch()
    }
    if (line.startsWith(':')) {
      return null
    }
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) {
      value = value.slice(1)
    }
    if (field === 'data') {
      this.data.push(value)
    } else if (field === 'event') {
      this.event = value
    } else if (field === 'id' && !value.includes('\0')) {
      this.id = value
    }
    return null
  }

  private dispatch(): SseEvent | null {
    const event = this.data.length === 0 ? null : { id: this.id, event: this.event || 'message', data: this.data.join('\n') }
    this.data = []
    this.event = ''
    return event
  }
}
