import { describe, expect, it } from 'vitest'
import { byLevel, levelLabel, levelOf, levelSymbol, worst } from './colour'
import { catalogues } from '../i18n/i18n'

describe('colour of a project', () => {
  it('is the worst of its open signals, green when it has none', () => {
    expect(worst(['YELLOW', 'RED', 'GREEN'])).toBe('RED')
    expect(worst(['YELLOW', 'GREEN'])).toBe('YELLOW')
    expect(worst([])).toBe('GREEN')
  })

  it('reads the API level in any case and takes anything unknown as green', () => {
    expect(levelOf('red')).toBe('RED')
    expect(levelOf(undefined)).toBe('GREEN')
  })

  it('sorts red first', () => {
    expect(['GREEN', 'RED', 'YELLOW'].sort(byLevel)).toEqual(['RED', 'YELLOW', 'GREEN'])
  })

  it('always has a word and a shape besides the colour', () => {
    expect(catalogues['zh-CN'][levelLabel('RED')]).toBe('红')
    expect(catalogues['zh-CN'][levelLabel('YELLOW')]).toBe('黄')
    expect(catalogues['zh-CN'][levelLabel('GREEN')]).toBe('绿')
    expect(catalogues.en[levelLabel('RED')]).toBe('Red')
    expect(new Set([levelSymbol('RED'), levelSymbol('YELLOW'), levelSymbol('GREEN')]).size).toBe(3)
  })
})
