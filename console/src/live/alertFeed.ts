import { ref } from 'vue'
import { bearer, end } from '../session/session'
import type { StreamedStep } from '../api/types'
import { SseParser } from './sse'

/**
 * The one live subscription of a signed-in console: alert-service's stream of alert steps (each with its alert's
 * summary), read with fetch because EventSource cannot send the bearer token. When the connection drops it
 * reconnects with Last-Event-ID, so the steps in between still arrive, once each.
 */
export type StepListener = (step: StreamedStep) => void

const listeners = new Set<StepListener>()
const connected = ref(false)
let lastEventId: string | undefined
let controller: AbortController | null = null
let retry = 1000

export const live = { connected }

export function onStep(listener: StepListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Opens the stream once; resolves when the server has answered, so what happens from then on is seen. */
export function startFeed(): Promise<void> {
  if (controller !== null) {
    return Promise.resolve()
  }
  controller = new AbortController()
  return new Promise((opened) => {
    void follow(controller!.signal, opened)
  })
}

export function stopFeed(): void {
  controller?.abort()
  controller = null
  lastEventId = undefined
  connected.value = false
}

async function follow(signal: AbortSignal, opened: () => void): Promise<void> {
  while (!signal.aborted) {
    const token = bearer()
    if (token === null) {
      break
    }
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }
      if (lastEventId !== undefined) {
        headers['Last-Event-ID'] = lastEventId
      }
      const response = await fetch('/api/alerts/stream', { headers, signal, cache: 'no-store' })
      if (response.status === 401) {
        end('expired')
        break
      }
      if (!response.ok || response.body === null) {
        throw new Error(`stream answered ${response.status}`)
      }
      connected.value = true
      retry = 1000
      opened()
      await read(response.body, signal)
    } catch {
      if (signal.aborted) {
        break
      }
    }
    connected.value = false
    opened()
    await pause(retry, signal)
    retry = Math.min(retry * 2, 15000)
  }
}

async function read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const parser = new SseParser()
  while (!signal.aborted) {
    const { value, done } = await reader.read()
    if (done) {
      return
    }
    for (const event of parser.push(decoder.decode(value, { stream: true }))) {
      if (event.id !== undefined) {
        lastEventId = event.id
      }
      const step = JSON.parse(event.data) as StreamedStep
      listeners.forEach((listener) => listener(step))
    }
  }
}

function pause(millis: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, millis)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
