import { describe, expect, it } from 'vitest'
import { sCurveOption, sCurvePoints } from './scurve'
import type { PlannedVersusActual } from '../api/types'

const series: PlannedVersusActual = {
  planned: [{ date: '2025-01-01', percent: 0 }, { date: '2025-06-30', percent: 16.5 }, { date: '2027-12-31', percent: 100 }],
  physicalProgress: [{ date: '2025-06-30', percent: 10 }],
  cumulativePayments: [
    { date: '2025-03-01', cumulative: 100, percentOfContractValue: undefined },
    { date: '2025-07-01', cumulative: 5000000, percentOfContractValue: 50 },
  ],
}

describe('the S-curve', () => {
  it('draws exactly the points the API gives, financial progress only where something is contracted', () => {
    expect(sCurvePoints(series)).toEqual({
      planned: [['2025-01-01', 0], ['2025-06-30', 16.5], ['2027-12-31', 100]],
      physical: [['2025-06-30', 10]],
      financial: [['2025-07-01', 50]],
    })
  })

  it('is one line per series on a time axis, named in the reader’s words', () => {
    const option = sCurveOption(series, (key) => `name:${key}`)
    expect(option.xAxis.type).toBe('time')
    expect(option.series.map((s) => [s.id, s.name])).toEqual([
      ['planned', 'name:planned'], ['physical', 'name:physical'], ['financial', 'name:financial']])
    expect(option.series[1].data).toEqual([['2025-06-30', 10]])
    // told apart by dash and symbol too, not by colour alone
    expect(new Set(option.series.map((s) => s.lineStyle.type)).size).toBe(3)
  })

  it('is empty, not broken, for a project without readings', () => {
    expect(sCurvePoints(undefined)).toEqual({ planned: [], physical: [], financial: [] })
  })
})
