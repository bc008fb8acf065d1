import { invalid } from './respond.js'
import { validateSubmit } from './submit-validation.js'
import {
  decideRunIf,
  parentOutcome,
  type RunRecord,
  type TaskRun
} from './run-model.js'
import type { OutputWrite, TaskBehaviour, TaskContext } from './types.js'

/** What the runner needs from the rest of the server. */
export interface RunnerDeps {
  readonly now: () => number
  readonly pendingMs: () => number
  readonly defaultDurationMs: () => number
  readonly terminatingMs: () => number
  readonly behaviourFor: (task: TaskContext) => TaskBehaviour
  /** True when the notebook is not in the workspace (and that is checked). */
  readonly missingNotebook: (path: string) => boolean
  readonly write: (writes: readonly OutputWrite[]) => void
}

/** The Jobs service of the loopback server: runs tasks on real timers. */
export interface JobsRunner {
  submit(body: unknown, creator: string): number
  run(runId: number): RunRecord | undefined
  /** The run holding a task run id, and that task. */
  task(taskRunId: number): { run: RunRecord; task: TaskRun } | undefined
  cancel(runId: number): void
  runs(): readonly RunRecord[]
  stop(): void
}

const MAX_RESULT = 5 * 1024 * 1024

/**
 * Validates and stores a `runs/submit`, then drives every task through
 * BLOCKED → PENDING → RUNNING → TERMINATED on timers, starting a task when
 * its dependencies have ended and its `run_if` holds. A repeated
 * `idempotency_token` returns the first run's id and starts nothing.
 */
export function createJobsRunner(deps: RunnerDeps): JobsRunner {
  const runs = new Map<number, RunRecord>()
  const tasks = new Map<number, { run: RunRecord; task: TaskRun }>()
  const byToken = new Map<string, number>()
  let nextId = 7_000_000_000_001
  const timers = new Set<NodeJS.Timeout>()
  const later = (task: TaskRun, ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      task.timer = undefined
      fn()
    }, ms)
    timers.add(timer)
    task.timer = timer
  }
  const clearTimer = (task: TaskRun) => {
    if (task.timer !== undefined) {
      clearTimeout(task.timer)
      timers.delete(task.timer)
      task.timer = undefined
    }
  }

  const end = (
    run: RunRecord,
    task: TaskRun,
    result: string,
    lifeCycle: string,
    message: string,
    termination: { code: string; type: string }
  ) => {
    clearTimer(task)
    task.phase = 'done'
    task.lifeCycle = lifeCycle
    task.result = result
    task.stateMessage = message
    task.termination = { ...termination, message }
    task.endTime = deps.now()
    advance(run)
  }

  const start = (run: RunRecord, task: TaskRun) => {
    const notebookPath = String(
      (task.spec.notebook_task as { notebook_path?: unknown })?.notebook_path ??
        ''
    )
    const baseParameters =
      (task.spec.notebook_task as { base_parameters?: Record<string, string> })
        ?.base_parameters ?? {}
    const behaviour = deps.behaviourFor({
      taskKey: task.key,
      notebookPath,
      baseParameters,
      runId: task.runId,
      parentRunId: run.runId
    })
    task.behaviour = behaviour
    task.phase = 'pending'
    task.lifeCycle = 'PENDING'
    task.startTime = deps.now()
    later(task, deps.pendingMs(), () => {
      if (deps.missingNotebook(notebookPath)) {
        const message = `Unable to access the notebook "${notebookPath}". Either it does not exist, or the identity used to run this job, ${run.creator}, lacks the required permissions.`
        task.output = { error: message }
        end(run, task, 'FAILED', 'TERMINATED', message, {
          code: 'RESOURCE_NOT_FOUND',
          type: 'CLIENT_ERROR'
        })
        return
      }
      task.phase = 'running'
      task.lifeCycle = 'RUNNING'
      task.runningAt = deps.now()
      const duration = behaviour.durationMs ?? deps.defaultDurationMs()
      const timeout = Number(task.spec.timeout_seconds ?? 0) * 1000
      if (timeout > 0 && duration > timeout) {
        later(task, timeout, () => {
          const message = `Task ${task.key} timed out after ${timeout / 1000} seconds.`
          task.output = { error: message }
          end(run, task, 'TIMEDOUT', 'TERMINATED', message, {
            code: 'RUN_EXECUTION_ERROR',
            type: 'CLIENT_ERROR'
          })
        })
        return
      }
      later(task, duration, () => finish(run, task, behaviour))
    })
  }

  const finish = (run: RunRecord, task: TaskRun, behaviour: TaskBehaviour) => {
    if (behaviour.outcome === 'failure') {
      const error = behaviour.error ?? `Notebook ${task.key} failed`
      task.output = {
        error,
        ...(behaviour.errorTrace === undefined
          ? {}
          : { errorTrace: behaviour.errorTrace })
      }
      end(run, task, 'FAILED', 'TERMINATED', error, {
        code: 'RUN_EXECUTION_ERROR',
        type: 'CLIENT_ERROR'
      })
      return
    }
    if (behaviour.outcome !== 'success-without-outputs')
      deps.write(behaviour.writes ?? [])
    if (behaviour.exitValue !== undefined) {
      const truncated = Buffer.byteLength(behaviour.exitValue) > MAX_RESULT
      task.output = {
        result: truncated
          ? Buffer.from(behaviour.exitValue)
              .subarray(0, MAX_RESULT)
              .toString('utf8')
          : behaviour.exitValue,
        truncated
      }
    }
    end(run, task, 'SUCCESS', 'TERMINATED', '', {
      code: 'SUCCESS',
      type: 'SUCCESS'
    })
  }

  /** Starts or skips every task whose dependencies have all ended. */
  const advance = (run: RunRecord) => {
    let changed = true
    while (changed) {
      changed = false
      for (const task of run.tasks) {
        if (task.phase !== 'blocked') continue
        const upstream = task.deps.map((key) => run.byKey.get(key) as TaskRun)
        if (upstream.some((t) => t.phase !== 'done')) continue
        let decision = decideRunIf(
          task.runIf,
          upstream.map((t) => t.result ?? '')
        )
        if (run.canceled && decision === 'run') decision = 'UPSTREAM_CANCELED'
        if (decision === 'run') {
          start(run, task)
          continue
        }
        const message =
          decision === 'UPSTREAM_FAILED'
            ? 'Upstream task(s) failed.'
            : decision === 'UPSTREAM_CANCELED'
              ? 'Upstream task(s) were canceled.'
              : 'The task was excluded because its run_if condition was not met.'
        task.phase = 'done'
        task.lifeCycle = 'SKIPPED'
        task.result = decision
        task.stateMessage = message
        task.termination = {
          code: 'SKIPPED',
          type: decision === 'UPSTREAM_FAILED' ? 'CLIENT_ERROR' : 'SUCCESS',
          message
        }
        task.startTime = deps.now()
        task.endTime = task.startTime
        changed = true
      }
    }
    if (!run.finished && run.tasks.every((t) => t.phase === 'done')) close(run)
  }

  const close = (run: RunRecord) => {
    run.finished = true
    run.endTime = deps.now()
    const outcome = parentOutcome(run)
    run.result = outcome.result
    run.stateMessage = outcome.termination.message
    run.termination = outcome.termination
  }

  const cancelTask = (run: RunRecord, task: TaskRun) => {
    if (task.phase === 'blocked' && !run.canceled) {
      // A task run cancelled before it started ends at once; the tasks
      // after it then end UPSTREAM_CANCELED.
      task.userCancelled = true
      end(run, task, 'CANCELED', 'TERMINATED', 'Run cancelled.', {
        code: 'USER_CANCELED',
        type: 'SUCCESS'
      })
      return
    }
    if (task.phase !== 'pending' && task.phase !== 'running') return
    clearTimer(task)
    task.phase = 'terminating'
    task.lifeCycle = 'TERMINATING'
    task.userCancelled = true
    later(task, deps.terminatingMs(), () =>
      end(run, task, 'CANCELED', 'TERMINATED', 'Run cancelled.', {
        code: 'USER_CANCELED',
        type: 'SUCCESS'
      })
    )
  }

  return {
    submit(body, creator) {
      const request = validateSubmit(body)
      const token = request.idempotency_token as string | undefined
      if (token !== undefined) {
        const existing = byToken.get(token)
        if (existing !== undefined) return existing
      }
      const runId = nextId++
      const taskRuns: TaskRun[] = (
        request.tasks as Record<string, unknown>[]
      ).map((spec) => ({
        key: spec.task_key as string,
        runId: nextId++,
        spec,
        deps: (
          (spec.depends_on as { task_key: string }[] | undefined) ?? []
        ).map((d) => d.task_key),
        runIf: typeof spec.run_if === 'string' ? spec.run_if : 'ALL_SUCCESS',
        phase: 'blocked',
        lifeCycle: 'BLOCKED',
        stateMessage: '',
        userCancelled: false,
        startTime: 0,
        runningAt: 0,
        endTime: 0,
        output: {}
      }))
      const run: RunRecord = {
        runId,
        jobId: runId + 500_000,
        runName:
          typeof request.run_name === 'string' && request.run_name !== ''
            ? request.run_name
            : 'Untitled',
        creator,
        ...(token === undefined ? {} : { idempotencyToken: token }),
        startTime: deps.now(),
        tasks: taskRuns,
        byKey: new Map(taskRuns.map((t) => [t.key, t])),
        request,
        canceled: false,
        finished: false,
        endTime: 0,
        stateMessage: ''
      }
      runs.set(runId, run)
      for (const task of taskRuns) tasks.set(task.runId, { run, task })
      if (token !== undefined) byToken.set(token, runId)
      advance(run)
      return runId
    },
    run: (runId) => runs.get(runId),
    task: (taskRunId) => tasks.get(taskRunId),
    cancel(runId) {
      const parent = runs.get(runId)
      if (parent !== undefined) {
        if (parent.finished) return
        parent.canceled = true
        for (const task of parent.tasks) cancelTask(parent, task)
        advance(parent)
        return
      }
      const found = tasks.get(runId)
      if (found === undefined) throw invalid(`Run ${runId} does not exist.`)
      cancelTask(found.run, found.task)
    },
    runs: () => [...runs.values()],
    stop() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    }
  }
}
