import type { StepStatus } from '../../report/index.js'

/** The parts of a task's (or run's) state that decide how it ended. */
export interface TaskState {
  readonly life_cycle_state?: string
  readonly result_state?: string
  readonly state_message?: string
}

const TERMINAL = new Set(['TERMINATED', 'SKIPPED', 'INTERNAL_ERROR'])
const RUNNING = new Set(['PENDING', 'RUNNING', 'TERMINATING'])

/** True when the run or task will not change any more. */
export function isTerminal(state: TaskState | undefined): boolean {
  return TERMINAL.has(state?.life_cycle_state ?? '')
}

/** True once a task has started (its compute is being prepared or it runs). */
export function hasStarted(state: TaskState | undefined): boolean {
  return RUNNING.has(state?.life_cycle_state ?? '') || isTerminal(state)
}

const SKIPPED = new Set([
  'UPSTREAM_FAILED',
  'UPSTREAM_CANCELED',
  'EXCLUDED',
  'DISABLED'
])

/**
 * How a terminal task ended, as a step status. The API says more states
 * may come: an unknown one counts as failed, with its name in the message.
 */
export function stepStatusOf(state: TaskState): StepStatus {
  if (state.life_cycle_state === 'INTERNAL_ERROR') return 'failed'
  if (state.life_cycle_state === 'SKIPPED') return 'skipped'
  const result = state.result_state ?? ''
  if (result === 'SUCCESS' || result === 'SUCCESS_WITH_FAILURES') {
    return 'succeeded'
  }
  if (result === 'CANCELED') return 'cancelled'
  if (SKIPPED.has(result)) return 'skipped'
  return 'failed'
}
