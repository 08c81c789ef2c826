import type { ProjectRisk, RiskSignal } from '../api/types'
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

const TOP_RULES = 3

export function boardRows(projects: ProjectRisk[], openSignals: RiskSignal[]): BoardRow[] {
  const signalsOf = new Map<string, RiskSignal[]>()
  for (const signal of openSignals) {
    const list = signalsOf.get(signal.projectId ?? '') ?? []
    list.push(signal)
    signalsOf.set(signal.projectId ?? '', list)
  }
  return projects
    .map((project) => ({
      project,
      level: levelOf(project.level),
      topRules: topRules(signalsOf.get(project.projectId ?? '') ?? []),
    }))
    .sort(boardOrder)
}

/** Red first, then by score, then by code: the order a supervisor works down. */
function boardOrder(a: BoardRow, b: BoardRow): number {
  return byLevel(a.level, b.level) || (b.project.score ?? 0) - (a.project.score ?? 0)
    || (a.project.code ?? '').localeCompare(b.project.code ?? '')
}

function topRules(signals: RiskSignal[]): string[] {
  const rules = [...signals].sort((a, b) => byLevel(a.level, b.level) || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''))
    .map((signal) => signal.ruleId ?? '')
  return [...new Set(rules)].slice(0, TOP_RULES)
}

/** A row after a live change: the project's new risk and open signals in place of the old. */
export function withProject(rows: BoardRow[], project: ProjectRisk, openSignals: RiskSignal[]): BoardRow[] {
  const others = rows.filter((row) => row.project.projectId !== project.projectId)
  return [...others, ...boardRows([project], openSignals)].sort(boardOrder)
}

export function filtered(rows: BoardRow[], filter: BoardFilter): BoardRow[] {
  const text = filter.text.trim().toLowerCase()
  return rows.filter((row) =>
    (filter.region === '' || row.project.region === filter.region)
    && (filter.level === '' || row.level === filter.level)
    && (filter.stage === '' || row.project.stage === filter.stage)
    && (filter.rule === '' || row.topRules.includes(filter.rule))
    && (text === '' || `${row.project.code ?? ''} ${row.project.title ?? ''}`.toLowerCase().includes(text)))
}

/** The choices a filter offers: the values present on the board, sorted. */
export function choices(rows: BoardRow[], of: 'region' | 'stage'): string[] {
  return [...new Set(rows.map((row) => row.project[of] ?? '').filter((value) => value !== ''))].sort()
}

export function ruleChoices(rows: BoardRow[]): string[] {
  return [...new Set(rows.flatMap((row) => row.topRules))].sort()
}

export type ColourCounts = Record<Level, number>

/** How many projects of each colour each region has, regions in name order. */
export function countsByRegion(rows: BoardRow[]): Array<{ region: string; counts: ColourCounts }> {
  const byRegion = new Map<string, ColourCounts>()
  for (const row of rows) {
    const region = row.project.region ?? ''
    const counts = byRegion.get(region) ?? { RED: 0, YELLOW: 0, GREEN: 0 }
    counts[row.level] += 1
    byRegion.set(region, counts)
  }
  return [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([region, counts]) => ({ region, counts }))
}

export function totals(rows: BoardRow[]): ColourCounts {
  const counts: ColourCounts = { RED: 0, YELLOW: 0, GREEN: 0 }
  rows.forEach((row) => (counts[row.level] += 1))
  return counts
}

export { LEVELS }
