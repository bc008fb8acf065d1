import { adjacencyOf, reachableFrom } from '../flow/index.js'
import type { Plan } from '../flow/index.js'
import type { StepResult } from './types.js'

const UNFINISHED = new Set(['failed', 'cancelled', 'skipped', 'pending'])

/**
 * The `--select` expression that re-runs every step that did not finish
 * well, and nothing else: `key+` (the step and everything downstream of it)
 * where that whole subgraph is unfinished, a bare `key` otherwise, joined by
 * commas in plan order (e.g. `import_data+,other`). Undefined when all
 * steps succeeded or were lazily skipped.
 */
export function planResume(
  plan: Plan,
  results: readonly StepResult[]
): string | undefined {
  const status = new Map(results.map((r) => [r.key, r.status]))
  const unfinished = new Set(
    plan.steps
      .filter((s) => UNFINISHED.has(status.get(s.key) ?? 'pending'))
      .map((s) => s.key)
  )
  if (unfinished.size === 0) return undefined

  const next = adjacencyOf(
    plan.steps.flatMap((s) => s.dependsOn.map((from) => ({ from, to: s.key }))),
    'downstream'
  )
  const downstream = (key: string): Set<string> => reachableFrom([key], next)

  const covered = new Set<string>()
  const terms: string[] = []
  for (const step of plan.steps) {
    if (!unfinished.has(step.key) || covered.has(step.key)) continue
    const closure = downstream(step.key)
    const whole = [...closure].every((k) => unfinished.has(k))
    if (whole && closure.size > 1) {
      terms.push(`${step.key}+`)
      for (const k of closure) covered.add(k)
    } else {
      terms.push(step.key)
      covered.add(step.key)
    }
  }
  return terms.join(',')
}
