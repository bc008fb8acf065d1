import type { Diagnostic } from '../diagnostics/index.js'
import { hasErrors, InvalidConfigError } from '../diagnostics/index.js'
import type { Evaluated, ResolvedProfile } from '../profiles/index.js'
import { dedupeEdges, sortEdges } from './build.js'
import { computeCriticalPath, computeLevels, parentMap } from './graph.js'
import { locationEdges } from './location-edges.js'
import { notebookParameters, planArgs, secretParameters } from './parameters.js'
import { createPlacement } from './placement.js'
import type { Edge, Flow, Plan, PlannedSource, PlannedStep } from './types.js'

/**
 * Kept so callers written for it still compile: the profile now carries its
 * template context (`ResolvedProfile.expand`), which step arguments use.
 */
export interface PlanContext {
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly gitSha?: string
  readonly preview?: string
}

/**
 * Resolves a flow against one profile: locations (placement), argument
 * templates and the parameters each notebook receives (parameters), the
 * write-after-write and write-after-read edges where two steps share a
 * location (location edges), levels and the critical path. Throws
 * `InvalidConfigError` with every problem found.
 */
export function planFlow(
  flow: Flow,
  profile: ResolvedProfile,
  _context: PlanContext = {}
): Plan {
  const diagnostics: Diagnostic[] = []
  const placement = createPlacement(flow.sources, profile, diagnostics)
  const filled = new Map<string, Evaluated>()
  const steps: PlannedStep[] = flow.steps.map((step) => {
    const { args, secret } = planArgs(step, profile, diagnostics, filled)
    const inputs = placement.inputs(step)
    const outputs = placement.outputs(step)
    const parameters = notebookParameters(args, inputs, outputs)
    return {
      key: step.key,
      index: step.index,
      notebook: step.notebook,
      location: step.location,
      args,
      inputs,
      outputs,
      parameters,
      secretParameters: secretParameters(secret, parameters, profile),
      dependsOn: []
    }
  })
  const edges = sortEdges(
    dedupeEdges([
      ...flow.edges,
      ...locationEdges(
        flow,
        steps,
        placement.sources,
        diagnostics,
        profile.secretValues
      )
    ])
  )
  if (hasErrors(diagnostics)) throw new InvalidConfigError(diagnostics)
  return assemblePlan(
    flow.pipeline,
    profile.name,
    profile.engine,
    steps,
    edges,
    placement.sources,
    []
  )
}

/** Puts together a plan from steps and edges: dependsOn, levels, critical path. */
export function assemblePlan(
  pipeline: string,
  profile: string,
  engine: Plan['engine'],
  steps: readonly PlannedStep[],
  edges: readonly Edge[],
  sources: readonly PlannedSource[],
  excluded: readonly string[]
): Plan {
  const keys = steps.map((s) => s.key)
  const known = new Set(keys)
  const kept = edges.filter((e) => known.has(e.from) && known.has(e.to))
  const parents = parentMap(keys, kept)
  const withDeps = steps.map((s) =>
    Object.freeze({
      ...s,
      dependsOn: Object.freeze([...(parents.get(s.key) ?? [])].sort())
    })
  )
  return Object.freeze({
    pipeline,
    profile,
    engine,
    steps: Object.freeze(withDeps),
    edges: Object.freeze(kept),
    levels: Object.freeze(computeLevels(keys, kept, parents)),
    criticalPath: Object.freeze(computeCriticalPath(keys, kept, parents)),
    sources: Object.freeze([...sources]),
    excluded: Object.freeze([...excluded])
  })
}
