import type {
  Edge,
  Plan,
  PlannedInput,
  PlannedOutput,
  PlannedStep,
  TableLocation
} from '../../../src/flow/types.js'
import type { ColumnSpec } from '../../../src/manifest/types.js'

/** A step as a test writes it: names only, the rest is derived. */
export interface StepSketch {
  readonly notebook: string
  readonly key?: string
  readonly args?: Readonly<Record<string, string>>
  readonly inputs?: readonly string[]
  readonly outputs?: readonly (
    string | { readonly name: string; readonly columns?: readonly ColumnSpec[] }
  )[]
}

/** Where tables and sources live, like the `tables`/`sources` of a profile. */
export interface PlanSketch {
  readonly pipeline?: string
  readonly profile?: string
  readonly layout?:
    | { readonly kind: 'path'; readonly root: string; readonly format: string }
    | {
        readonly kind: 'catalog'
        readonly catalog: string
        readonly schema: string
      }
  readonly sources?: Readonly<Record<string, TableLocation>>
  readonly sourceOptions?: Readonly<
    Record<string, Readonly<Record<string, string>>>
  >
  readonly steps: readonly StepSketch[]
}

const at = (line: number) => ({ file: 'dtflw.yaml', line, column: 5 })

/**
 * A `Plan` as the planner builds it for a flow sketch: dtflw's latest-earlier-
 * producer rule, path or catalog locations, parameters in args → inputs →
 * outputs order, data edges sorted. Only for tests that need plan literals
 * of many shapes; the sample test checks it against the real planner.
 */
export function planOf(sketch: PlanSketch): Plan {
  const pipeline = sketch.pipeline ?? 'sales'
  const profile = sketch.profile ?? 'development'
  const layout = sketch.layout ?? {
    kind: 'path' as const,
    root: `.dtflw/data/${profile}`,
    format: 'parquet'
  }
  const sources = sketch.sources ?? {}
  const latest = new Map<string, { key: string; location: TableLocation }>()
  const edges: Edge[] = []
  const steps: PlannedStep[] = sketch.steps.map((s, index) => {
    const key = s.key ?? s.notebook.replace(/^.*\//, '').replace(/\.[^.]+$/, '')
    const inputs = (s.inputs ?? []).map((name): PlannedInput => {
      const producer = latest.get(name)
      if (producer) {
        edges.push({ from: producer.key, to: key, kind: 'data', table: name })
        return {
          name,
          param: `${name}_in`,
          table: name,
          producer: producer.key,
          isSource: false,
          optional: false,
          location: producer.location
        }
      }
      return {
        name,
        param: `${name}_in`,
        table: name,
        isSource: true,
        optional: false,
        ...(sources[name] && { location: sources[name] })
      }
    })
    const outputs = (s.outputs ?? []).map((o): PlannedOutput => {
      const { name, columns } =
        typeof o === 'string' ? { name: o, columns: undefined } : o
      const location: TableLocation =
        layout.kind === 'path'
          ? {
              kind: 'path',
              uri: `${layout.root}/${s.notebook.replace(/\.[^.]+$/, '')}/${name}.${layout.format}`,
              format: layout.format
            }
          : {
              kind: 'table',
              name: `${layout.catalog}.${layout.schema}.${name}`
            }
      return {
        name,
        alias: name,
        param: `${name}_out`,
        location,
        ...(columns && { columns }),
        strict: false
      }
    })
    for (const o of outputs) latest.set(o.alias, { key, location: o.location })
    const value = (l?: TableLocation) =>
      l ? (l.kind === 'path' ? l.uri : l.name) : ''
    return {
      key,
      index,
      notebook: s.notebook,
      location: at(9 + index * 4),
      args: { ...s.args },
      inputs,
      outputs,
      parameters: {
        ...s.args,
        ...Object.fromEntries(inputs.map((i) => [i.param, value(i.location)])),
        ...Object.fromEntries(outputs.map((o) => [o.param, value(o.location)]))
      },
      secretParameters: [],
      dependsOn: [
        ...new Set(inputs.flatMap((i) => (i.producer ? [i.producer] : [])))
      ].sort()
    }
  })
  const byKey = new Map(steps.map((s) => [s.key, s]))
  const depth = new Map<string, number>()
  for (const s of steps) {
    depth.set(
      s.key,
      Math.max(-1, ...s.dependsOn.map((d) => depth.get(d) ?? -1)) + 1
    )
  }
  const levels: string[][] = []
  for (const s of steps) (levels[depth.get(s.key)!] ??= []).push(s.key)
  const deepest = steps.reduce<PlannedStep | undefined>(
    (best, s) => (!best || depth.get(s.key)! > depth.get(best.key)! ? s : best),
    undefined
  )
  const criticalPath: string[] = []
  for (let s = deepest; s;) {
    criticalPath.unshift(s.key)
    const parent: string | undefined = s.dependsOn.find(
      (d) => depth.get(d) === depth.get(s!.key)! - 1
    )
    s = parent ? byKey.get(parent) : undefined
  }
  const sourceNames = [
    ...new Set(
      steps.flatMap((s) =>
        s.inputs.filter((i) => i.isSource).map((i) => i.table)
      )
    )
  ]
  return {
    pipeline,
    profile,
    engine: layout.kind === 'path' ? 'local' : 'databricks',
    steps,
    edges: edges.sort(
      (a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.table, b.table)
    ),
    levels: levels.map((l) => l.sort(cmp)),
    criticalPath,
    sources: sourceNames.sort(cmp).map((name) => ({
      name,
      ...(sources[name] && { location: sources[name] }),
      ...(sketch.sourceOptions?.[name] && {
        options: sketch.sourceOptions[name]
      })
    })),
    excluded: []
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
