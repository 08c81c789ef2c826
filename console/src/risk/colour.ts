import type { MessageKey } from '../i18n/i18n'

/** The colours of 亮灯, worst first. A project's colour is the worst of its open signals. */
export const LEVELS = ['RED', 'YELLOW', 'GREEN'] as const
export type Level = (typeof LEVELS)[number]

export function levelOf(value: string | undefined | null): Level {
  const upper = (value ?? '').toUpperCase()
  return (LEVELS as readonly string[]).includes(upper) ? (upper as Level) : 'GREEN'
}

/** Colour is never the only signal: every colour has its word (红/黄/绿) and a shape of its own. */
export function levelLabel(level: Level): MessageKey {
  return `level.${level}` as MessageKey
}

export function levelSymbol(level: Level): string {
  return { RED: '■', YELLOW: '▲', GREEN: '●' }[level]
}

export function levelClass(level: Level): string {
  return `level-${level.toLowerCase()}`
}

/** Orders worst first, so that the red projects lead the board. */
export function byLevel(a: string | undefined, b: string | undefined): number {
  return LEVELS.indexOf(levelOf(a)) - LEVELS.indexOf(levelOf(b))
}

export function worst(levels: Array<string | undefined>): Level {
  return levels.map(levelOf).sort(byLevel)[0] ?? 'GREEN'
}
