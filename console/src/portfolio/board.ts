import type { Portfolio, ProjectRisk } from '../api/types'
import { byLevel, LEVELS, levelOf, type Level } from '../risk/colour'

/** A project on the 亮灯 board: its risk row and the rules of its open signals, worst first. */
export interface BoardRow {
  project: ProjectRisk
  level: Level
  topRules: string[]
}

export interface BoardFilter {
  region: string
  level: string
  rule: string
  stage: string
  text: string
}

export const NO_FILTER: BoardFilter = { region: '', level: '', rule: '', stage: '', text: '' }

/** How many projects a page of the board asks for; the rest come with "load more". */
export const BOARD_PAGE = 200

const TOP_RULES = 3

/** The rows of the projects loaded so far (the API gives each its open rules, worst first), in the board's order. */
export function boardRows(projects: ProjectRisk[]): BoardRow[] {
  return projects
    .map((project) => ({ project, level: levelOf(project.level), topRules: (project.openRules ?? []).slice(0, TOP_RULES) }))
    .sort(boardOrder)
}

/** Red first, then by score, then by code: the order a supervisor works down the projects loaded. */
function boardOrder(a: BoardRow, b: BoardRow): number {
  return byLevel(a.level, b.level) || (b.project.score ?? 0) - (a.project.score ?? 0)
    || (a.project.code ?? '').localeCompare(b.project.code ?? '')
}

/**
 * The projects loaded after a live change of one: its new risk in place of the old. A project not loaded stays
 * out (it is on a page not asked for yet, or the filters leave it out: the next page or reload brings it).
 */
export function withProject(projects: ProjectRisk[], changed: ProjectRisk): ProjectRisk[] {
  return projects.map((project) => (project.projectId === changed.projectId ? changed : project))
}

/**
 * The rows the filters hold. The API filters the same way; this keeps a row that a live change took out of the
 * filter (a yellow project turned red while the board shows yellow) off the board until the next reload.
 */
export function filtered(rows: BoardRow[], filter: BoardFilter): BoardRow[] {
  const text = filter.text.trim().toLowerCase()
  return rows.filter((row) =>
    (filter.region === '' || row.project.region === filter.region)
    && (filter.level === '' || row.level === filter.level)
    && (filter.stage === '' || row.project.stage === filter.stage)
    && (filter.rule === '' || (row.project.openRules ?? []).includes(filter.rule))
    && (text === '' || (row.project.code ?? '').toLowerCase().includes(text)
      || (row.project.title ?? '').toLowerCase().includes(text)))
}

/** The choices a filter offers: the keys of the portfolio's groups (every one the caller may read), sorted. */
export function choices(groups: Portfolio['byRegion']): string[] {
  return [...new Set((groups ?? []).map((group) => group.key ?? '').filter((key) => key !== ''))].sort()
}

export type ColourCounts = Record<Level, number>

/** How many projects of each colour each region has, as the portfolio counts them, regions in name order. */
export function countsByRegion(portfolio: Portfolio | null): Array<{ region: string; counts: ColourCounts }> {
  return (portfolio?.coloursByRegion ?? [])
    .map((entry) => ({ region: entry.region ?? '', counts: colourCounts(entry.counts) }))
    .sort((a, b) => a.region.localeCompare(b.region))
}

/** How many projects of each colour the portfolio counts in all. */
export function totals(portfolio: Portfolio | null): ColourCounts {
  const counts: ColourCounts = { RED: 0, YELLOW: 0, GREEN: 0 }
  for (const group of portfolio?.byLevel ?? []) {
    counts[levelOf(group.key)] += group.projects ?? 0
  }
  return counts
}

function colourCounts(counts: Record<string, number> | undefined): ColourCounts {
  return { RED: counts?.RED ?? 0, YELLOW: counts?.YELLOW ?? 0, GREEN: counts?.GREEN ?? 0 }
}

export { LEVELS }
