export type { DeployResult, Engine, RunEvent, RunOptions } from './engine.js'
export { runReady } from './schedule.js'
export type { ExecuteStep, ScheduleOptions } from './schedule.js'
export {
  checkRunnable,
  createLocalEngine,
  DEFAULT_RUNS_DIR,
  WAREHOUSE_DIR
} from './local/index.js'
export type {
  LocalEngineOptions,
  RunnableProblem,
  SparkChoice
} from './local/index.js'
