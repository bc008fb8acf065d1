// The Databricks engine: built for a profile (`createDatabricksEngineFor`,
// settings read once at that edge) or from a client and settings given
// (`createDatabricksEngine`); and its pure deciders, for tests and tools.
export { createDatabricksEngineFor } from './setup.js'
export { readDatabricksEngineSettings } from './engine-settings.js'
export type { DatabricksEngineSettings } from './engine-settings.js'
export { createDatabricksEngine, workingTreeSource } from './engine.js'
export type { DatabricksEngineOptions } from './engine.js'
export { readDatabricksSettings } from './settings.js'
export type { ComputeSpec, DatabricksSettings } from './settings.js'
export { planDeploy, nextDeployState } from './deploy-plan.js'
export type { DeployPlan, DeployState } from './deploy-plan.js'
export { collectDeployFiles } from './deploy-files.js'
export type { DeployFile, SourceReader } from './deploy-files.js'
export { planSubmitRun } from './submit.js'
export {
  acquireDeployLock,
  planLockTakeover,
  DeployLockedError
} from './lock.js'
export type { LockHolder, LockRecord } from './lock.js'
export { readDatabricksTuning, parseRateLimits } from './tuning.js'
export type { DatabricksTuning } from './tuning.js'
export { deployRoot, remoteNotebookPath } from './paths.js'
