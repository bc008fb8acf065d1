import type {
  Plan,
  PlannedInput,
  PlannedOutput,
  PlannedStep
} from '../src/flow/types.js'
import type { RunReport, StepResult } from '../src/report/types.js'

/** Shape of a generated flow. */
export interface SyntheticOptions {
  /** Appended to every table name read by step `rewire` instead of its usual input. */
  readonly rewire?: number
  /** Longer names, to measure text size with realistic identifiers. */
  readonly prefix?: string
}

/**
 * A plan of `n` steps shaped like a medallion pipeline at scale: step i reads
 * one of 10 sources or the first output of step i-1 and the second output of
 * step ⌊i/2⌋, and writes two tables. About 4 edges a step, depth ~n/2, so
 * every degradation level is reachable. `rewire` makes that step read the
 * output of step i-2 instead of i-1: one rewired edge between existing nodes.
 */
export function syntheticPlan(n: number, options: SyntheticOptions = {}): Plan {
  const prefix = options.prefix ?? ''
  const name = (i: number) => `${prefix}step_${String(i).padStart(5, '0')}`
  const table = (i: number, side: 'a' | 'b') => `${name(i)}_${side}`
  const uri = (t: string, i: number) =>
    `abfss://lake@acme.dfs.core.windows.net/sales/notebooks/${name(i)}/${t}.parquet`
  const steps: PlannedStep[] = []
  for (let i = 0; i < n; i++) {
    const key = name(i)
    const reads: { table: string; producer?: number }[] = []
    if (i % 50 === 0)
      reads.push({ table: `${prefix}source_${Math.floor(i / 50) % 10}` })
    if (i > 0) {
      const previous = options.rewire === i && i > 1 ? i - 2 : i - 1
      reads.push({ table: table(previous, 'a'), producer: previous })
    }
    if (i > 1)
      reads.push({
        table: table(Math.floor(i / 2), 'b'),
        producer: Math.floor(i / 2)
      })
    const inputs = reads.map((r): PlannedInput => ({
      name: r.table,
      param: `${r.table}_in`,
      table: r.table,
      ...(r.producer !== undefined && { producer: name(r.producer) }),
      isSource: r.producer === undefined,
      optional: false,
      location:
        r.producer === undefined
          ? { kind: 'table', name: `shop_raw.exports.${r.table}` }
          : { kind: 'path', uri: uri(r.table, r.producer), format: 'parquet' }
    }))
    const outputs = (['a', 'b'] as const).map((side): PlannedOutput => ({
      name: table(i, side),
      alias: table(i, side),
      param: `${table(i, side)}_out`,
      location: {
        kind: 'path',
        uri: uri(table(i, side), i),
        format: 'parquet'
      },
      strict: false
    }))
    steps.push({
      key,
      index: i,
      notebook: `notebooks/${key}.py`,
      location: { file: 'dtflw.yaml', line: 10 + i * 3, column: 5 },
      args: { year: '2022' },
      inputs,
      outputs,
      parameters: {
        year: '2022',
        ...Object.fromEntries(
          inputs.map((x) => [
            x.param,
            x.location?.kind === 'path'
              ? x.location.uri
              : (x.location?.name ?? '')
          ])
        ),
        ...Object.fromEntries(
          outputs.map((o) => [
            o.param,
            o.location.kind === 'path' ? o.location.uri : o.location.name
          ])
        )
      },
      secretParameters: [],
      dependsOn: [
        ...new Set(inputs.flatMap((x) => (x.producer ? [x.producer] : [])))
      ].sort()
    })
  }
  return {
    pipeline: 'sales',
    profile: 'test',
    engine: 'databricks',
    steps,
    edges: steps
      .flatMap((s) =>
        s.inputs.flatMap((x) =>
          x.producer
            ? [
                {
                  from: x.producer,
                  to: s.key,
                  kind: 'data' as const,
                  table: x.table
                }
              ]
            : []
        )
      )
      .sort((a, b) =>
        a.from < b.from
          ? -1
          : a.from > b.from
            ? 1
            : a.to < b.to
              ? -1
              : a.to > b.to
                ? 1
                : 0
      ),
    levels: [],
    criticalPath: [],
    sources: [
      ...new Set(
        steps.flatMap((s) =>
          s.inputs.filter((x) => x.isSource).map((x) => x.table)
        )
      )
    ]
      .sort()
      .map((t) => ({
        name: t,
        location: { kind: 'table' as const, name: `shop_raw.exports.${t}` }
      })),
    excluded: []
  }
}

/** A report where every step of the plan succeeded, writing 1,000 rows a table. */
export function syntheticReport(plan: Plan): RunReport {
  const start = Date.parse('2026-03-01T10:00:00.000Z')
  const steps: StepResult[] = plan.steps.map((s, i) => ({
    key: s.key,
    notebook: s.notebook,
    status: 'succeeded',
    startedAt: new Date(start + i * 1000).toISOString(),
    finishedAt: new Date(start + i * 1000 + 900).toISOString(),
    durationMs: 900,
    attempt: 1,
    parameters: s.parameters,
    reads: s.inputs.map((x) => ({
      table: x.table,
      param: x.param,
      ...(x.location && { location: x.location })
    })),
    writes: s.outputs.map((o) => ({
      table: o.alias,
      param: o.param,
      location: o.location,
      rows: 1000
    }))
  }))
  return {
    schemaVersion: 1,
    runId: 'bench',
    pipeline: plan.pipeline,
    profile: plan.profile,
    engine: plan.engine,
    toolVersion: '0.1.0',
    status: 'succeeded',
    startedAt: new Date(start).toISOString(),
    finishedAt: new Date(start + plan.steps.length * 1000).toISOString(),
    durationMs: plan.steps.length * 1000,
    steps
  }
}

/** Every `every`-th step key: the steps a synthetic change touches. */
export function everyNth(plan: Plan, every: number): string[] {
  return plan.steps.filter((_, i) => i % every === every - 1).map((s) => s.key)
}
