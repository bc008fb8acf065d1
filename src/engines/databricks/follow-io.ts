import type { Plan } from '../../flow/index.js'
import type { StepResult } from '../../report/index.js'
import type { StepEvent } from '../engine.js'
import type { DatabricksClient, RunTask } from './api/index.js'
import type { FinishInput } from './finish-task.js'

/** How often runs are polled: from `firstMs`, growing to `maxMs`. */
export interface PollPolicy {
  readonly firstMs: number
  readonly maxMs: number
}

/** The default polling: quick at first, then every 10 seconds. */
export const DEFAULT_POLL: PollPolicy = { firstMs: 1000, maxMs: 10_000 }

/** One submitted run. */
export interface RunHandle {
  readonly runId: number
  readonly url?: string
}

/** What `followRuns` needs. */
export interface FollowInput {
  readonly client: DatabricksClient
  readonly plan: Plan
  /** The steps of each run, in submission order (see `planRunBatches`). */
  readonly batches: readonly (readonly string[])[]
  /** Submits one run of these steps (the `index`th). */
  readonly submit: (keys: readonly string[], index: number) => Promise<number>
  readonly signal: AbortSignal
  readonly failFast: boolean
  readonly emit: (event: StepEvent) => void
  readonly now: () => Date
  readonly poll: PollPolicy
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>
  readonly checkOutputs: FinishInput['checkOutputs']
  /** Whether a notebook can end with a value (its output is fetched then). */
  readonly exits: (notebook: string) => Promise<boolean>
  /**
   * Steps of earlier runs the `index`th run waits for besides its steps'
   * own dependencies: those a task of dtflw's own in it (the data diff)
   * follows.
   */
  readonly waitsFor?: (index: number) => readonly string[]
}

/** How following went. */
export interface FollowResult {
  readonly results: ReadonlyMap<string, StepResult>
  readonly runs: readonly RunHandle[]
  /** The failure that ended following before the runs ended. */
  readonly error?: unknown
  /** Runs dtflw could not cancel, or that had not stopped yet. */
  readonly stillRunning: readonly RunHandle[]
  /** Tasks of the runs that are no step (dtflw's own), as last seen, by key. */
  readonly otherTasks: ReadonlyMap<string, RunTask>
}
