import { describe, expect, it } from 'vitest'
import { inboxQuery, inView, newestFirst, proposedDeadline, shanghaiToday, upsert, withPage } from './inbox'
import type { AlertSummary } from '../api/types'

const alert = (id: string, raisedAt: string, status = 'raised', level = 'RED', updatedAt = raisedAt): AlertSummary =>
  ({ id, raisedAt, status, level, updatedAt })

describe('the alert inbox', () => {
  it('puts a live alert first and replaces an alert it already has', () => {
    const list = [alert('a', '2026-03-01T00:00:00Z'), alert('b', '2026-02-01T00:00:00Z')]
    expect(upsert(list, alert('c', '2026-03-02T00:00:00Z')).map((a) => a.id)).toEqual(['c', 'a', 'b'])
    const moved = upsert(list, alert('b', '2026-02-01T00:00:00Z', 'assigned'))
    expect(moved.map((a) => [a.id, a.status])).toEqual([['a', 'raised'], ['b', 'assigned']])
  })

  it('orders as the API pages: newest first by the instant, not its text, then by id, the greater first', () => {
    const list = [alert('0a', '2026-03-01T02:00:00Z'), alert('0b', '2026-03-01T02:00:00.5Z'),
      alert('0c', '2026-03-01T02:00:00Z'), alert('ff', '2026-03-01T01:59:59.999999Z')]
    expect(newestFirst(list).map((a) => a.id)).toEqual(['0b', '0c', '0a', 'ff'])
  })

  it('adds an older page below what it shows, an alert it has once, in the version that changed last', () => {
    const live = alert('new', '2026-03-03T00:00:00Z')
    const changedLive = alert('b', '2026-02-01T00:00:00Z', 'assigned', 'RED', '2026-03-03T00:00:00Z')
    const shown = [live, alert('a', '2026-03-01T00:00:00Z'), changedLive]
    const older = [alert('b', '2026-02-01T00:00:00Z'), alert('c', '2026-01-01T00:00:00Z')]
    expect(withPage(shown, older).map((a) => [a.id, a.status])).toEqual(
      [['new', 'raised'], ['a', 'raised'], ['b', 'assigned'], ['c', 'raised']])
  })

  it('keeps a live alert that came while the first page was asked for, whether the page has it or not', () => {
    const meanwhile = [alert('live', '2026-03-05T00:00:00Z'), alert('both', '2026-03-04T00:00:00Z', 'assigned', 'RED',
      '2026-03-05T00:00:00Z')]
    const firstPage = [alert('both', '2026-03-04T00:00:00Z'), alert('old', '2026-03-01T00:00:00Z')]
    expect(withPage(meanwhile, firstPage).map((a) => [a.id, a.status])).toEqual(
      [['live', 'raised'], ['both', 'assigned'], ['old', 'raised']])
  })

  it('asks the API for the open alerts by default, every one on asking, by colour', () => {
    expect(inboxQuery('open', '')).toEqual({ status: 'open', level: undefined })
    expect(inboxQuery('all', 'RED')).toEqual({ status: undefined, level: 'RED' })
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
