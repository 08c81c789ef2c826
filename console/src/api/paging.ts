import { ref, shallowRef, type Ref } from 'vue'

/**
 * One page of a list: every list of the API answers this shape (`items`, and `next`, the cursor of the page after,
 * null on the last page; `total` where the list counts). The cursor is opaque: it is sent back as `after`, as it came.
 */
export interface Page<T> {
  items: T[]
  next: string | null
  total?: number
}

/** The query of one page: the filters that are set (an empty one is left out), the limit, and the cursor if any. */
export function pageQuery<F extends { [K in keyof F]: string | undefined }>(filters: F, limit: number,
  after: string | null): Partial<F> & { limit: number; after?: string } {
  const query: Record<string, string | number> = { limit }
  for (const [name, value] of Object.entries(filters) as Array<[string, string | undefined]>) {
    if (value !== undefined && value.trim() !== '') {
      query[name] = value.trim()
    }
  }
  if (after !== null) {
    query.after = after
  }
  return query as Partial<F> & { limit: number; after?: string }
}

/**
 * The items shown after a further page arrived: those shown, then the page's, each once. An item the list already
 * shows (a live change put it there) keeps its place, in whichever version `fresher` prefers.
 */
export function appended<T>(shown: T[], more: T[], idOf: (item: T) => string,
  fresher: (kept: T, paged: T) => T = (kept) => kept): T[] {
  const byId = new Map(more.map((item) => [idOf(item), item]))
  const kept = shown.map((item) => {
    const paged = byId.get(idOf(item))
    return paged === undefined ? item : fresher(item, paged)
  })
  const present = new Set(shown.map(idOf))
  return [...kept, ...more.filter((item) => !present.has(idOf(item)))]
}

/** A list read a page at a time, as a screen shows it: what is loaded, whether more is there, and loading it. */
export interface Pager<T> {
  items: Ref<T[]>
  next: Ref<string | null>
  total: Ref<number | undefined>
  loading: Ref<boolean>
  /** From the first page again (the filters changed); an answer to an earlier reload that comes late is dropped. */
  reload(): Promise<void>
  /** The next page, after those loaded. */
  more(): Promise<void>
}

/**
 * @param pageAfter the page after a cursor (null: the first), with the filters of the moment
 * @param merge how a further page joins what is shown (live changes may be among it)
 * @param first how a first page becomes what is shown (live changes that came while it was asked for may join it)
 */
export function pager<T>(pageAfter: (after: string | null) => Promise<Page<T>>,
  merge: (shown: T[], more: T[]) => T[], first: (page: T[]) => T[] = (page) => page): Pager<T> {
  const items = shallowRef<T[]>([]) as Ref<T[]>
  const next = ref<string | null>(null)
  const total = ref<number | undefined>(undefined)
  const loading = ref(false)
  let generation = 0

  async function load(after: string | null): Promise<void> {
    const asked = after === null ? ++generation : generation
    loading.value = true
    try {
      const page = await pageAfter(after)
      if (asked !== generation) {
        return
      }
      items.value = after === null ? first(page.items) : merge(items.value, page.items)
      next.value = page.next
      total.value = page.total
    } finally {
      if (asked === generation) {
        loading.value = false
      }
    }
  }

  return {
    items, next, total, loading,
    reload: () => load(null),
    more: () => (next.value === null || loading.value ? Promise.resolve() : load(next.value)),
  }
}
