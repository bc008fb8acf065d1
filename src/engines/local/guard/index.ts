// What keeps a local run from harming data: one run per table root (the
// lock, and leftovers of runs that died), the run guard that watches every
// table and source while steps run (file states, the vault that can undo a
// write), and what holds one step to what it declares (copies of a SQL
// step's inputs, the places a strict step may not see).
export type { WatchPlace } from './file-states.js'
export { checkInputCopies } from './input-copies.js'
export { claimWorkDir, planTableRoot, removeLeftovers } from './leftovers.js'
export { createRunGuard } from './run-guard.js'
export type { GuardVerdict, RunGuard } from './run-guard.js'
export { acquireRunLock } from './run-lock.js'
export { copyForSql, planHidden, readFiles } from './step-access.js'
export type { SqlInputCopies } from './step-access.js'
