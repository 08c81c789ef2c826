import { describe, expect, it } from 'vitest'
import { boardRows, countsByRegion, filtered, NO_FILTER, totals, withProject } from './board'
import { regionChartOption } from './regionChart'
import type { ProjectRisk, RiskSignal } from '../api/types'

const project = (id: string, region: string, level: string, score: number, stage = 'implementation'): ProjectRisk =>
  ({ projectId: id, code: `NB-${id}`, title: `Bridge ${id} (桥)`, region, level: level as ProjectRisk['level'], score, stage, openSignals: 0 })
const signal = (projectId: string, ruleId: string, level: string): RiskSignal => ({ projectId, ruleId, level: level as RiskSignal['level'], status: 'open' })

const projects = [
  project('1', 'Haishu', 'GREEN', 0),
  project('2', 'Beilun', 'RED', 20),
  project('3', 'Haishu', 'YELLOW', 3, 'preparation'),
  project('4', 'Haishu', 'RED', 30),
]
const signals = [signal('2', 'R12', 'RED'), signal('2', 'R01', 'YELLOW'), signal('2', 'R10', 'RED'),
  signal('2', 'R04', 'RED'), signal('3', 'R11', 'YELLOW'), signal('4', 'R01', 'RED')]

describe('the 亮灯 board', () => {
  it('puts red first, then by score, each with its worst rules first, at most three', () => {
    const rows = boardRows(projects, signals)
    expect(rows.map((row) => row.project.projectId)).toEqual(['4', '2', '3', '1'])
    expect(rows[1].topRules).toEqual(['R04', 'R10', 'R12'])
    expect(rows[3].topRules).toEqual([])
  })

  it('filters by region, colour, rule, stage and text in code or title', () => {
    const rows = boardRows(projects, signals)
    expect(filtered(rows, { ...NO_FILTER, region: 'Haishu' }).map((r) => r.project.projectId)).toEqual(['4', '3', '1'])
    expect(filtered(rows, { ...NO_FILTER, level: 'RED' }).map((r) => r.project.projectId)).toEqual(['4', '2'])
    expect(filtered(rows, { ...NO_FILTER, rule: 'R11' }).map((r) => r.project.projectId)).toEqual(['3'])
    expect(filtered(rows, { ...NO_FILTER, stage: 'preparation' }).map((r) => r.project.projectId)).toEqual(['3'])
    expect(filtered(rows, { ...NO_FILTER, text: 'nb-1' }).map((r) => r.project.projectId)).toEqual(['1'])
    expect(filtered(rows, { ...NO_FILTER, text: '桥' })).toHaveLength(4)
  })

  it('counts colours per region, and in all', () => {
    const rows = boardRows(projects, signals)
    expect(countsByRegion(rows)).toEqual([
      { region: 'Beilun', counts: { RED: 1, YELLOW: 0, GREEN: 0 } },
      { region: 'Haishu', counts: { RED: 1, YELLOW: 1, GREEN: 1 } },
    ])
    expect(totals(rows)).toEqual({ RED: 2, YELLOW: 1, GREEN: 1 })
  })

  it('takes a live change of one project in place, keeping the order', () => {
    const rows = withProject(boardRows(projects, signals), project('1', 'Haishu', 'RED', 40), [signal('1', 'R01', 'RED')])
    expect(rows.map((row) => row.project.projectId)).toEqual(['1', '4', '2', '3'])
    expect(rows[0].topRules).toEqual(['R01'])
  })

  it('charts the counts as one stacked series per colour, named in words', () => {
    const option = regionChartOption(countsByRegion(boardRows(projects, signals)), (level) => level.toLowerCase())
    expect(option.xAxis.data).toEqual(['Beilun', 'Haishu'])
    expect(option.series.map((s) => [s.name, s.data])).toEqual([['red', [1, 1]], ['yellow', [0, 1]], ['green', [0, 1]]])
    expect(new Set(option.series.map((s) => s.stack))).toEqual(new Set(['projects']))
  })
})
