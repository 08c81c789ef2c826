import { LEVEL_COLOURS, LEVEL_DECALS } from '../charts/options'
import { LEVELS, type Level } from '../risk/colour'
import type { ColourCounts } from './board'

/** Counts by colour per region as a stacked bar chart, one series per colour. */
export function regionChartOption(regions: Array<{ region: string; counts: ColourCounts }>,
                                  levelName: (level: Level) => string) {
  return {
    aria: { enabled: true, decal: { show: true } },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: regions.map((entry) => entry.region) },
    yAxis: { type: 'value', minInterval: 1 },
    series: LEVELS.map((level) => ({
      id: level,
      name: levelName(level),
      type: 'bar',
      stack: 'projects',
      itemStyle: { color: LEVEL_COLOURS[level], decal: LEVEL_DECALS[level] },
      data: regions.map((entry) => entry.counts[level]),
    })),
  }
}
