import path from 'node:path'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import { errorAt, formatLine, hasErrors } from '../diagnostics/index.js'
import { formatPath, validateManifestShape } from './schema.js'
import type {
  ArgSpec,
  ColumnSpec,
  InputSpec,
  Manifest,
  OutputSpec,
  SourceSpec,
  StepSpec
} from './types.js'
import { locateKey, locatePath, parseYamlSource } from './yaml-source.js'
import type { YamlSource } from './yaml-source.js'

/**
 * What parsing a manifest gives: every problem, and the manifest whenever
 * its shape is valid (it may still carry naming errors; check diagnostics).
 */
export interface ParsedManifest {
  readonly manifest?: Manifest
  readonly diagnostics: readonly Diagnostic[]
}

type Raw = Record<string, unknown>

/**
 * Parses `dtflw.yaml` text into a typed `Manifest`. Shape problems (from the
 * JSON Schema) and naming problems (duplicate task keys, parameter clashes)
 * are all reported; the flow's data rules are `buildFlow`'s job.
 */
export function parseManifest(
  text: string,
  file: string,
  root: string
): ParsedManifest {
  const { source, diagnostics } = parseYamlSource(text, file)
  if (hasErrors(diagnostics)) return { diagnostics }
  const value = source.doc.toJS() as unknown
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      diagnostics: [
        errorAt(
          'wrong-type',
          'the manifest must be a mapping with "pipeline" and "flow"; see schemas/dtflw.schema.json.',
          { file, line: 1, column: 1 }
        )
      ]
    }
  }
  const shape = validateManifestShape(value, source)
  if (hasErrors(shape)) return { diagnostics: shape }
  const raw = value as Raw
  const at = (p: (string | number)[]) => locatePath(source, p)
  const flow = ((raw.flow as Raw[]) ?? []).map((s, i) =>
    normaliseStep(s, i, source)
  )
  const sources: SourceSpec[] = Object.entries(
    (raw.sources as Record<string, Raw | null>) ?? {}
  ).map(([name, s]) => ({
    name,
    ...(typeof s?.description === 'string'
      ? { description: s.description }
      : {}),
    location: locateKey(source, ['sources', name])
  }))
  const manifest: Manifest = {
    file,
    root,
    pipeline: String(raw.pipeline),
    promotion: (raw.promotion as string[]) ?? [],
    sources,
    flow,
    profilesDir: typeof raw.profiles === 'string' ? raw.profiles : 'profiles'
  }
  const problems = [
    ...checkKeys(flow),
    ...flow.flatMap((s) => checkParameterNames(s)),
    ...flow.flatMap((s) => checkNotebookPath(s, at))
  ]
  // Naming problems still leave a usable manifest, so the flow's own
  // problems can be reported in the same pass.
  return { manifest, diagnostics: problems }
}

function normaliseStep(raw: Raw, index: number, source: YamlSource): StepSpec {
  const base = ['flow', index] as (string | number)[]
  const at = (p: (string | number)[]) => locatePath(source, [...base, ...p])
  const notebook = String(raw.notebook).replace(/\\/g, '/').replace(/^\.\//, '')
  const explicitKey = typeof raw.key === 'string' ? raw.key : undefined
  const key =
    explicitKey ?? path.posix.basename(notebook).replace(/\.[^.]*$/, '')
  const args: ArgSpec[] = Object.entries((raw.args as Raw) ?? {}).map(
    ([name, v]) => ({ name, value: String(v), location: at(['args', name]) })
  )
  const inputs: InputSpec[] = ((raw.inputs as unknown[]) ?? []).map((v, i) => {
    const location = at(['inputs', i])
    if (typeof v === 'string') return { name: v, optional: false, location }
    const o = v as Raw
    return {
      name: String(o.name),
      ...(typeof o.source === 'string' ? { source: o.source } : {}),
      ...(typeof o.path === 'string' ? { path: o.path } : {}),
      optional: o.optional === true,
      location
    }
  })
  const outputs: OutputSpec[] = ((raw.outputs as unknown[]) ?? []).map(
    (v, i) => {
      const location = at(['outputs', i])
      if (typeof v === 'string') {
        return { name: v, alias: v, strict: false, location }
      }
      const o = v as Raw
      const columns: ColumnSpec[] | undefined = o.columns
        ? Object.entries(o.columns as Record<string, string | null>).map(
            ([name, type]) => ({
              name,
              type: type === null ? null : String(type).trim().toLowerCase()
            })
          )
        : undefined
      return {
        name: String(o.name),
        alias: typeof o.alias === 'string' ? o.alias : String(o.name),
        ...(typeof o.path === 'string' ? { path: o.path } : {}),
        ...(columns ? { columns } : {}),
        strict: o.strict === true,
        location
      }
    }
  )
  return {
    index,
    key,
    keyLocation: explicitKey ? at(['key']) : at(['notebook']),
    notebook,
    notebookLocation: at(['notebook']),
    args,
    inputs,
    outputs,
    location: at([])
  }
}

/** Task keys are unique: a notebook that runs twice needs a `key:`. */
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

/**
 * Every argument, input and output becomes one string parameter of the
 * notebook (`x`, `x_in`, `x_out`); two with the same name would silently
 * overwrite each other.
 */
function checkParameterNames(step: StepSpec): Diagnostic[] {
  const seen = new Map<string, Location>()
  const out: Diagnostic[] = []
  const claim = (param: string, what: string, location: Location) => {
    const earlier = seen.get(param)
    if (earlier) {
      out.push(
        errorAt(
          'duplicate-parameter',
          `${what} gives step "${step.key}" a second parameter "${param}" (the first is at ${formatLine(earlier)}); rename one.`,
          location
        )
      )
    } else {
      seen.set(param, location)
    }
  }
  for (const a of step.args) claim(a.name, `argument "${a.name}"`, a.location)
  for (const i of step.inputs)
    claim(`${i.name}_in`, `input "${i.name}"`, i.location)
  for (const o of step.outputs)
    claim(`${o.name}_out`, `output "${o.name}"`, o.location)
  return out
}

function checkNotebookPath(
  step: StepSpec,
  _at: (p: (string | number)[]) => Location
): Diagnostic[] {
  const p = step.notebook
  if (path.posix.isAbsolute(p) || p.split('/').includes('..')) {
    return [
      errorAt(
        'notebook-outside-repo',
        `notebook "${p}" must be a path inside the repository, relative to the manifest.`,
        step.notebookLocation,
        { path: formatPath(['flow', step.index, 'notebook']) }
      )
    ]
  }
  if (!/\.(py|sql|ipynb|scala|r)$/i.test(p)) {
    return [
      errorAt(
        'notebook-extension',
        `notebook "${p}" must end in .py, .sql or .ipynb (a Databricks source notebook or a Jupyter export).`,
        step.notebookLocation
      )
    ]
  }
  return []
}
