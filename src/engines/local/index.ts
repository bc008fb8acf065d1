export { createLocalEngine } from './engine.js'
export type { LocalEngineOptions } from './engine.js'
export { checkRunnable, planRunMode } from './notebook/index.js'
export type { RunMode, RunnableProblem } from './notebook/index.js'
export type { SandboxLevel, SparkChoice } from './python/index.js'
export { toSparkType, WAREHOUSE_DIR } from './tables/index.js'
export { bindSql, splitSql } from './sql/index.js'
export type { BoundSql, SqlParameter, SqlStatement } from './sql/index.js'
export { createTableDescriber } from './describe/index.js'
export type {
  TableDescriber,
  TableDescriberOptions,
  TableDescription
} from './describe/index.js'
