import type { Plan } from '../flow/types.js'
import type { EngineName } from '../profiles/types.js'
import type { RunReport, StepResult } from '../report/types.js'

/** Something a running flow tells whoever is watching (progress views, logs). */
export type RunEvent =
  | {
      readonly type: 'run-started'
      readonly at: string
      readonly steps: readonly string[]
    }
  | {
      readonly type: 'step-started'
      readonly key: string
      readonly at: string
      readonly attempt: number
    }
  | {
      readonly type: 'step-log'
      readonly key: string
      readonly at: string
      readonly line: string
    }
  | {
      readonly type: 'step-finished'
      readonly key: string
      readonly at: string
      readonly result: StepResult
    }
  | {
      readonly type: 'run-finished'
      readonly at: string
      readonly report: RunReport
    }

/** How to run a plan. */
export interface RunOptions {
  /** Steps at most running at once. */
  readonly parallelism: number
  /** Stop everything at the first failure instead of finishing independent branches. */
  readonly failFast: boolean
  /** Skip a step whose outputs all exist (a step with no outputs always runs). */
  readonly lazy: boolean
  /** Aborting cancels the run cleanly. */
  readonly signal?: AbortSignal
  readonly onEvent?: (event: RunEvent) => void
  /** Run id to use (the report folder name); generated when absent. */
  readonly runId?: string
  readonly gitSha?: string
}

/** The result of putting a plan's notebooks where the engine runs them. */
export interface DeployResult {
  /** Where the notebooks are (a workspace folder, or the local repo). */
  readonly root: string
  readonly uploaded: readonly string[]
  readonly removed: readonly string[]
  readonly unchanged: readonly string[]
}

/**
 * Where a flow runs. Both engines consume the same plan and produce the same
 * report; neither rebuilds the graph.
 */
export interface Engine {
  readonly name: EngineName
  deploy(plan: Plan): Promise<DeployResult>
  run(plan: Plan, options: RunOptions): Promise<RunReport>
  /** Cancels whatever this engine left running (used by the Action's post step). */
  cancel(): Promise<void>
  /** Removes what a preview deployment left behind. */
  cleanup(): Promise<void>
}
