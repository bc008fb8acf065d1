import type { Plan, PlannedStep } from '../../flow/index.js'
import type { StepStatus } from '../../report/index.js'

/**
 * Splits the steps to run into runs of at most `maxTasks` tasks (the Jobs
 * API holds at most 1,000 in one job or one-time run), following the
 * plan's levels: whole levels fill a run in order, and a level larger than
 * what is left is cut between two runs (its steps do not depend on each
 * other). Every dependency of a run's step is then in that run or an
 * earlier one, so each run can be submitted once the steps it waits for in
 * earlier runs have ended. A plan that fits is one run, as before.
 */
export function planRunBatches(
  plan: Plan,
  keys: ReadonlySet<string>,
  maxTasks: number
): string[][] {
  const size = Math.max(1, Math.floor(maxTasks))
  const batches: string[][] = []
  let current: string[] = []
  for (const level of plan.levels) {
    for (const key of level) {
      if (!keys.has(key)) continue
      if (current.length === size) {
        batches.push(current)
        current = []
      }
      current.push(key)
    }
  }
  if (current.length > 0) batches.push(current)
  return batches
}

/** What a run knows of its steps so far, for the decisions below. */
export interface StepsSoFar {
  /** How a step ended: its settled result, else what the platform said. */
  status(key: string): StepStatus | undefined
  /** The step a skipped or blocked one names as its cause, if known. */
  causeOf(key: string): string | undefined
}

/** The failed or cancelled step at the root of a skip, in plan order. */
export function rootCauseOf(
  step: PlannedStep,
  byKey: ReadonlyMap<string, PlannedStep>,
  known: StepsSoFar
): string | undefined {
  const seen = new Set<string>()
  const stack = [...step.dependsOn]
  while (stack.length > 0) {
    const key = stack.pop()!
    if (seen.has(key)) continue
    seen.add(key)
    const status = known.status(key)
    if (status === 'failed' || status === 'cancelled') return key
    const because = known.causeOf(key)
    if (because) return because
    stack.push(...(byKey.get(key)?.dependsOn ?? []))
  }
  return undefined
}

/**
 * Whether the next run can be submitted: `wait` while a step of an earlier
 * run it depends on has not ended (a step not run at all, e.g. lazy, is no
 * wait); else the steps to leave out of it, each with the failed step that
 * makes it pointless: a dependency that did not succeed, one left out
 * before it, or a block set by a failed output check.
 */
export function planBatchStart(
  batch: readonly string[],
  byKey: ReadonlyMap<string, PlannedStep>,
  submittable: ReadonlySet<string>,
  known: StepsSoFar
): 'wait' | Map<string, string> {
  const inBatch = new Set(batch)
  const waitsFor = batch.flatMap((key) =>
    (byKey.get(key)?.dependsOn ?? []).filter(
      (d) => !inBatch.has(d) && submittable.has(d)
    )
  )
  if (waitsFor.some((key) => known.status(key) === undefined)) return 'wait'
  const dropped = new Map<string, string>()
  for (const key of batch) {
    const step = byKey.get(key)!
    let cause = known.causeOf(key)
    for (const dep of step.dependsOn) {
      if (cause) break
      if (inBatch.has(dep)) cause = dropped.get(dep)
      else if (!submittable.has(dep)) continue
      else if (known.status(dep) === 'skipped')
        cause = known.causeOf(dep) ?? rootCauseOf(step, byKey, known) ?? dep
      else if (known.status(dep) !== 'succeeded') cause = dep
    }
    if (cause) dropped.set(key, cause)
  }
  return dropped
}
