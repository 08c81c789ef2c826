import { describe, expect, it } from 'vitest'
import { inView, proposedDeadline, shanghaiToday, upsert } from './inbox'
import type { AlertSummary } from '../api/types'

const alert = (id: string, raisedAt: string, status = 'raised', level = 'RED'): AlertSummary => ({ id, raisedAt, status, level })

describe('the alert inbox', () => {
  it('puts a live alert first and replaces an alert it already has', () => {
    const list = [alert('a', '2026-03-01T00:00:00Z'), alert('b', '2026-02-01T00:00:00Z')]
    expect(upsert(list, alert('c', '2026-03-02T00:00:00Z')).map((a) => a.id)).toEqual(['c', 'a', 'b'])
    const moved = upsert(list, alert('b', '2026-02-01T00:00:00Z', 'assigned'))
    expect(moved.map((a) => [a.id, a.status])).toEqual([['a', 'raised'], ['b', 'assigned']])
  })

  it('shows open alerts by default, every one on asking, by colour', () => {
    const list = [alert('a', '1', 'closed'), alert('b', '2', 'verified', 'YELLOW'), alert('c', '3', 'dismissed')]
    expect(inView(list, 'open', '').map((a) => a.id)).toEqual(['b'])
    expect(inView(list, 'all', '').map((a) => a.id)).toEqual(['a', 'b', 'c'])
    expect(inView(list, 'all', 'RED').map((a) => a.id)).toEqual(['a', 'c'])
  })

  it('proposes a deadline two weeks out, dated in Shanghai', () => {
    expect(proposedDeadline('2026-12-25')).toBe('2027-01-08')
    expect(shanghaiToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02')
  })
})
