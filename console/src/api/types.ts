// Names for the shapes the screens use; every one comes from the services' OpenAPI documents (openapi/).
import type { components as Project } from './generated/project-service'
import type { components as Risk } from './generated/supervision-service'
import type { components as Alert } from './generated/alert-service'

export type ProjectState = Project['schemas']['ProjectState']
export type ListedProject = Project['schemas']['ListedProject']
export type EventEnvelope = Project['schemas']['EventEnvelope']
export type Money = Project['schemas']['Money']
export type Problem = Project['schemas']['Problem']

export type ProjectRisk = Risk['schemas']['ProjectRisk']
export type ProjectDetail = Risk['schemas']['ProjectDetail']
export type ProjectDetailThen = Risk['schemas']['ProjectDetailThen']
export type RiskSignal = Risk['schemas']['RiskSignal']
export type SignalCondition = Risk['schemas']['SignalCondition']
export type PlannedVersusActual = Risk['schemas']['PlannedVersusActual']
export type Portfolio = Risk['schemas']['Portfolio']
export type RuleDescription = Risk['schemas']['RuleDescription']

export type AlertSummary = Alert['schemas']['AlertSummary']
export type AlertDetails = Alert['schemas']['AlertDetails']
export type TimelineEntry = Alert['schemas']['TimelineEntry']
export type StreamedStep = Alert['schemas']['StreamedStep']
