// The local engine: built for a profile (`createLocalEngineFor`, settings
// read once at that edge) or from settings given (`createLocalEngine`); and
// what other folders use of it (runnability checks, SQL binding, Spark type
// names, the table describer).
export { createLocalEngine } from './engine.js'
export type { LocalEngineOptions } from './engine.js'
export { createLocalEngineFor } from './setup.js'
export { readLocalEngineSettings } from './settings.js'
export type { LocalEngineSettings, ProcessEnv } from './settings.js'
export { checkRunnable, planRunMode } from './notebook/index.js'
export type { RunMode, RunnableProblem } from './notebook/index.js'
export type {
  PythonCommand,
  SandboxLevel,
  SparkChoice
} from './python/index.js'
export { toSparkType } from './tables/index.js'
export { bindSql, splitSql } from './sql/index.js'
export type { BoundSql, SqlParameter, SqlStatement } from './sql/index.js'
export { createTableDescriber } from './describe/index.js'
export type {
  TableDescriber,
  TableDescriberOptions,
  TableDescription
} from './describe/index.js'
