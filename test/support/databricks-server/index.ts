export { startDatabricksServer } from './server.js'
export { declaredOutputs } from './behaviour.js'
export { runPythonNotebook, writeDuckCatalogs } from './python-notebook.js'
export { PUBLISHED_LIMITS, familyOf } from './rate-limits.js'
export type { ServerRateLimits } from './rate-limits.js'
export type { ColumnSpec } from './data-store.js'
export type { RunRecord, TaskRun } from './run-model.js'
export type {
  DatabricksServer,
  DatabricksServerOptions,
  FaultRule,
  OutputWrite,
  RecordedRequest,
  TaskBehaviour,
  TaskContext
} from './types.js'
