export { startDatabricksServer } from './server.js'
export { declaredOutputs } from './behaviour.js'
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
