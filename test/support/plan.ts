import {
  formatText,
  hasErrors,
  InvalidConfigError
} from '../../src/diagnostics/index.js'
import type { Diagnostic } from '../../src/diagnostics/index.js'
import { buildFlow, planFlow } from '../../src/flow/index.js'
import type { Plan } from '../../src/flow/index.js'
import { parseManifest } from '../../src/manifest/index.js'
import { parseProfileFile, resolveProfile } from '../../src/profiles/index.js'

/** An input of `dtflw.yaml`: a table name, or `{ name, source, path, optional }`. */
export type InputSketch =
  | string
  | {
      readonly name: string
      readonly source?: string
      readonly path?: string
      readonly optional?: boolean
    }

/** An output of `dtflw.yaml`: a table name, or `{ name, alias, path, columns, strict }`. */
export type OutputSketch =
  | string
  | {
      readonly name: string
      readonly alias?: string
      readonly path?: string
      readonly columns?: Readonly<Record<string, string | null>>
      readonly strict?: boolean
    }

/** A step of `dtflw.yaml`'s flow. */
export interface StepSketch {
  readonly notebook: string
  readonly key?: string
  readonly args?: Readonly<Record<string, string>>
  readonly inputs?: readonly InputSketch[]
  readonly outputs?: readonly OutputSketch[]
}

/** The `tables:` of a profile. */
export type TablesSketch =
  | { readonly layout: 'path'; readonly root: string; readonly format?: string }
  | {
      readonly layout: 'catalog'
      readonly catalog: string
      readonly schema: string
      readonly format?: string
    }

/** Where a profile says a source lives: a file or a catalog table. */
export type SourceSketch =
  | {
      readonly path: string
      readonly format?: string
      readonly options?: Readonly<Record<string, string | number | boolean>>
    }
  | { readonly table: string }

/**
 * A one-profile project: `steps` and the names of `sources` make
 * `dtflw.yaml`; `engine`, `variables`, `tables` and where each source
 * lives make `profiles/<profile>.yaml`.
 */
export interface PlanSketch {
  /** Default `test`. */
  readonly pipeline?: string
  /** Default `test`. */
  readonly profile?: string
  /** Default `local`. */
  readonly engine?: 'local' | 'databricks'
  readonly variables?: Readonly<Record<string, string>>
  /** Default: path layout under `.dtflw/data/${profile}`, parquet. */
  readonly tables?: TablesSketch
  /** Declared under `sources:` in `dtflw.yaml`, placed by the profile. */
  readonly sources?: Readonly<Record<string, SourceSketch>>
  readonly steps: readonly StepSketch[]
}

/** `dtflw.yaml` and the one profile of a sketch, as a user would write them. */
function projectOf(sketch: PlanSketch): {
  manifest: string
  profile: string
} {
  const manifest = toYaml({
    pipeline: sketch.pipeline ?? 'test',
    sources: Object.fromEntries(
      Object.keys(sketch.sources ?? {}).map((name) => [name, null])
    ),
    flow: sketch.steps.map((s) => ({ ...s }))
  })
  const profile = toYaml({
    engine: sketch.engine ?? 'local',
    variables: { ...sketch.variables },
    tables: sketch.tables ?? {
      layout: 'path',
      root: '.dtflw/data/${profile}',
      format: 'parquet'
    },
    sources: { ...sketch.sources }
  })
  return { manifest, profile }
}

/**
 * The plan the real front end gives for a sketch: `dtflw.yaml` and the
 * profile are written out as YAML text and go through `parseManifest`,
 * `buildFlow`, the profile resolver and `planFlow`, as `dtflw plan` does,
 * only without files. So a test can only get a plan a user could get; a
 * sketch the planner refuses fails the test with its messages.
 */
export function planOf(sketch: PlanSketch): Plan {
  const { manifest: manifestText, profile: profileText } = projectOf(sketch)
  const name = sketch.profile ?? 'test'
  const parsed = parseManifest(manifestText, 'dtflw.yaml', '/repo')
  const built = parsed.manifest ? buildFlow(parsed.manifest) : undefined
  refuse([...parsed.diagnostics, ...(built?.diagnostics ?? [])], manifestText)
  const file = parseProfileFile(profileText, `profiles/${name}.yaml`)
  const resolved = resolveProfile({
    name,
    lookup: (n) => (n === name ? file : undefined),
    names: [name],
    context: { env: {}, pipeline: built!.flow!.pipeline }
  })
  refuse([...file.diagnostics, ...resolved.diagnostics], profileText)
  try {
    return planFlow(built!.flow!, resolved.profile!)
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      refuse(error.diagnostics, `${manifestText}\n${profileText}`)
    }
    throw error
  }
}

function refuse(diagnostics: readonly Diagnostic[], text: string): void {
  if (!hasErrors(diagnostics)) return
  throw new Error(
    `the planner refuses this sketch:\n${diagnostics.map(formatText).join('\n')}\n\n${text}`
  )
}

type YamlValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue }

/**
 * Block YAML with every scalar double-quoted (JSON's quoting is YAML's), so
 * names holding `:`, `#`, quotes or `${…}` reach the parser as written.
 */
function toYaml(value: { readonly [key: string]: YamlValue }): string {
  return block(value, '').join('\n') + '\n'
}

function block(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return (value as readonly YamlValue[]).flatMap((item) => {
      if (!isNested(item)) return [`${indent}- ${inline(item)}`]
      const lines = block(item, `${indent}  `)
      lines[0] = `${indent}- ${lines[0].slice(indent.length + 2)}`
      return lines
    })
  }
  return Object.entries(value as { [key: string]: YamlValue })
    .filter(([, v]) => v !== undefined)
    .flatMap(([k, v]) =>
      isNested(v)
        ? [`${indent}${yamlKey(k)}:`, ...block(v, `${indent}  `)]
        : [`${indent}${yamlKey(k)}: ${inline(v)}`]
    )
}

/** A list or mapping with entries, written as a block of its own. */
function isNested(value: YamlValue): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).some((v) => v !== undefined)
  )
}

function inline(value: YamlValue): string {
  if (Array.isArray(value)) return '[]'
  if (typeof value === 'object' && value !== null) return '{}'
  return value === null || value === undefined ? 'null' : JSON.stringify(value)
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key)
}
