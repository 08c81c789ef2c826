import type { Locale } from '../i18n/i18n'

/**
 * Money as the API gives it (a decimal string, or a JSON number such as 1400000.0) in exact fen:
 * no floating-point arithmetic touches an amount.
 */
export function toFen(amount: string | number): bigint {
  const text = typeof amount === 'number' ? numberText(amount) : amount.trim()
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text)
  if (match === null) {
    throw new Error(`not an amount: ${amount}`)
  }
  const [, sign, whole, fraction = ''] = match
  const cents = (fraction + '00').slice(0, 2)
  // A third decimal place rounds half up; the API never sends more than two.
  const roundUp = fraction.length > 2 && fraction[2] >= '5' ? 1n : 0n
  const fen = BigInt(whole) * 100n + BigInt(cents) + roundUp
  return sign === '-' ? -fen : fen
}

function numberText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : value.toFixed(2)
}

const TEN_THOUSAND_YUAN = 1_000_000n

/** 元 with two decimals and grouping: 1,234,567.80 */
export function yuan(fen: bigint): string {
  return grouped(fen, 100n)
}

/** 万元 with two decimals (rounded half up): 123.46 */
export function wanYuan(fen: bigint): string {
  return grouped(fen, TEN_THOUSAND_YUAN)
}

/** An amount for people to read: 万元 from ten thousand yuan up in Chinese, yuan with the currency in English. */
export function money(amount: string | number | undefined | null, locale: Locale): string {
  if (amount === undefined || amount === null || amount === '') {
    return '—'
  }
  const fen = toFen(amount)
  if (locale === 'zh-CN') {
    const abs = fen < 0n ? -fen : fen
    return abs >= TEN_THOUSAND_YUAN ? `${wanYuan(fen)} 万元` : `${yuan(fen)} 元`
  }
  return `CNY ${yuan(fen)}`
}

function grouped(fen: bigint, unit: bigint): string {
  const negative = fen < 0n
  const abs = negative ? -fen : fen
  // two decimals of the unit, rounded half up
  const hundredths = (abs * 100n * 2n + unit) / (unit * 2n)
  const whole = (hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const decimals = (hundredths % 100n).toString().padStart(2, '0')
  return `${negative ? '-' : ''}${whole}.${decimals}`
}
