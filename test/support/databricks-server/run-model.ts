import type { TaskBehaviour } from './types.js'

/** Where a task is in its life. */
export type TaskPhase =
  'blocked' | 'pending' | 'running' | 'terminating' | 'done'

/** `status.termination_details`. */
export interface Termination {
  readonly code: string
  readonly type: string
  readonly message: string
}

/** One task of a submitted run, as the server tracks it. */
export interface TaskRun {
  readonly key: string
  readonly runId: number
  /** The task as submitted (echoed back by runs/get). */
  readonly spec: Readonly<Record<string, unknown>>
  readonly deps: readonly string[]
  readonly runIf: string
  phase: TaskPhase
  lifeCycle: string
  result?: string
  stateMessage: string
  termination?: Termination
  userCancelled: boolean
  startTime: number
  runningAt: number
  endTime: number
  behaviour?: TaskBehaviour
  output: {
    result?: string
    truncated?: boolean
    error?: string
    errorTrace?: string
  }
  timer?: NodeJS.Timeout
}

/** A submitted run. */
export interface RunRecord {
  readonly runId: number
  readonly jobId: number
  readonly runName: string
  readonly creator: string
  readonly idempotencyToken?: string
  readonly startTime: number
  readonly tasks: TaskRun[]
  readonly byKey: ReadonlyMap<string, TaskRun>
  /** The body as submitted, for assertions. */
  readonly request: Readonly<Record<string, unknown>>
  canceled: boolean
  finished: boolean
  endTime: number
  result?: string
  stateMessage: string
  termination?: Termination
}

/** Results that count as a failed dependency. */
export const FAILED = new Set([
  'FAILED',
  'TIMEDOUT',
  'UPSTREAM_FAILED',
  'INTERNAL_ERROR'
])
/** Results that count as a canceled dependency. */
export const CANCELED = new Set(['CANCELED', 'UPSTREAM_CANCELED'])
/** Results that count as success. */
export const SUCCEEDED = new Set(['SUCCESS', 'SUCCESS_WITH_FAILURES'])

/**
 * Whether a task whose dependencies all ended may run (`run`), or what it
 * ends as instead. ALL_SUCCESS (the default) skips a task after a failed
 * dependency as UPSTREAM_FAILED and after a canceled one as
 * UPSTREAM_CANCELED; the other conditions exclude the task (EXCLUDED).
 */
export function decideRunIf(
  runIf: string,
  results: readonly string[]
): 'run' | string {
  const anyFailed = results.some((r) => FAILED.has(r))
  const anyCanceled = results.some((r) => CANCELED.has(r))
  const anySucceeded = results.some((r) => SUCCEEDED.has(r))
  switch (runIf) {
    case 'ALL_DONE':
      return 'run'
    case 'NONE_FAILED':
      if (anyFailed) return 'UPSTREAM_FAILED'
      if (anyCanceled) return 'UPSTREAM_CANCELED'
      return anySucceeded || results.length === 0 ? 'run' : 'EXCLUDED'
    case 'AT_LEAST_ONE_SUCCESS':
      return anySucceeded ? 'run' : 'EXCLUDED'
    case 'ALL_FAILED':
      return results.every((r) => FAILED.has(r)) ? 'run' : 'EXCLUDED'
    case 'AT_LEAST_ONE_FAILED':
      return anyFailed ? 'run' : 'EXCLUDED'
    default:
      if (results.every((r) => SUCCEEDED.has(r))) return 'run'
      if (anyCanceled) return 'UPSTREAM_CANCELED'
      if (anyFailed) return 'UPSTREAM_FAILED'
      return 'EXCLUDED'
  }
}

/**
 * How a finished run ended: CANCELED when cancelled; SUCCESS when every
 * task succeeded (or was excluded); SUCCESS_WITH_FAILURES when some task
 * failed but every leaf task succeeded; FAILED otherwise.
 */
export function parentOutcome(run: RunRecord): {
  result: string
  termination: Termination
} {
  if (run.canceled)
    return {
      result: 'CANCELED',
      termination: {
        code: 'USER_CANCELED',
        type: 'SUCCESS',
        message: 'Run cancelled.'
      }
    }
  const results = run.tasks.map((t) => t.result ?? '')
  if (results.every((r) => SUCCEEDED.has(r) || r === 'EXCLUDED'))
    return {
      result: 'SUCCESS',
      termination: { code: 'SUCCESS', type: 'SUCCESS', message: '' }
    }
  const failed = run.tasks.filter(
    (t) => FAILED.has(t.result ?? '') || CANCELED.has(t.result ?? '')
  )
  const message = `${failed.length}/${run.tasks.length} tasks failed or were skipped: ${failed.map((t) => t.key).join(', ')}.`
  const leaves = run.tasks.filter(
    (t) => !run.tasks.some((o) => o.deps.includes(t.key))
  )
  return leaves.every((t) => SUCCEEDED.has(t.result ?? ''))
    ? {
        result: 'SUCCESS_WITH_FAILURES',
        termination: { code: 'SUCCESS_WITH_FAILURES', type: 'SUCCESS', message }
      }
    : {
        result: 'FAILED',
        termination: {
          code: 'RUN_EXECUTION_ERROR',
          type: 'CLIENT_ERROR',
          message
        }
      }
}
