import type {
  Plan,
  PlannedInput,
  PlannedOutput,
  PlannedSource,
  PlannedStep,
  TableLocation
} from '../../../src/flow/types.js'
import type { ColumnSpec } from '../../../src/manifest/types.js'

/** An input as a test writes it: a table name or more. */
export type InputSketch =
  string | { name: string; table?: string; optional?: boolean }

/** An output as a test writes it: a table name or more. */
export type OutputSketch =
  | string
  | {
      name: string
      alias?: string
      columns?: Record<string, string | null>
      strict?: boolean
      location?: TableLocation
    }

/** A step as a test writes it; the helper fills the rest like the planner. */
export interface StepSketch {
  notebook: string
  key?: string
  args?: Record<string, string>
  inputs?: InputSketch[]
  outputs?: OutputSketch[]
  /** Default: the latest earlier producer of each input. */
  dependsOn?: string[]
}

/** Options of `buildTestPlan`. */
export interface TestPlanOptions {
  pipeline?: string
  profile?: string
  /** Path-layout root, relative to the repo (default `.dtflw/data/test`). */
  tablesRoot?: string
  /** `catalog.schema` for catalog layout instead of paths. */
  catalog?: string
  sources?: Record<
    string,
    { location: TableLocation; options?: Record<string, string> }
  >
}

const loc = { file: 'dtflw.yaml', line: 1, column: 1 }

/**
 * A Plan built by hand the way the planner builds one (dtflw's resolution:
 * an input reads the latest earlier producer of its table, else a source),
 * so engine tests do not depend on the planner.
 */
export function buildTestPlan(
  sketches: StepSketch[],
  options: TestPlanOptions = {}
): Plan {
  const tablesRoot = options.tablesRoot ?? '.dtflw/data/test'
  const producers = new Map<string, { key: string; location: TableLocation }>()
  const steps: PlannedStep[] = sketches.map((sketch, index) => {
    const key =
      sketch.key ?? sketch.notebook.replace(/^.*\//, '').replace(/\.[^.]*$/, '')
    const folder = sketch.notebook.replace(/\.[^./]*$/, '')
    const inputs: PlannedInput[] = (sketch.inputs ?? []).map((i) => {
      const s = typeof i === 'string' ? { name: i } : i
      const table = s.table ?? s.name
      const producer = producers.get(table)
      const source = options.sources?.[table]
      return {
        name: s.name,
        param: `${s.name}_in`,
        table,
        ...(producer ? { producer: producer.key } : {}),
        isSource: !producer && source !== undefined,
        optional: s.optional ?? false,
        ...(producer
          ? { location: producer.location }
          : source
            ? { location: source.location }
            : {})
      }
    })
    const outputs: PlannedOutput[] = (sketch.outputs ?? []).map((o) => {
      const s = typeof o === 'string' ? { name: o } : o
      const alias = s.alias ?? s.name
      const location: TableLocation =
        s.location ??
        (options.catalog
          ? { kind: 'table', name: `${options.catalog}.${alias}` }
          : {
              kind: 'path',
              uri: `${tablesRoot}/${folder}/${s.name}.parquet`,
              format: 'parquet'
            })
      const columns: ColumnSpec[] | undefined = s.columns
        ? Object.entries(s.columns).map(([name, type]) => ({ name, type }))
        : undefined
      return {
        name: s.name,
        alias,
        param: `${s.name}_out`,
        location,
        ...(columns ? { columns } : {}),
        strict: s.strict ?? false
      }
    })
    const value = (l: TableLocation | undefined): string =>
      l === undefined ? '' : l.kind === 'path' ? l.uri : l.name
    const parameters: Record<string, string> = { ...(sketch.args ?? {}) }
    for (const i of inputs) parameters[i.param] = value(i.location)
    for (const o of outputs) parameters[o.param] = value(o.location)
    const dependsOn =
      sketch.dependsOn ??
      [
        ...new Set(
          inputs.map((i) => i.producer).filter((p): p is string => !!p)
        )
      ].sort()
    for (const o of outputs)
      producers.set(o.alias, { key, location: o.location })
    return {
      key,
      index,
      notebook: sketch.notebook,
      location: loc,
      args: sketch.args ?? {},
      inputs,
      outputs,
      parameters,
      secretParameters: [],
      dependsOn
    }
  })
  const edges = steps.flatMap((s) =>
    s.dependsOn.map((from) => ({
      from,
      to: s.key,
      kind: 'data' as const,
      table: ''
    }))
  )
  return {
    pipeline: options.pipeline ?? 'test',
    profile: options.profile ?? 'development',
    engine: 'local',
    steps,
    edges,
    levels: levelsOf(steps),
    criticalPath: [],
    sources: Object.entries(options.sources ?? {}).map(
      ([name, s]): PlannedSource => ({
        name,
        location: s.location,
        ...(s.options ? { options: s.options } : {})
      })
    ),
    excluded: []
  }
}

function levelsOf(steps: readonly PlannedStep[]): string[][] {
  const level = new Map<string, number>()
  for (const s of steps) {
    level.set(
      s.key,
      Math.max(-1, ...s.dependsOn.map((d) => level.get(d) ?? -1)) + 1
    )
  }
  const levels: string[][] = []
  for (const [key, l] of level) (levels[l] ??= []).push(key)
  return levels.map((l) => l.sort())
}
