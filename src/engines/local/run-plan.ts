import type { Plan } from '../../flow/index.js'
import type { Notebook } from '../../notebooks/index.js'
import type { WatchPlace } from './guard/index.js'
import { planRunMode } from './notebook/index.js'
import type { SandboxLevel } from './python/index.js'
import { resolveLocalTable } from './tables/index.js'

/**
 * DuckDB threads per step: the cores divided among the steps that can run
 * together (the smaller of the parallelism and the widest level), so
 * parallel branches do not fight over cores while a lone step gets them all.
 */
export function planThreadsPerStep(
  plan: Plan,
  parallelism: number,
  cores: number
): number {
  const widest = Math.max(1, ...plan.levels.map((level) => level.length))
  return Math.max(
    1,
    Math.floor(cores / Math.max(1, Math.min(parallelism, widest)))
  )
}

/**
 * How many SQL workers the run will want at once: the SQL steps that can
 * run together (the most in one level), at most the parallelism.
 */
export function planSqlSlots(
  plan: Plan,
  notebooks: ReadonlyMap<string, Notebook>,
  parallelism: number
): number {
  const isSql = (key: string): boolean => {
    const notebook = notebooks.get(key)
    return notebook !== undefined && planRunMode(notebook) === 'sql'
  }
  const widest = Math.max(
    0,
    ...plan.levels.map((level) => level.filter(isSql).length)
  )
  return Math.min(widest, Math.max(1, parallelism))
}

/**
 * Every table and source location of the plan that is a local path, for
 * the run guard: the tables each step reads and writes, and every source
 * of the flow, used by the selected steps or not.
 */
export function planWatchedPlaces(root: string, plan: Plan): WatchPlace[] {
  const places: WatchPlace[] = []
  const add = (
    kind: WatchPlace['kind'],
    name: string,
    location: Parameters<typeof resolveLocalTable>[1] | undefined
  ): void => {
    if (!location) return
    try {
      const p = resolveLocalTable(root, location).path
      if (!places.some((q) => q.path === p && q.kind === kind)) {
        places.push({ path: p, name: `${kind} "${name}"`, kind })
      }
    } catch {
      // Remote: not on this machine.
    }
  }
  for (const step of plan.steps) {
    for (const o of step.outputs) add('table', o.alias, o.location)
    for (const i of step.inputs) {
      if (!i.isSource) add('table', i.table, i.location)
    }
  }
  for (const source of plan.sources) {
    add('source', source.name, source.location)
  }
  return places
}

/**
 * True when the plan has a step the engine cannot hold (a Python step in
 * sandbox `standard`): the run guard then keeps copies to undo its writes.
 */
export function hasUnheldSteps(
  notebooks: ReadonlyMap<string, Notebook>,
  sandbox: SandboxLevel
): boolean {
  if (sandbox === 'strict') return false
  return [...notebooks.values()].some((n) => planRunMode(n) === 'python')
}
