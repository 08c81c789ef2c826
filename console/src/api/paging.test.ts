import { describe, expect, it } from 'vitest'
import { appended, pageQuery, pager, type Page } from './paging'

interface Item { id: string; v: number }
const item = (id: string, v = 1): Item => ({ id, v })

describe('a list a page at a time', () => {
  it('asks with the filters that are set, the limit, and the cursor as it came', () => {
    expect(pageQuery({ region: 'Haishu', level: '', text: ' bridge ', rule: undefined }, 200, null))
      .toEqual({ region: 'Haishu', text: 'bridge', limit: 200 })
    expect(pageQuery({ project: 'p-1' }, 50, 'WyIvYXBpIl0.abc')).toEqual({ project: 'p-1', limit: 50, after: 'WyIvYXBpIl0.abc' })
  })

  it('adds a further page after what is shown, each item once, a shown one in the fresher version', () => {
    const shown = [item('live', 2), item('a'), item('b')]
    const more = [item('b', 3), item('c'), item('live', 1)]
    expect(appended(shown, more, (i) => i.id)).toEqual([item('live', 2), item('a'), item('b'), item('c')])
    expect(appended(shown, more, (i) => i.id, (kept, paged) => (paged.v > kept.v ? paged : kept)))
      .toEqual([item('live', 2), item('a'), item('b', 3), item('c')])
  })

  it('walks the pages the list gives and stops at a null next', async () => {
    const pages: Record<string, Page<Item>> = {
      first: { items: [item('a'), item('b')], next: 'c1', total: 3 },
      c1: { items: [item('c')], next: null, total: 3 },
    }
    const asked: Array<string | null> = []
    const list = pager<Item>(async (after) => {
      asked.push(after)
      return pages[after ?? 'first']
    }, (shown, more) => appended(shown, more, (i) => i.id))

    await list.reload()
    expect(list.items.value.map((i) => i.id)).toEqual(['a', 'b'])
    expect(list.next.value).toBe('c1')
    await list.more()
    await list.more()
    expect(list.items.value.map((i) => i.id)).toEqual(['a', 'b', 'c'])
    expect(list.next.value).toBeNull()
    expect(list.total.value).toBe(3)
    expect(asked).toEqual([null, 'c1'])
  })

  it('drops the answer of a reload that an earlier filter asked for when a later one was asked since', async () => {
    const answers: Array<(page: Page<Item>) => void> = []
    const list = pager<Item>(() => new Promise((resolve) => answers.push(resolve)), (shown, more) => [...shown, ...more])

    const before = list.reload()
    const after = list.reload()
    answers[1]({ items: [item('new')], next: null })
    await after
    answers[0]({ items: [item('old')], next: 'x' })
    await before
    expect(list.items.value.map((i) => i.id)).toEqual(['new'])
    expect(list.next.value).toBeNull()
    expect(list.loading.value).toBe(false)
  })

  it('lets live changes that came while the first page was asked for join it', async () => {
    const live: Item[] = []
    let answer: (page: Page<Item>) => void = () => undefined
    const list = pager<Item>(() => new Promise((resolve) => (answer = resolve)), (shown, more) => [...shown, ...more],
      (page) => appended(live, page, (i) => i.id))

    const loading = list.reload()
    live.push(item('raised-meanwhile'))
    answer({ items: [item('a')], next: null })
    await loading
    expect(list.items.value.map((i) => i.id)).toEqual(['raised-meanwhile', 'a'])
  })
})
