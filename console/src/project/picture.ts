import type { PlannedVersusActual, ProjectDetail, ProjectDetailThen, RiskSignal, SignalCondition } from '../api/types'

/** A project's risk now or as of an instant, in one shape for the screen. */
export interface RiskPicture {
  level: string
  score: number
  signals: Array<RiskSignal | SignalCondition>
  plannedVersusActual?: PlannedVersusActual
}

export function pictureNow(detail: ProjectDetail): RiskPicture {
  return {
    level: detail.project?.level ?? 'GREEN',
    score: detail.project?.score ?? 0,
    signals: detail.openSignals ?? [],
    plannedVersusActual: detail.plannedVersusActual,
  }
}

export function pictureThen(then: ProjectDetailThen): RiskPicture {
  return {
    level: then.level ?? 'GREEN',
    score: then.score ?? 0,
    signals: then.conditions ?? [],
    plannedVersusActual: then.plannedVersusActual,
  }
}

/** The instant an "as of" field means: its local date and time, as the browser's zone reads it, in UTC. */
export function asOfInstant(local: string): string | null {
  if (local === '') {
    return null
  }
  const instant = new Date(local)
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString()
}
