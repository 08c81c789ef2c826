import { ref } from 'vue'
import { zhCN } from './zh-CN'
import { en } from './en'

/** Two catalogues with the same keys (en is typed by zh-CN's); 简体中文 by default. */
export type Locale = 'zh-CN' | 'en'
export type MessageKey = keyof typeof zhCN

export const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }

// The language is a preference, not a secret: it may outlive the session.
const KEY = 'jianhu.locale'

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY)

export const locale = ref<Locale>(stored === 'en' ? 'en' : 'zh-CN')

export function setLocale(next: Locale): void {
  locale.value = next
  localStorage.setItem(KEY, next)
  document.documentElement.lang = next
}

/** A message with its {placeholders} filled in. Values are text: templates render them as text, never as HTML. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return translate(locale.value, key, params)
}

export function translate(on: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const message = catalogues[on][key] ?? key
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** A catalogue key for an API code (a status, a step, a role), or the code itself where none is known. */
export function codeText(prefix: string, code: string | undefined): string {
  if (!code) {
    return '—'
  }
  const key = `${prefix}.${code}` as MessageKey
  return key in catalogues[locale.value] ? t(key) : code
}

/** The explanation of a signal in the reader's language. */
export function explanation(item: { explanationZh?: string; explanationEn?: string }): string {
  return (locale.value === 'zh-CN' ? item.explanationZh : item.explanationEn) ?? item.explanationEn ?? ''
}
