// The engine seam. Engines themselves are loaded lazily by the command
// layer (`import('./local/index.js')`), so commands that run nothing never
// load DuckDB or the Databricks client.
export type {
  CancelTarget,
  CleanupResult,
  CleanupTarget,
  DeployOptions,
  DeployResult,
  Engine,
  EngineFactory,
  EngineRun,
  EngineSetup,
  ExplicitCredentials,
  RecordStore,
  RunContext,
  RunEvent,
  StepEvent
} from './engine.js'
export { runReady } from './schedule.js'
export type { ExecuteStep, ScheduleOptions } from './schedule.js'
export { checkColumns, normalizeSparkType } from './columns.js'
export type { ActualColumn } from './columns.js'
