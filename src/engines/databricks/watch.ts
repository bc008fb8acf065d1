import { adjacencyOf, reachableFrom } from '../../flow/index.js'
import type { Plan, PlannedStep } from '../../flow/index.js'
import { declaredAccesses } from '../../report/index.js'
import type { StepError, StepResult, TableAccess } from '../../report/index.js'
import type { StepEvent } from '../engine.js'
import type { DatabricksClient, Run, RunTask } from './api/index.js'
import { hasStarted, isTerminal, stepStatusOf } from './run-states.js'

/** How often the run is polled: from `firstMs`, growing to `maxMs`. */
export interface PollPolicy {
  readonly firstMs: number
  readonly maxMs: number
}

/** The default polling: quick at first, then every 10 seconds. */
export const DEFAULT_POLL: PollPolicy = { firstMs: 1000, maxMs: 10_000 }

/** How long to wait for a cancelled run to end before giving up on it. */
const CANCEL_GRACE_MS = 120_000

/** What `watchRun` needs. */
export interface WatchInput {
  readonly client: DatabricksClient
  readonly runId: number
  readonly plan: Plan
  /** The steps that were submitted. */
  readonly keys: ReadonlySet<string>
  readonly signal: AbortSignal
  readonly failFast: boolean
  readonly emit: (event: StepEvent) => void
  readonly now: () => Date
  readonly poll: PollPolicy
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>
  /** dtflw's output check after a task succeeded. */
  readonly checkOutputs: (
    step: PlannedStep
  ) => Promise<{ writes: TableAccess[]; error?: StepError }>
}

/**
 * Follows one multi-task run to its end: one `runs/get` per poll covers
 * every task (the client pages through more than 100). Emits the same step
 * events as the local engine, fetches `runs/get-output` per finished task
 * run (never the parent, which the API refuses), and checks each
 * succeeded step's outputs. An output that is missing fails its step, and
 * the tasks downstream of it are cancelled (they would read a table that
 * is not there), so the report's lineage stays true. Aborting `signal`
 * (Ctrl-C, SIGTERM, a cancelled job) cancels the run and waits for it to
 * end. Returns a result per submitted step.
 */
export async function watchRun(
  input: WatchInput
): Promise<Map<string, StepResult>> {
  const { client, runId, signal } = input
  const byKey = new Map(input.plan.steps.map((s) => [s.key, s]))
  const results = new Map<string, StepResult>()
  const started = new Set<string>()
  /** Steps cancelled because an upstream output was missing, and which. */
  const blockedBy = new Map<string, string>()
  let cancelAt: number | undefined
  const cancel = async (): Promise<void> => {
    if (cancelAt !== undefined) return
    cancelAt = Date.now()
    await client.jobs.cancelRun(runId)
  }
  const calm = new AbortController().signal
  let wait = input.poll.firstMs
  for (;;) {
    if (signal.aborted) await cancel()
    const run = await client.jobs.getRun(runId)
    const tasks = (run.tasks ?? []).filter((t) => input.keys.has(t.task_key))
    for (const task of tasks) {
      const step = byKey.get(task.task_key)
      if (!step) continue
      if (
        !started.has(step.key) &&
        hasStarted(task.state) &&
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
      if (results.has(step.key) || !isTerminal(task.state)) continue
      const result = await finishTask(input, step, task, results, blockedBy)
      results.set(step.key, result)
      input.emit({
        type: 'step-finished',
        key: step.key,
        at: input.now().toISOString(),
        result
      })
      if (result.status === 'failed' && result.error?.kind !== 'notebook') {
        // The platform thinks it succeeded; stop what would read its output.
        await cancelDownstream(input, step.key, run, blockedBy)
      }
      if (result.status === 'failed' && input.failFast) await cancel()
    }
    const done = tasks.every((t) => results.has(t.task_key))
    if (isTerminal(run.state) && done) break
    if (cancelAt !== undefined && Date.now() - cancelAt > CANCEL_GRACE_MS) {
      break
    }
    // Once cancelling, keep polling at the pace of the policy until the
    // run ends: the abort must not turn the waits into a busy loop.
    await input
      .sleep(wait, cancelAt === undefined ? signal : calm)
      .catch(() => undefined)
    wait = Math.min(input.poll.maxMs, Math.round(wait * 1.5))
  }
  return results
}

async function finishTask(
  input: WatchInput,
  step: PlannedStep,
  task: RunTask,
  results: ReadonlyMap<string, StepResult>,
  blockedBy: ReadonlyMap<string, string>
): Promise<StepResult> {
  const declared = declaredAccesses(step)
  let status = stepStatusOf(task.state ?? {})
  const base = {
    key: step.key,
    notebook: step.notebook,
    attempt: (task.attempt_number ?? 0) + 1,
    parameters: step.parameters,
    ...declared,
    ...(task.run_page_url ? { runUrl: task.run_page_url } : {}),
    ...times(task)
  }
  const blocker = blockedBy.get(step.key)
  if (blocker && (status === 'cancelled' || status === 'skipped')) {
    return { ...base, status: 'skipped', skippedBecause: blocker }
  }
  if (status === 'skipped') {
    return {
      ...base,
      status,
      skippedBecause: rootCause(step, input.plan, results)
    }
  }
  const output = await input.client.jobs.getRunOutput(task.run_id)
  const exitValue = output.notebook_output?.result
  const withExit = exitValue !== undefined ? { exitValue } : {}
  if (status === 'cancelled') {
    return {
      ...base,
      ...withExit,
      status,
      error: {
        kind: 'cancelled',
        message: task.state?.state_message || 'the run was cancelled'
      }
    }
  }
  if (status === 'failed') {
    const message =
      firstLine(output.error) ||
      task.state?.state_message ||
      `the task ended with ${task.state?.result_state ?? task.state?.life_cycle_state ?? 'no state'}`
    const detail = output.error_trace ?? output.error
    return {
      ...base,
      ...withExit,
      status,
      error: {
        kind: 'notebook',
        message,
        ...(detail && detail !== message ? { detail } : {})
      }
    }
  }
  const checked = await input.checkOutputs(step)
  status = checked.error ? 'failed' : 'succeeded'
  return {
    ...base,
    ...withExit,
    status,
    writes: checked.writes,
    ...(checked.error ? { error: checked.error } : {})
  }
}

/** The failed or cancelled step at the root of a skip, in plan order. */
function rootCause(
  step: PlannedStep,
  plan: Plan,
  results: ReadonlyMap<string, StepResult>
): string | undefined {
  const byKey = new Map(plan.steps.map((s) => [s.key, s]))
  const seen = new Set<string>()
  const stack = [...step.dependsOn]
  while (stack.length > 0) {
    const key = stack.pop()!
    if (seen.has(key)) continue
    seen.add(key)
    const result = results.get(key)
    if (result?.status === 'failed' || result?.status === 'cancelled') {
      return key
    }
    if (result?.skippedBecause) return result.skippedBecause
    stack.push(...(byKey.get(key)?.dependsOn ?? []))
  }
  return undefined
}

/** Cancels the task runs downstream of `key` that have not ended. */
async function cancelDownstream(
  input: WatchInput,
  failed: string,
  run: Run,
  blockedBy: Map<string, string>
): Promise<void> {
  const next = adjacencyOf(
    input.plan.steps.flatMap((s) =>
      s.dependsOn.map((from) => ({ from, to: s.key }))
    ),
    'downstream'
  )
  const tasks = new Map((run.tasks ?? []).map((t) => [t.task_key, t]))
  for (const key of reachableFrom([failed], next)) {
    if (key === failed || blockedBy.has(key)) continue
    blockedBy.set(key, failed)
    const task = tasks.get(key)
    if (task && !isTerminal(task.state)) {
      await input.client.jobs.cancelRun(task.run_id)
    }
  }
}

function times(task: RunTask): Partial<StepResult> {
  const start = task.start_time ?? 0
  const end = task.end_time ?? 0
  if (start <= 0) return {}
  return {
    startedAt: new Date(start).toISOString(),
    ...(end > 0
      ? {
          finishedAt: new Date(end).toISOString(),
          durationMs: Math.max(0, end - start)
        }
      : {})
  }
}

function isoOf(ms: number | undefined, now: () => Date): string {
  return ms && ms > 0 ? new Date(ms).toISOString() : now().toISOString()
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').find((l) => l.trim() !== '') ?? ''
}
