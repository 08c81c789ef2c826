import type { Level } from '../risk/colour'

/** Chart options are plain data: built by tested functions, handed to ECharts as they are. */
export const LEVEL_COLOURS: Record<Level, string> = { RED: '#c62828', YELLOW: '#e0a100', GREEN: '#2e7d32' }

// Patterns besides colour, so that the bars read without telling red from green.
export const LEVEL_DECALS: Record<Level, { symbol: string; dashArrayX?: number[]; dashArrayY?: number[] }> = {
  RED: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5] },
  YELLOW: { symbol: 'triangle' },
  GREEN: { symbol: 'circle' },
}
