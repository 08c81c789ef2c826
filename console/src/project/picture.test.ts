import { describe, expect, it } from 'vitest'
import { asOfInstant, pictureNow, pictureThen } from './picture'

describe('a project’s risk picture', () => {
  it('reads the current picture and the one as of an instant alike', () => {
    const now = pictureNow({ project: { level: 'RED', score: 10 }, openSignals: [{ ruleId: 'R01', level: 'RED' }], plannedVersusActual: { planned: [] } })
    const then = pictureThen({ level: 'YELLOW', score: 3, conditions: [{ ruleId: 'R11', level: 'YELLOW' }] })
    expect([now.level, now.score, now.signals.length]).toEqual(['RED', 10, 1])
    expect([then.level, then.score, then.signals[0].ruleId]).toEqual(['YELLOW', 3, 'R11'])
  })

  it('turns the as-of field into an instant, and nothing into none', () => {
    expect(asOfInstant('2026-03-01T08:00:00Z')).toBe('2026-03-01T08:00:00.000Z')
    expect(asOfInstant('')).toBeNull()
    expect(asOfInstant('yesterday')).toBeNull()
  })
})
