import type { Plan, PlannedStep } from '../flow/index.js'
import { notRunResult } from '../report/index.js'
import type { StepResult } from '../report/index.js'

/**
 * Runs one step and says how it ended. It must resolve (not reject) with
 * `cancelled` when `signal` aborts; a rejection is reported as a failed step
 * with an `engine` error.
 */
export type ExecuteStep = (
  step: PlannedStep,
  signal: AbortSignal
) => Promise<StepResult>

/** How `runReady` schedules. */
export interface ScheduleOptions {
  /** Steps at most running at once (at least 1). */
  readonly concurrency: number
  /** Aborting stops starting steps and aborts the running ones. */
  readonly signal?: AbortSignal
  /** The first failure aborts running steps and starts nothing more. */
  readonly failFast?: boolean
  /** Called as a step starts. */
  readonly onStart?: (step: PlannedStep) => void
  /** Called once per step as soon as its final result is known. */
  readonly onResult?: (result: StepResult) => void
}

const DONE_WELL = new Set(['succeeded', 'lazy'])
const BLOCKING = new Set(['failed', 'cancelled', 'skipped'])

/**
 * The one scheduler (Kedro's runner loop): start every step whose
 * `dependsOn` all finished well (`succeeded` or `lazy`), up to
 * `concurrency` at once, in plan order; wait for any to settle; repeat.
 *
 * - A failed or cancelled step makes its dependents, transitively,
 *   `skipped` with `skippedBecause` naming the step at the root of it.
 *   Independent branches go on.
 * - `failFast` or an aborted `signal` stops starting steps and aborts the
 *   running ones; what never started and is not skipped stays `pending`.
 * - The graph is the plan's `dependsOn`, never rebuilt; a dependency
 *   outside the plan (left out by a selection) counts as done.
 *
 * Returns one result per planned step, in plan order.
 */
export async function runReady(
  plan: Plan,
  executeStep: ExecuteStep,
  options: ScheduleOptions
): Promise<StepResult[]> {
  const limit = Math.max(1, Math.floor(options.concurrency))
  const planned = new Set(plan.steps.map((s) => s.key))
  const results = new Map<string, StepResult>()
  const running = new Map<string, Promise<void>>()
  const stop = new AbortController()
  const onAbort = (): void => stop.abort(options.signal?.reason)
  if (options.signal?.aborted) onAbort()
  options.signal?.addEventListener('abort', onAbort, { once: true })

  const settle = (result: StepResult): void => {
    results.set(result.key, result)
    options.onResult?.(result)
  }

  // One pass in plan order suffices when the plan lists producers first
  // (manifest order does); repeating keeps it right for any order.
  const skipBlocked = (): void => {
    let changed = true
    while (changed) {
      changed = false
      for (const step of plan.steps) {
        if (results.has(step.key) || running.has(step.key)) continue
        const blocker = step.dependsOn
          .map((key) => results.get(key))
          .find((r) => r !== undefined && BLOCKING.has(r.status))
        if (!blocker) continue
        const because = blocker.skippedBecause ?? blocker.key
        settle(notRunResult(step, 'skipped', { skippedBecause: because }))
        changed = true
      }
    }
  }

  const isReady = (step: PlannedStep): boolean =>
    step.dependsOn.every(
      (key) =>
        !planned.has(key) || DONE_WELL.has(results.get(key)?.status ?? '')
    )

  const start = (step: PlannedStep): void => {
    options.onStart?.(step)
    const task = Promise.resolve()
      .then(() => executeStep(step, stop.signal))
      .catch((error: unknown): StepResult => ({
        ...notRunResult(step, 'failed'),
        attempt: 1,
        error: {
          kind: 'engine',
          message: `step "${step.key}" could not be run: ${
            error instanceof Error ? error.message : String(error)
          }`
        }
      }))
      .then((result) => {
        running.delete(step.key)
        settle(result)
        if (options.failFast && result.status === 'failed') stop.abort()
      })
    running.set(step.key, task)
  }

  try {
    for (;;) {
      skipBlocked()
      if (!stop.signal.aborted) {
        for (const step of plan.steps) {
          if (running.size >= limit) break
          if (results.has(step.key) || running.has(step.key)) continue
          if (isReady(step)) start(step)
        }
      }
      if (running.size === 0) break
      await Promise.race(running.values())
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
  }
  skipBlocked()
  for (const step of plan.steps) {
    if (!results.has(step.key)) settle(notRunResult(step, 'pending'))
  }
  return plan.steps.map((step) => results.get(step.key)!)
}
