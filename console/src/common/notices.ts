import { ref } from 'vue'

/** Notices of live changes, shown in a polite live region, optionally with a tone. */
export interface Notice {
  id: number
  text: string
  level: string
}

export const notices = ref<Notice[]>([])
export const soundOn = ref(false)
let next = 1

export function notify(text: string, level: string): void {
  notices.value = [{ id: next++, text, level }, ...notices.value].slice(0, 5)
  if (soundOn.value) {
    tone(level === 'RED' ? 880 : 660)
  }
}

export function dismiss(id: number): void {
  notices.value = notices.value.filter((notice) => notice.id !== id)
}

function tone(frequency: number): void {
  try {
    const audio = new AudioContext()
    const oscillator = audio.createOscillator()
    oscillator.frequency.value = frequency
    oscillator.connect(audio.destination)
    oscillator.start()
    oscillator.stop(audio.currentTime + 0.2)
  } catch {
    // no audio device: the visible notice is enough
  }
}
