import { didYouMean, UsageError } from '../diagnostics/index.js'
import { adjacencyOf, reachableFrom, type Direction } from './graph.js'
import { notebookParameters } from './parameters.js'
import { assemblePlan } from './plan.js'
import type { Plan, PlannedInput } from './types.js'

/** One term of a selection: a step, with or without its up- or downstream. */
export interface SelectionTerm {
  readonly key: string
  readonly upstream: boolean
  readonly downstream: boolean
}

/**
 * Parses `a, b+ +c` (dbt's graph operators): `name`, `name+` (and everything
 * downstream), `+name` (and everything upstream), `+name+` (both).
 */
function parseSelection(expression: string): SelectionTerm[] {
  return expression
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((term) => {
      const upstream = term.startsWith('+')
      const downstream = term.endsWith('+') && term.length > 1
      const key = term.replace(/^\+/, '').replace(/\+$/, '')
      if (!key)
        throw new UsageError(
          `--select term "${term}" names no step; write name, name+ or +name.`
        )
      return { key, upstream, downstream }
    })
}

/** Every step reachable from `start` (included) along the plan's edges, one way. */
export function reachable(
  plan: Plan,
  start: Iterable<string>,
  direction: Direction
): Set<string> {
  return reachableFrom(start, adjacencyOf(plan.edges, direction))
}

/**
 * A new plan with only the selected steps. Inputs of a selected step whose
 * producer is left out keep that producer's location, so a resumed run reads
 * what the earlier run wrote.
 */
export function selectSteps(plan: Plan, keys: Iterable<string>): Plan {
  const chosen = new Set(keys)
  const steps = plan.steps.filter((s) => chosen.has(s.key))
  const excluded = plan.steps
    .filter((s) => !chosen.has(s.key))
    .map((s) => s.key)
  return withSteps(plan, steps, [...new Set([...plan.excluded, ...excluded])])
}

/** Applies a `--select` expression; unknown names are a usage error with a suggestion. */
export function applySelection(plan: Plan, expression: string): Plan {
  const known = plan.steps.map((s) => s.key)
  const keys = new Set(known)
  const chosen = new Set<string>()
  const down = adjacencyOf(plan.edges, 'downstream')
  const up = adjacencyOf(plan.edges, 'upstream')
  for (const term of parseSelection(expression)) {
    if (!keys.has(term.key)) {
      throw new UsageError(
        `--select names step "${term.key}", which the flow does not have;${didYouMean(term.key, known) || ` the steps are: ${known.join(', ')}.`}`
      )
    }
    chosen.add(term.key)
    if (term.downstream)
      for (const k of reachableFrom([term.key], down)) chosen.add(k)
    if (term.upstream)
      for (const k of reachableFrom([term.key], up)) chosen.add(k)
  }
  return selectSteps(plan, chosen)
}

/**
 * dbt's `--defer`: inputs of selected steps whose producer is not selected
 * read the producer's output in another environment's plan instead.
 */
export function deferInputs(plan: Plan, deferTo: Plan): Plan {
  const selected = new Set(plan.steps.map((s) => s.key))
  const elsewhere = new Map(deferTo.steps.map((s) => [s.key, s]))
  const steps = plan.steps.map((step) => {
    let changed = false
    const inputs = step.inputs.map((input): PlannedInput => {
      if (!input.producer || selected.has(input.producer)) return input
      const output = elsewhere
        .get(input.producer)
        ?.outputs.find((o) => o.alias === input.table)
      if (!output) return input
      changed = true
      return { ...input, location: output.location }
    })
    if (!changed) return step
    const parameters = notebookParameters(step.args, inputs, step.outputs)
    return { ...step, inputs, parameters }
  })
  return withSteps(plan, steps, plan.excluded)
}

/** The same plan over other steps: edges, levels and dependsOn recomputed. */
function withSteps(
  plan: Plan,
  steps: Plan['steps'],
  excluded: readonly string[]
): Plan {
  return assemblePlan(
    plan.pipeline,
    plan.profile,
    plan.engine,
    steps,
    plan.edges,
    plan.sources,
    excluded
  )
}
