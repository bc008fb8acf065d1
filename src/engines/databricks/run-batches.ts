import type { Plan } from '../../flow/index.js'

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
