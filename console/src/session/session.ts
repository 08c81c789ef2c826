import { computed, ref } from 'vue'
import { hasExpired, sessionOf, type Session } from './token'

// sessionStorage, never localStorage: the token goes when the tab goes, and no other tab reads it.
const KEY = 'jianhu.session'

export type EndReason = 'signedOut' | 'expired'

const current = ref<Session | null>(restore())
const endedBecause = ref<EndReason | null>(null)
let expiryTimer: ReturnType<typeof setTimeout> | undefined
scheduleExpiry()

export const session = computed(() => current.value)
export const lastEnd = computed(() => endedBecause.value)

/** Starts a session with a bearer token from whichever issuer signed the user in. */
export function begin(token: string): Session {
  const started = sessionOf(token)
  current.value = started
  endedBecause.value = null
  sessionStorage.setItem(KEY, token)
  scheduleExpiry()
  return started
}

export function end(reason: EndReason): void {
  if (current.value === null) {
    return
  }
  current.value = null
  endedBecause.value = reason
  sessionStorage.removeItem(KEY)
  clearTimeout(expiryTimer)
}

export function bearer(): string | null {
  const now = Date.now()
  if (current.value !== null && hasExpired(current.value, now)) {
    end('expired')
  }
  return current.value?.token ?? null
}

function restore(): Session | null {
  const token = sessionStorage.getItem(KEY)
  if (token === null) {
    return null
  }
  try {
    const restored = sessionOf(token)
    return hasExpired(restored, Date.now()) ? null : restored
  } catch {
    return null
  }
}

function scheduleExpiry(): void {
  clearTimeout(expiryTimer)
  if (current.value !== null) {
    // setTimeout holds at most ~24.8 days; tokens live far shorter.
    const wait = Math.min(current.value.expiresAt - Date.now(), 2_000_000_000)
    expiryTimer = setTimeout(() => end('expired'), Math.max(wait, 0))
  }
}
