import type { Diagnostic } from '../diagnostics/index.js'
import {
  errorAt,
  formatLine,
  hasErrors,
  suggest,
  warningAt
} from '../diagnostics/index.js'
import type { Manifest, StepSpec } from '../manifest/index.js'
import type { Edge, Flow, ResolvedInput, Step } from './types.js'

/** What building a flow gives: the flow when it is sound, and every problem. */
export interface BuiltFlow {
  readonly flow?: Flow
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Resolves every input to the latest producer *before* its step (dtflw's
 * rule), so a step may read and rewrite one table and the graph can never
 * have a cycle. Reports every task key used twice, and every input that
 * nothing produces earlier and no source declares, with a suggestion.
 */
export function buildFlow(manifest: Manifest): BuiltFlow {
  const duplicates = checkKeys(manifest.flow)
  const sources = new Set(manifest.sources.map((s) => s.name))
  const latest = new Map<string, StepSpec>()
  const allAliases = new Map<string, StepSpec>()
  for (const step of manifest.flow)
    for (const o of step.outputs)
      if (!allAliases.has(o.alias)) allAliases.set(o.alias, step)
  const diagnostics: Diagnostic[] = [...duplicates]
  const edges: Edge[] = []
  const read = new Set<string>()
  const steps: Step[] = manifest.flow.map((spec) => {
    const inputs: ResolvedInput[] = spec.inputs.map((input) => {
      const table = input.source ?? input.name
      read.add(table)
      const producer = latest.get(table)
      if (producer) {
        edges.push({ from: producer.key, to: spec.key, kind: 'data', table })
      } else if (!sources.has(table) && !input.optional && !input.path) {
        diagnostics.push(
          unknownInput(spec, table, input.location, latest, sources, allAliases)
        )
      }
      return Object.freeze({
        name: input.name,
        table,
        ...(producer ? { producer: producer.key } : {}),
        isSource: !producer && sources.has(table),
        ...(input.path ? { path: input.path } : {}),
        optional: input.optional,
        location: input.location
      })
    })
    for (const o of spec.outputs) latest.set(o.alias, spec)
    return Object.freeze({
      key: spec.key,
      index: spec.index,
      notebook: spec.notebook,
      args: Object.freeze([...spec.args]),
      inputs: Object.freeze(inputs),
      outputs: Object.freeze(
        spec.outputs.map((o) =>
          Object.freeze({
            name: o.name,
            alias: o.alias,
            ...(o.path ? { path: o.path } : {}),
            ...(o.columns ? { columns: o.columns } : {}),
            strict: o.strict,
            ...(o.key ? { key: o.key } : {}),
            location: o.location
          })
        )
      ),
      location: spec.location
    })
  })
  for (const s of manifest.sources) {
    if (!read.has(s.name)) {
      diagnostics.push(
        warningAt(
          'unused-source',
          `source "${s.name}" is declared but no step reads it; remove it or add it to a step's inputs.`,
          s.location
        )
      )
    }
  }
  if (hasErrors(diagnostics)) return { diagnostics }
  const flow: Flow = Object.freeze({
    pipeline: manifest.pipeline,
    steps: Object.freeze(steps),
    sources: Object.freeze(manifest.sources.map((s) => s.name)),
    edges: Object.freeze(sortEdges(dedupeEdges(edges)))
  })
  return { flow, diagnostics }
}

/**
 * Task keys are unique: a notebook that runs twice needs a `key:`. Steps
 * with one key would be one node of the graph, a cycle the flow can never
 * run, so such a flow is refused here.
 */
function checkKeys(flow: readonly StepSpec[]): Diagnostic[] {
  const first = new Map<string, StepSpec>()
  const out: Diagnostic[] = []
  for (const step of flow) {
    const earlier = first.get(step.key)
    if (!earlier) {
      first.set(step.key, step)
      continue
    }
    out.push(
      errorAt(
        'duplicate-key',
        `task key "${step.key}" is used by flow[${earlier.index}] (${formatLine(earlier.location)}) and flow[${step.index}]; give one of them a unique "key:".`,
        step.keyLocation,
        { path: `flow[${step.index}]` }
      )
    )
  }
  return out
}

function unknownInput(
  step: StepSpec,
  table: string,
  location: Diagnostic['location'],
  earlier: ReadonlyMap<string, StepSpec>,
  sources: ReadonlySet<string>,
  all: ReadonlyMap<string, StepSpec>
): Diagnostic {
  const later = all.get(table)
  if (later && later.index >= step.index) {
    const when =
      later.index === step.index
        ? 'by this same step'
        : `later, by step "${later.key}" (${formatLine(later.location)})`
    return errorAt(
      'input-produced-later',
      `input "${table}" of step "${step.key}" is produced ${when}; an input resolves to a producer before its step: move the step after its producer, or declare "${table}" under sources.`,
      location
    )
  }
  const candidates = [...earlier.keys(), ...sources]
  const close = suggest(table, candidates)
  const hint = close
    ? ` did you mean "${close}"?`
    : ' declare it under sources:, or add a step before this one that outputs it.'
  return errorAt(
    'unknown-input',
    `input "${table}" of step "${step.key}" is not produced by an earlier step and is not a declared source;${hint}`,
    location
  )
}

/** Removes repeated (from, to, kind) edges, keeping the first table named. */
export function dedupeEdges(edges: readonly Edge[]): Edge[] {
  const seen = new Set<string>()
  return edges.filter((e) => {
    const id = `${e.from}\u0000${e.to}\u0000${e.kind}\u0000${e.table}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/** Edges in a stable order: by source, target, kind, table. */
export function sortEdges(edges: readonly Edge[]): Edge[] {
  const compare = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1)
  return [...edges].sort(
    (a, b) =>
      compare(a.from, b.from) ||
      compare(a.to, b.to) ||
      compare(a.kind, b.kind) ||
      compare(a.table, b.table)
  )
}
