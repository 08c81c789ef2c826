import { describe, expect, it } from 'vitest'
import { money, toFen, wanYuan, yuan } from './money'

describe('money', () => {
  it('reads decimal strings and JSON numbers into exact fen', () => {
    expect(toFen('441680000.00')).toBe(44168000000n)
    expect(toFen(1400000.0)).toBe(140000000n)
    expect(toFen('0.1')).toBe(10n)
    expect(toFen(0.1 + 0.2)).toBe(30n)
    expect(toFen('-5.5')).toBe(-550n)
  })

  it('refuses what is no amount', () => {
    expect(() => toFen('12,00')).toThrow()
    expect(() => toFen('1e6')).toThrow()
  })

  it('shows 元 with grouping and two decimals', () => {
    expect(yuan(123456780n)).toBe('1,234,567.80')
    expect(yuan(5n)).toBe('0.05')
  })

  it('shows 万元 rounded half up to two decimals', () => {
    expect(wanYuan(toFen('441680000.00'))).toBe('44,168.00')
    expect(wanYuan(toFen('12345.00'))).toBe('1.23')
    expect(wanYuan(toFen('12350.00'))).toBe('1.24')
  })

  it('speaks 万元 in Chinese from ten thousand yuan up, 元 below, and CNY in English', () => {
    expect(money('50000000.00', 'zh-CN')).toBe('5,000.00 万元')
    expect(money('9999.99', 'zh-CN')).toBe('9,999.99 元')
    expect(money('50000000.00', 'en')).toBe('CNY 50,000,000.00')
    expect(money(undefined, 'en')).toBe('—')
  })
})
