export type {
  RemoteRun,
  RunReport,
  RunStatus,
  StepError,
  StepResult,
  StepStatus,
  TableAccess
} from './types.js'
export type { RunReportInput } from './builder.js'
export { buildRunReport, declaredAccesses, notRunResult } from './builder.js'
export { planResume } from './resume.js'
export {
  EVENTS_FILE,
  findNewestRunReport,
  readLatestRunReport,
  readRunReport,
  runFolder,
  writeRunReport
} from './io.js'
export type { EventLog, LogRecord } from './events.js'
export type { DeployResult } from './deploy.js'
export type { RunEvent, StepEvent } from './run-events.js'
export { toLogRecord } from './run-events.js'
export { createEventLog, readEventLog } from './events.js'
export {
  describeEvent,
  MESSAGE_SHOWN,
  seconds,
  URL_SHOWN
} from './describe-event.js'
export type { BuildRecord } from './build-record.js'
export { buildRecordFolder } from './build-record.js'
export {
  boundStepEvent,
  boundStepResult,
  ERROR_MESSAGE_KEPT,
  EXIT_VALUE_KEPT
} from './step-text.js'
export type {
  ColumnChanges,
  DataDiff,
  DiffColumn,
  KeyedChanges,
  TableDiff
} from './data-diff.js'
export { changeSize, orderByChange } from './data-diff.js'
export { describeTableDiff, isChanged, keyedCounts } from './data-diff-words.js'
export type { MarkName, TableDiffWords } from './data-diff-words.js'
