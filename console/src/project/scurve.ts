import type { PlannedVersusActual } from '../api/types'

export type SCurveSeries = 'planned' | 'physical' | 'financial'

/**
 * The S-curve of a project: the planned line, physical progress and financial progress (paid ÷ contract value),
 * each point exactly as the API gives it ([date, percent]); a payment made while nothing was contracted has no
 * financial percent and is left out rather than drawn as zero.
 */
export function sCurvePoints(series: PlannedVersusActual | undefined): Record<SCurveSeries, Array<[string, number]>> {
  return {
    planned: (series?.planned ?? []).map((point) => [point.date ?? '', point.percent ?? 0]),
    physical: (series?.physicalProgress ?? []).map((point) => [point.date ?? '', point.percent ?? 0]),
    financial: (series?.cumulativePayments ?? [])
      .filter((paid) => paid.percentOfContractValue !== undefined && paid.percentOfContractValue !== null)
      .map((paid) => [paid.date ?? '', paid.percentOfContractValue as number]),
  }
}

const STYLES: Record<SCurveSeries, { color: string; type: 'solid' | 'dashed' | 'dotted'; symbol: string }> = {
  planned: { color: '#607d8b', type: 'dashed', symbol: 'none' },
  physical: { color: '#1565c0', type: 'solid', symbol: 'circle' },
  financial: { color: '#c62828', type: 'dotted', symbol: 'diamond' },
}

export function sCurveOption(series: PlannedVersusActual | undefined, name: (series: SCurveSeries) => string) {
  const points = sCurvePoints(series)
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} %' } },
    series: (Object.keys(points) as SCurveSeries[]).map((key) => ({
      id: key,
      name: name(key),
      type: 'line',
      // planned is linear between its points; the actual series step as readings and payments come
      step: key === 'planned' ? undefined : 'end',
      symbol: STYLES[key].symbol,
      lineStyle: { color: STYLES[key].color, type: STYLES[key].type, width: 2 },
      itemStyle: { color: STYLES[key].color },
      data: points[key],
    })),
  }
}
