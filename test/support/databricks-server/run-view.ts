import type { RunRecord, TaskPhase, TaskRun } from './run-model.js'

const STATUS_STATE: Record<TaskPhase, string> = {
  blocked: 'BLOCKED',
  pending: 'PENDING',
  running: 'RUNNING',
  terminating: 'TERMINATING',
  done: 'TERMINATED'
}

/** Builds run and task URLs like a workspace's (`?o=<id>#job/<j>/run/<r>`). */
export interface UrlOf {
  (jobId: number, runId: number): string
}

/** A task as `runs/get` shows it. */
export function taskView(
  run: RunRecord,
  task: TaskRun,
  urlOf: UrlOf
): Record<string, unknown> {
  const running = task.runningAt > 0
  const ended = task.phase === 'done'
  return {
    ...task.spec,
    run_id: task.runId,
    task_key: task.key,
    run_if: task.runIf,
    state: {
      life_cycle_state: task.lifeCycle,
      ...(task.result === undefined ? {} : { result_state: task.result }),
      state_message: task.stateMessage,
      user_cancelled_or_timedout:
        task.userCancelled || task.result === 'TIMEDOUT'
    },
    status: {
      state: STATUS_STATE[task.phase],
      ...(task.termination === undefined
        ? {}
        : { termination_details: task.termination })
    },
    run_page_url: urlOf(run.jobId, task.runId),
    start_time: task.startTime,
    end_time: task.endTime,
    setup_duration: running ? task.runningAt - task.startTime : 0,
    execution_duration: running && ended ? task.endTime - task.runningAt : 0,
    cleanup_duration: 0,
    attempt_number: 0
  }
}

/** The parent run's life cycle, derived from its tasks. */
function parentLifeCycle(run: RunRecord): {
  lifeCycle: string
  status: string
} {
  if (run.finished) return { lifeCycle: 'TERMINATED', status: 'TERMINATED' }
  if (run.canceled) return { lifeCycle: 'TERMINATING', status: 'TERMINATING' }
  if (run.tasks.some((t) => t.runningAt > 0 || t.phase === 'done'))
    return { lifeCycle: 'RUNNING', status: 'RUNNING' }
  return { lifeCycle: 'PENDING', status: 'PENDING' }
}

/** A run as `runs/get` shows it; `tasks` is the page given. */
export function runView(
  run: RunRecord,
  tasks: readonly TaskRun[] | undefined,
  urlOf: UrlOf,
  now: number
): Record<string, unknown> {
  const { lifeCycle, status } = parentLifeCycle(run)
  const end = run.finished ? run.endTime : 0
  return {
    job_id: run.jobId,
    run_id: run.runId,
    number_in_job: run.runId,
    original_attempt_run_id: run.runId,
    creator_user_name: run.creator,
    run_name: run.runName,
    run_type: 'SUBMIT_RUN',
    format: 'MULTI_TASK',
    run_page_url: urlOf(run.jobId, run.runId),
    state: {
      life_cycle_state: lifeCycle,
      ...(run.result === undefined ? {} : { result_state: run.result }),
      state_message: run.stateMessage,
      user_cancelled_or_timedout: run.canceled
    },
    status: {
      state: status,
      ...(run.termination === undefined
        ? {}
        : { termination_details: run.termination })
    },
    start_time: run.startTime,
    end_time: end,
    setup_duration: 0,
    execution_duration: 0,
    cleanup_duration: 0,
    run_duration: (run.finished ? run.endTime : now) - run.startTime,
    attempt_number: 0,
    ...(tasks === undefined
      ? {}
      : { tasks: tasks.map((t) => taskView(run, t, urlOf)) })
  }
}
