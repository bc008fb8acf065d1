import { setMaxListeners } from 'node:events'
import { adjacencyOf, reachableFrom } from '../../flow/index.js'
import type { PlannedStep } from '../../flow/index.js'
import { notRunResult } from '../../report/index.js'
import type { StepResult, StepStatus } from '../../report/index.js'
import type { Run, RunTask } from './api/index.js'
import { abandonRuns, handleOf } from './abandon.js'
import { finishTask } from './finish-task.js'
import type { FollowInput, FollowResult } from './follow-io.js'
import { planBatchStart, rootCauseOf, type StepsSoFar } from './run-batches.js'
import { standingOf } from './run-states.js'

/** How long to wait for cancelled runs to end before saying they still run. */
const CANCEL_GRACE_MS = 30_000

/**
 * Submits the runs of a plan and follows them to their end. One
 * `runs/get` per run per poll covers every task (the client pages through
 * more than 100). As a task ends, its result is settled at once, in
 * parallel with the polls: `runs/get-output` of the task run (never the
 * parent, which the API refuses) only for a failure or a notebook that can
 * return a value, and the check of its outputs; an output that is missing
 * fails the step and cancels the tasks downstream (they would read a
 * table that is not there). A run after the first is submitted as soon as
 * the steps it waits for have ended, without the steps a failure upstream
 * makes pointless. Following stops as soon as every run and the checks of
 * its last tasks are done.
 *
 * Aborting `signal` (Ctrl-C, SIGTERM, a cancelled job) cancels the runs
 * and waits for them to end. Any other failure (a 403 on a check, a
 * request that failed for good) stops following: the runs are cancelled,
 * and those that could not be are returned as still running, so the
 * caller can say so.
 */
export async function followRuns(input: FollowInput): Promise<FollowResult> {
  const { client, plan } = input
  const byKey = new Map(plan.steps.map((s) => [s.key, s]))
  const results = new Map<string, StepResult>()
  /** How each step ended on the platform (or was dropped), once known. */
  const ended = new Map<string, StepStatus>()
  const finishing = new Map<string, Promise<StepResult>>()
  const started = new Set<string>()
  const blockedBy = new Map<string, string>()
  const tasks = new Map<string, RunTask>()
  const otherTasks = new Map<string, RunTask>()
  const runs: {
    readonly runId: number
    url?: string
    terminal: boolean
    readonly keys: Set<string>
  }[] = []
  const cancels: Promise<void>[] = []
  const cancelFailed = new Set<number>()
  const work = new AbortController()
  // Every request of the watch listens to it: hundreds at once.
  setMaxListeners(0, work.signal)
  let wake = new AbortController()
  let failure: { error: unknown } | undefined
  let stopping: { why: string; at: number } | undefined
  let nextBatch = 0
  const fail = (error: unknown): void => {
    failure ??= { error }
    wake.abort()
  }
  const submittable = new Set(input.batches.flat())
  const statusOf = (key: string): StepStatus | undefined =>
    results.get(key)?.status ?? ended.get(key)

  const record = (result: StepResult): void => {
    results.set(result.key, result)
    input.emit({
      type: 'step-finished',
      key: result.key,
      at: input.now().toISOString(),
      result
    })
  }

  const cancelRun = (runId: number): void => {
    cancels.push(
      client.jobs.cancelRun(runId, { signal: work.signal }).catch(() => {
        cancelFailed.add(runId)
      })
    )
  }

  const stop = (why: string): void => {
    if (stopping) return
    stopping = { why, at: Date.now() }
    for (const run of runs) if (!run.terminal) cancelRun(run.runId)
    wake.abort()
  }

  const known: StepsSoFar = {
    status: statusOf,
    causeOf: (key) => results.get(key)?.skippedBecause ?? blockedBy.get(key)
  }
  const rootCause = (step: PlannedStep) => rootCauseOf(step, byKey, known)

  const downstream = adjacencyOf(
    plan.steps.flatMap((s) => s.dependsOn.map((from) => ({ from, to: s.key }))),
    'downstream'
  )
  /** Stops what would read the outputs of a step whose check failed. */
  const cancelDownstream = (failed: string): void => {
    for (const key of reachableFrom([failed], downstream)) {
      if (key === failed || blockedBy.has(key)) continue
      blockedBy.set(key, failed)
      const task = tasks.get(key)
      if (task && !standingOf(task).terminal) cancelRun(task.run_id)
    }
  }

  const settle = (step: PlannedStep, task: RunTask): void => {
    const standing = standingOf(task)
    ended.set(step.key, standing.outcome ?? 'failed')
    const upstream = step.dependsOn.flatMap((k) => finishing.get(k) ?? [])
    const promise = (async () => {
      let result = await finishTask({
        client,
        step,
        task,
        standing,
        exits: await input.exits(step.notebook),
        checkOutputs: input.checkOutputs,
        signal: work.signal
      })
      // Upstream results first: a skip names its cause, in plan order.
      await Promise.all(upstream)
      const blocker = blockedBy.get(step.key)
      if (
        blocker &&
        (result.status === 'cancelled' || result.status === 'skipped')
      ) {
        const { error: _error, ...rest } = result
        result = { ...rest, status: 'skipped', skippedBecause: blocker }
      } else if (result.status === 'skipped') {
        const because = rootCause(step)
        result = { ...result, ...(because ? { skippedBecause: because } : {}) }
      }
      record(result)
      if (result.status === 'failed' && standing.outcome === 'succeeded')
        // The platform thinks it succeeded; stop what would read its output.
        cancelDownstream(step.key)
      if (result.status === 'failed' && input.failFast)
        stop(`--fail-fast stopped the run after "${step.key}" failed`)
      return result
    })()
    promise.catch(fail)
    finishing.set(step.key, promise)
  }

  /** Tasks as a page of a poll shows them: starts, and ends to settle. */
  const observeTasks = (
    page: readonly RunTask[],
    handle: (typeof runs)[number]
  ): void => {
    for (const task of page) {
      const step = byKey.get(task.task_key)
      if (!step) otherTasks.set(task.task_key, task)
      if (!step || !handle.keys.has(step.key)) continue
      tasks.set(step.key, task)
      const standing = standingOf(task)
      if (
        !started.has(step.key) &&
        standing.started &&
        (task.start_time ?? 0) > 0
      ) {
        started.add(step.key)
        input.emit({
          type: 'step-started',
          key: step.key,
          at: isoOf(task.start_time, input.now),
          attempt: (task.attempt_number ?? 0) + 1,
          ...(task.run_page_url ? { url: task.run_page_url } : {})
        })
      }
      if (standing.terminal && !finishing.has(step.key)) settle(step, task)
    }
  }

  /** A whole poll of a run: its tasks, and whether it ended. */
  const observe = (run: Run, handle: (typeof runs)[number]): void => {
    observeTasks(run.tasks ?? [], handle)
    if (standingOf(run).terminal) {
      handle.terminal = true
      // A step the ended run holds no task for will never end otherwise.
      const seen = new Set((run.tasks ?? []).map((t) => t.task_key))
      for (const key of handle.keys)
        if (!seen.has(key) && !ended.has(key)) {
          ended.set(key, 'failed')
          record(
            notRunResult(byKey.get(key)!, 'failed', {
              error: {
                kind: 'engine',
                message: `Databricks run ${handle.runId} ended without a task for this step`
              }
            })
          )
        }
    }
  }

  /** Submits every next run whose earlier steps have all ended. */
  const submitReady = async (): Promise<boolean> => {
    let submitted = false
    while (nextBatch < input.batches.length && !stopping) {
      const batch = input.batches[nextBatch]
      const waits = input.waitsFor?.(nextBatch) ?? []
      if (waits.some((k) => submittable.has(k) && statusOf(k) === undefined))
        return submitted
      const dropped = planBatchStart(batch, byKey, submittable, known)
      if (dropped === 'wait') return submitted
      for (const [key, cause] of dropped) {
        ended.set(key, 'skipped')
        record(
          notRunResult(byKey.get(key)!, 'skipped', { skippedBecause: cause })
        )
      }
      const keys = batch.filter((key) => !dropped.has(key))
      nextBatch++
      if (keys.length === 0) continue
      const runId = await input.submit(keys, nextBatch - 1)
      const handle: (typeof runs)[number] = {
        runId,
        terminal: false,
        keys: new Set(keys)
      }
      // Known before anything else is asked, so a failure cancels it.
      runs.push(handle)
      // Its page, in one request (its tasks come with the polls).
      const view = await client.jobs.getRunSummary(runId, {
        signal: work.signal
      })
      handle.url = view.run_page_url
      input.emit({
        type: 'run-submitted',
        at: input.now().toISOString(),
        remoteRunId: String(runId),
        ...(handle.url ? { url: handle.url } : {})
      })
      submitted = true
    }
    return submitted
  }

  let wait = input.poll.firstMs
  try {
    for (;;) {
      if (failure) break
      if (input.signal.aborted) stop('the run was interrupted')
      if (await submitReady()) wait = input.poll.firstMs
      const active = runs.filter((r) => !r.terminal)
      if (
        active.length === 0 &&
        (nextBatch >= input.batches.length || stopping)
      )
        break
      // A run that will not stop (its cancel failed, or it takes longer
      // than the grace) is left, and said to be still running.
      if (stopping && Date.now() - stopping.at > CANCEL_GRACE_MS) break
      if (stopping && active.every((r) => cancelFailed.has(r.runId))) break
      // Once stopping, keep polling at the pace of the policy until the
      // runs end: the abort must not turn the waits into a busy loop.
      wake = new AbortController()
      const wakers = stopping ? [wake.signal] : [wake.signal, input.signal]
      await input.sleep(wait, AbortSignal.any(wakers)).catch(() => undefined)
      wait = Math.min(input.poll.maxMs, Math.round(wait * 1.5))
      if (failure) break
      // Each page is looked at as it comes: the checks of the tasks on
      // the first page start before the last page is asked for.
      const views = await Promise.all(
        active.map((r) =>
          client.jobs.getRun(r.runId, {
            signal: work.signal,
            onPage: (page) => observeTasks(page, r)
          })
        )
      )
      views.forEach((view, i) => observe(view, active[i]))
    }
    if (!failure) await Promise.all(finishing.values())
  } catch (error) {
    fail(error)
  }
  // Steps of runs never submitted.
  const why = failure
    ? 'dtflw stopped following the run before this step was submitted'
    : (stopping?.why ?? '')
  for (const batch of input.batches.slice(nextBatch))
    for (const key of batch)
      if (!results.has(key))
        results.set(
          key,
          notRunResult(byKey.get(key)!, 'cancelled', {
            error: { kind: 'cancelled', message: why }
          })
        )
  if (failure) {
    // Nothing more is asked of the workspace for the finished tasks; the
    // runs still going are cancelled, with a short signal of their own.
    work.abort()
    await Promise.allSettled(finishing.values())
    await Promise.allSettled(cancels)
    const stillRunning = await abandonRuns(
      client,
      runs.filter((r) => !r.terminal),
      results,
      byKey
    )
    return {
      results,
      runs: runs.map(handleOf),
      error: failure.error,
      stillRunning,
      otherTasks
    }
  }
  await Promise.allSettled(cancels)
  return {
    results,
    runs: runs.map(handleOf),
    stillRunning: runs.filter((r) => !r.terminal).map(handleOf),
    otherTasks
  }
}

function isoOf(ms: number | undefined, now: () => Date): string {
  return ms && ms > 0 ? new Date(ms).toISOString() : now().toISOString()
}
