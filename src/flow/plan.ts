import type { Diagnostic, Location } from '../diagnostics/index.js'
import {
  didYouMean,
  errorAt,
  formatLine,
  hasErrors,
  InvalidConfigError
} from '../diagnostics/index.js'
import type { ResolvedProfile } from '../profiles/index.js'
import { splitTemplate } from '../profiles/index.js'
import { dedupeEdges, sortEdges } from './build.js'
import { computeCriticalPath, computeLevels } from './graph.js'
import {
  defaultOutputLocation,
  explicitLocation,
  locationKey,
  locationValue,
  sourceLocation
} from './locations.js'
import type {
  Edge,
  Flow,
  Plan,
  PlannedInput,
  PlannedOutput,
  PlannedSource,
  PlannedStep,
  Step,
  TableLocation
} from './types.js'

/** What `${…}` in a step argument may use besides the profile's variables. */
export interface PlanContext {
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly gitSha?: string
  readonly preview?: string
}

/**
 * Resolves a flow against one profile: locations, argument templates, the
 * parameters each notebook receives, the write-after-write and
 * write-after-read edges where two steps share a location, levels and the
 * critical path. Throws `InvalidConfigError` with every problem found.
 */
export function planFlow(
  flow: Flow,
  profile: ResolvedProfile,
  context: PlanContext = {}
): Plan {
  const diagnostics: Diagnostic[] = []
  const sources: PlannedSource[] = flow.sources.map((name) => {
    const config = profile.sources[name]
    return config
      ? {
          name,
          location: sourceLocation(config),
          ...('options' in config && config.options
            ? { options: config.options }
            : {})
        }
      : { name }
  })
  const sourceByName = new Map(sources.map((s) => [s.name, s]))
  const outputsByStep = new Map<string, PlannedOutput[]>()
  const steps: PlannedStep[] = flow.steps.map((step) => {
    const args = planArgs(step, profile, flow.pipeline, context, diagnostics)
    const inputs = step.inputs.map((input): PlannedInput => {
      let location: TableLocation | undefined
      if (input.path) {
        location = placeExplicit(
          profile,
          input.path,
          `input "${input.name}"`,
          input.location,
          diagnostics
        )
      } else if (input.producer) {
        location = outputsByStep
          .get(input.producer)
          ?.find((o) => o.alias === input.table)?.location
      } else if (input.isSource) {
        location = sourceByName.get(input.table)?.location
        if (!location && !input.optional) {
          diagnostics.push(
            errorAt(
              'source-without-location',
              `source "${input.table}" has no location in profile "${profile.name}"; add sources.${input.table} with a path and format, or a table, to ${profile.files[profile.files.length - 1] ?? 'the profile'}.`,
              input.location
            )
          )
        }
      }
      return {
        name: input.name,
        param: `${input.name}_in`,
        table: input.table,
        ...(input.producer ? { producer: input.producer } : {}),
        isSource: input.isSource,
        optional: input.optional,
        ...(location ? { location } : {})
      }
    })
    const outputs = step.outputs.map((o): PlannedOutput => {
      const location = o.path
        ? placeExplicit(
            profile,
            o.path,
            `output "${o.name}"`,
            o.location,
            diagnostics
          )
        : defaultOutputLocation(profile.tables, step.notebook, o.name, o.alias)
      return {
        name: o.name,
        alias: o.alias,
        param: `${o.name}_out`,
        location: location ?? { kind: 'path', uri: '', format: 'parquet' },
        ...(o.columns ? { columns: o.columns } : {}),
        strict: o.strict
      }
    })
    outputsByStep.set(step.key, outputs)
    const parameters: Record<string, string> = { ...args }
    for (const i of inputs) parameters[i.param] = locationValue(i.location)
    for (const o of outputs) parameters[o.param] = locationValue(o.location)
    return {
      key: step.key,
      index: step.index,
      notebook: step.notebook,
      location: step.location,
      args,
      inputs,
      outputs,
      parameters,
      dependsOn: []
    }
  })
  const edges = sortEdges(
    dedupeEdges([
      ...flow.edges,
      ...locationEdges(flow, steps, sources, diagnostics)
    ])
  )
  if (hasErrors(diagnostics)) throw new InvalidConfigError(diagnostics)
  return assemblePlan(
    flow.pipeline,
    profile.name,
    profile.engine,
    steps,
    edges,
    sources,
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
  const parents = new Map<string, Set<string>>()
  for (const e of kept) {
    if (!parents.has(e.to)) parents.set(e.to, new Set())
    parents.get(e.to)!.add(e.from)
  }
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
    levels: Object.freeze(computeLevels(keys, kept)),
    criticalPath: Object.freeze(computeCriticalPath(keys, kept)),
    sources: Object.freeze([...sources]),
    excluded: Object.freeze([...excluded])
  })
}

function placeExplicit(
  profile: ResolvedProfile,
  p: string,
  what: string,
  location: Location,
  diagnostics: Diagnostic[]
): TableLocation | undefined {
  const placed = explicitLocation(profile.tables, p)
  if ('problem' in placed) {
    diagnostics.push(
      errorAt(
        'explicit-path',
        `path "${p}" of ${what} ${placed.problem} (profile "${profile.name}").`,
        location
      )
    )
    return undefined
  }
  return placed
}

/**
 * Fills `${var.x}`, `${profile}`, `${pipeline}`, `${git.sha}`, `${preview}`
 * and `${ENV:-default}` in a step's arguments, with the same syntax as
 * profiles (`splitTemplate`: `$${` is a literal `${`). An unknown variable
 * is an error at the argument, with the profile's variables as suggestions.
 */
function planArgs(
  step: Step,
  profile: ResolvedProfile,
  pipeline: string,
  context: PlanContext,
  diagnostics: Diagnostic[]
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const arg of step.args) {
    const split = splitTemplate(arg.value)
    if ('error' in split) {
      diagnostics.push(
        errorAt(
          'unclosed-template',
          `argument "${arg.name}" of step "${step.key}": ${split.error}.`,
          arg.location
        )
      )
      continue
    }
    out[arg.name] = split.parts
      .map((part) => {
        if ('literal' in part) return part.literal
        const value = argReference(part.ref.trim(), profile, pipeline, context)
        if (value !== undefined) return value
        diagnostics.push(
          unresolvedArg(arg, part.ref.trim(), part.raw, step, profile)
        )
        return part.raw
      })
      .join('')
  }
  return out
}

/** The value of one `${…}` in an argument, or undefined when it has none. */
function argReference(
  ref: string,
  profile: ResolvedProfile,
  pipeline: string,
  context: PlanContext
): string | undefined {
  if (ref.startsWith('var.')) return profile.variables[ref.slice(4)]
  if (ref === 'profile') return profile.name
  if (ref === 'pipeline') return pipeline
  const [name, fallback] = splitDefault(ref)
  const value =
    name === 'git.sha'
      ? context.gitSha
      : name === 'preview'
        ? context.preview
        : context.env?.[name]
  return value !== undefined && value !== '' ? value : fallback
}

function splitDefault(ref: string): [string, string | undefined] {
  const at = ref.indexOf(':-')
  return at < 0 ? [ref, undefined] : [ref.slice(0, at), ref.slice(at + 2)]
}

function unresolvedArg(
  arg: Step['args'][number],
  ref: string,
  raw: string,
  step: Step,
  profile: ResolvedProfile
): Diagnostic {
  const where = `argument "${arg.name}" of step "${step.key}"`
  if (ref.startsWith('var.')) {
    const name = ref.slice(4)
    return errorAt(
      'unknown-variable',
      `${where} uses \${var.${name}}, which profile "${profile.name}" does not define;${didYouMean(name, Object.keys(profile.variables)) || ` add variables.${name} to ${profile.files[0] ?? 'the profile'}.`}`,
      arg.location
    )
  }
  const [name] = splitDefault(ref)
  const fix =
    name === 'git.sha'
      ? 'run inside a git checkout or set GITHUB_SHA.'
      : name === 'preview'
        ? 'pass --preview NAME.'
        : `set ${name} in the environment or .env, or write \${${name}:-default}.`
  return errorAt(
    'unresolved-template',
    `${where} uses ${raw}, which has no value; ${fix}`,
    arg.location
  )
}

interface Write {
  readonly step: PlannedStep
  readonly output: PlannedOutput
  readonly location: Location
}

/**
 * Where two steps share one physical location, adds the edges that keep the
 * result equal to running in manifest order: write-after-write between
 * writers, write-after-read from a reader to the next writer. A reader whose
 * version is overwritten before it runs (another table written to the same
 * place in between) is an error: no order can give it the right data.
 */
function locationEdges(
  flow: Flow,
  steps: readonly PlannedStep[],
  sources: readonly PlannedSource[],
  diagnostics: Diagnostic[]
): Edge[] {
  const edges: Edge[] = []
  const writers = new Map<string, Write[]>()
  for (const step of steps) {
    const flowStep = flow.steps[step.index]
    const mine = new Map<string, PlannedOutput>()
    step.outputs.forEach((output, i) => {
      if (!output.location || locationValue(output.location) === '') return
      const key = locationKey(output.location)
      const twin = mine.get(key)
      const location = flowStep.outputs[i].location
      if (twin) {
        diagnostics.push(
          errorAt(
            'location-conflict',
            `outputs "${twin.name}" and "${output.name}" of step "${step.key}" are both written to ${locationValue(output.location)}; give one its own path.`,
            location
          )
        )
        return
      }
      mine.set(key, output)
      const list = writers.get(key) ?? []
      const previous = list[list.length - 1]
      if (previous) {
        edges.push({
          from: previous.step.key,
          to: step.key,
          kind: 'write-after-write',
          table: output.alias
        })
      }
      list.push({ step, output, location })
      writers.set(key, list)
    })
  }
  const indexOf = new Map(steps.map((s) => [s.key, s.index]))
  const sourceKeys = new Map(
    sources
      .filter((s) => s.location)
      .map((s) => [s.name, locationKey(s.location!)])
  )
  for (const step of steps) {
    const flowStep = flow.steps[step.index]
    step.inputs.forEach((input, i) => {
      if (!input.location) return
      const key = input.isSource
        ? (sourceKeys.get(input.table) ?? locationKey(input.location))
        : locationKey(input.location)
      const list = writers.get(key) ?? []
      const producerIndex = input.producer
        ? (indexOf.get(input.producer) ?? -1)
        : -1
      for (const w of list) {
        if (w.step.index <= producerIndex || w.step.key === step.key) continue
        if (w.step.index < step.index) {
          const version = input.producer
            ? `the version written by "${input.producer}"`
            : 'its source'
          diagnostics.push(
            errorAt(
              'location-conflict',
              `input "${input.name}" of step "${step.key}" reads ${version}, but step "${w.step.key}" (${formatLine(w.location)}) overwrites ${locationValue(input.location)} with "${w.output.alias}" in between, so no order keeps it; give that output its own path.`,
              flowStep.inputs[i].location
            )
          )
        } else {
          edges.push({
            from: step.key,
            to: w.step.key,
            kind: 'write-after-read',
            table: input.table
          })
        }
        break
      }
    })
  }
  return edges
}
