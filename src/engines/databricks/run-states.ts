import type { StepStatus } from '../../report/index.js'

/** The deprecated `state` of a run or task (still returned). */
export interface TaskState {
  readonly life_cycle_state?: string
  readonly result_state?: string
  readonly state_message?: string
}

/** The `status` that replaces it: a state, and how it ended. */
export interface TaskStatus {
  readonly state?: string
  readonly termination_details?: {
    readonly code?: string
    readonly type?: string
    readonly message?: string
  }
}

/** A run or task as `runs/get` shows it. */
export interface Stated {
  readonly state?: TaskState
  readonly status?: TaskStatus
}

/** Where a run or task stands, whichever field the API gave. */
export interface Standing {
  /** Its compute is being prepared, it runs, or it ended. */
  readonly started: boolean
  /** It will not change any more. */
  readonly terminal: boolean
  /** How it ended, as a step status (terminal only). */
  readonly outcome?: StepStatus
  /** The platform's code for it (`RUN_EXECUTION_ERROR`, `TIMEDOUT`, …). */
  readonly code?: string
  readonly message?: string
  /**
   * For a failure: `platform` when Databricks itself failed (its
   * termination type `INTERNAL_ERROR` or `CLOUD_FAILURE`), else `user`.
   */
  readonly blame?: 'user' | 'platform'
}

const STARTED_STATUS = new Set(['PENDING', 'RUNNING', 'TERMINATING'])
const TERMINAL_STATE = new Set(['TERMINATED', 'SKIPPED', 'INTERNAL_ERROR'])
const STARTED_STATE = new Set(['PENDING', 'RUNNING', 'TERMINATING'])
const SUCCEEDED = new Set(['SUCCESS', 'SUCCESS_WITH_FAILURES'])
const CANCELLED = new Set(['USER_CANCELED', 'CANCELED'])
const SKIPPED_CODE = new Set(['SKIPPED', 'DISABLED'])
const SKIPPED_RESULT = new Set([
  'UPSTREAM_FAILED',
  'UPSTREAM_CANCELED',
  'EXCLUDED',
  'DISABLED'
])
const PLATFORM_TYPES = new Set(['INTERNAL_ERROR', 'CLOUD_FAILURE'])

/**
 * Where a run or task stands: from `status` (its state and termination
 * details) where the API gives it, else from the deprecated `state`. The
 * API says more values may come: an unknown ending counts as failed, with
 * its code in the message.
 */
export function standingOf(item: Stated): Standing {
  const status = item.status
  if (status?.state) {
    const terminal = status.state === 'TERMINATED'
    const details = status.termination_details
    if (!terminal)
      return { started: STARTED_STATUS.has(status.state), terminal: false }
    if (!details?.code) {
      // Ended without saying how: the old field may know.
      const old = standingOfState(item.state)
      return old.terminal
        ? old
        : {
            started: true,
            terminal: true,
            outcome: 'failed',
            code: 'TERMINATED'
          }
    }
    const code = details.code
    const message = details.message || undefined
    const outcome: StepStatus = SUCCEEDED.has(code)
      ? 'succeeded'
      : CANCELLED.has(code)
        ? 'cancelled'
        : SKIPPED_CODE.has(code)
          ? 'skipped'
          : 'failed'
    return {
      started: true,
      terminal: true,
      outcome,
      code,
      ...(message ? { message } : {}),
      ...(outcome === 'failed'
        ? {
            blame: PLATFORM_TYPES.has(details.type ?? '') ? 'platform' : 'user'
          }
        : {})
    }
  }
  return standingOfState(item.state)
}

function standingOfState(state: TaskState | undefined): Standing {
  const life = state?.life_cycle_state ?? ''
  if (!TERMINAL_STATE.has(life))
    return { started: STARTED_STATE.has(life), terminal: false }
  const result = state?.result_state ?? ''
  const message = state?.state_message || undefined
  const outcome: StepStatus =
    life === 'INTERNAL_ERROR'
      ? 'failed'
      : life === 'SKIPPED'
        ? 'skipped'
        : SUCCEEDED.has(result)
          ? 'succeeded'
          : result === 'CANCELED'
            ? 'cancelled'
            : SKIPPED_RESULT.has(result)
              ? 'skipped'
              : 'failed'
  return {
    started: true,
    terminal: true,
    outcome,
    code: result || life,
    ...(message ? { message } : {}),
    ...(outcome === 'failed'
      ? { blame: life === 'INTERNAL_ERROR' ? 'platform' : 'user' }
      : {})
  }
}
