export { createLocalEngine } from './engine.js'
export type { LocalEngineOptions } from './engine.js'
export { checkRunnable, planRunMode } from './runnable.js'
export type { RunMode, RunnableProblem } from './runnable.js'
export type { SparkChoice } from './python-step.js'
export type { SandboxLevel } from './python-runner.js'
export { WAREHOUSE_DIR } from './tables.js'
export { bindSql, splitSql } from './sql-params.js'
export type { BoundSql, SqlParameter, SqlStatement } from './sql-params.js'
export { toSparkType } from './columns.js'
export { createTableDescriber } from './describe.js'
export type {
  TableDescriber,
  TableDescriberOptions,
  TableDescription
} from './describe.js'
