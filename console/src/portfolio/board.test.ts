import { describe, expect, it } from 'vitest'
import { boardRows, choices, countsByRegion, filtered, NO_FILTER, totals, withProject } from './board'
import { regionChartOption } from './regionChart'
import type { Portfolio, ProjectRisk } from '../api/types'

const project = (id: string, region: string, level: string, score: number, openRules: string[] = [],
  stage = 'implementation'): ProjectRisk =>
  ({ projectId: id, code: `NB-${id}`, title: `Bridge ${id} (桥)`, region, level: level as ProjectRisk['level'], score, stage,
    openSignals: openRules.length, openRules })

const projects = [
  project('1', 'Haishu', 'GREEN', 0),
  project('2', 'Beilun', 'RED', 20, ['R04', 'R10', 'R12', 'R01']),
  project('3', 'Haishu', 'YELLOW', 3, ['R11'], 'preparation'),
  project('4', 'Haishu', 'RED', 30, ['R01']),
]

const portfolio: Portfolio = {
  all: { projects: 14 },
  byRegion: [{ key: 'Haishu', projects: 9 }, { key: 'Beilun', projects: 5 }],
  byStage: [{ key: 'preparation', projects: 2 }, { key: 'implementation', projects: 12 }],
  byLevel: [{ key: 'GREEN', projects: 9 }, { key: 'RED', projects: 2 }, { key: 'YELLOW', projects: 3 }],
  coloursByRegion: [{ region: 'Haishu', counts: { RED: 1, YELLOW: 3, GREEN: 5 } },
    { region: 'Beilun', counts: { RED: 1, YELLOW: 0, GREEN: 4 } }],
}

describe('the 亮灯 board', () => {
  it('puts the projects loaded red first, then by score, each with its worst rules first, at most three', () => {
    const rows = boardRows(projects)
    expect(rows.map((row) => row.project.projectId)).toEqual(['4', '2', '3', '1'])
    expect(rows[1].topRules).toEqual(['R04', 'R10', 'R12'])
    expect(rows[3].topRules).toEqual([])
  })

  it('keeps to the filters the API applied, by region, colour, any open rule, stage and text in code or title', () => {
    const rows = boardRows(projects)
    expect(filtered(rows, { ...NO_FILTER, region: 'Haishu' }).map((r) => r.project.projectId)).toEqual(['4', '3', '1'])
    expect(filtered(rows, { ...NO_FILTER, level: 'RED' }).map((r) => r.project.projectId)).toEqual(['4', '2'])
    expect(filtered(rows, { ...NO_FILTER, rule: 'R01' }).map((r) => r.project.projectId)).toEqual(['4', '2'])
    expect(filtered(rows, { ...NO_FILTER, stage: 'preparation' }).map((r) => r.project.projectId)).toEqual(['3'])
    expect(filtered(rows, { ...NO_FILTER, text: 'nb-1' }).map((r) => r.project.projectId)).toEqual(['1'])
    expect(filtered(rows, { ...NO_FILTER, text: '桥' })).toHaveLength(4)
  })

  it('counts colours per region and in all as the portfolio does, not from the projects loaded', () => {
    expect(countsByRegion(portfolio)).toEqual([
      { region: 'Beilun', counts: { RED: 1, YELLOW: 0, GREEN: 4 } },
      { region: 'Haishu', counts: { RED: 1, YELLOW: 3, GREEN: 5 } },
    ])
    expect(totals(portfolio)).toEqual({ RED: 2, YELLOW: 3, GREEN: 9 })
    expect(totals(null)).toEqual({ RED: 0, YELLOW: 0, GREEN: 0 })
    expect(choices(portfolio.byRegion)).toEqual(['Beilun', 'Haishu'])
    expect(choices(portfolio.byStage)).toEqual(['implementation', 'preparation'])
  })

  it('takes a live change of a loaded project in place, and leaves one not loaded to its page', () => {
    const changed = withProject(projects, project('1', 'Haishu', 'RED', 40, ['R01']))
    const rows = boardRows(changed)
    expect(rows.map((row) => row.project.projectId)).toEqual(['1', '4', '2', '3'])
    expect(rows[0].topRules).toEqual(['R01'])
    expect(withProject(projects, project('99', 'Haishu', 'RED', 40))).toEqual(projects)
  })

  it('charts the counts as one stacked series per colour, named in words', () => {
    const option = regionChartOption(countsByRegion(portfolio), (level) => level.toLowerCase())
    expect(option.xAxis.data).toEqual(['Beilun', 'Haishu'])
    expect(option.series.map((s) => [s.name, s.data])).toEqual([['red', [1, 1]], ['yellow', [0, 3]], ['green', [4, 5]]])
    expect(new Set(option.series.map((s) => s.stack))).toEqual(new Set(['projects']))
  })
})
