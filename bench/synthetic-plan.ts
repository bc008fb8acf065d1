import type { Plan } from '../src/flow/types.js'
import type { RunReport, StepResult } from '../src/report/types.js'
import { planOf } from '../test/support/plan.js'
import type { SourceSketch, StepSketch } from '../test/support/plan.js'

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
 * The real planner plans it, from a manifest and a profile on a lake.
 */
export function syntheticPlan(n: number, options: SyntheticOptions = {}): Plan {
  const prefix = options.prefix ?? ''
  const name = (i: number) => `${prefix}step_${String(i).padStart(5, '0')}`
  const table = (i: number, side: 'a' | 'b') => `${name(i)}_${side}`
  const steps: StepSketch[] = []
  const sources: Record<string, SourceSketch> = {}
  for (let i = 0; i < n; i++) {
    const inputs: string[] = []
    if (i % 50 === 0) {
      const source = `${prefix}source_${Math.floor(i / 50) % 10}`
      sources[source] = { table: `shop_raw.exports.${source}` }
      inputs.push(source)
    }
    if (i > 0) {
      const previous = options.rewire === i && i > 1 ? i - 2 : i - 1
      inputs.push(table(previous, 'a'))
    }
    if (i > 1) inputs.push(table(Math.floor(i / 2), 'b'))
    steps.push({
      notebook: `notebooks/${name(i)}.py`,
      args: { year: '2022' },
      inputs,
      outputs: [table(i, 'a'), table(i, 'b')]
    })
  }
  return planOf({
    pipeline: 'sales',
    profile: 'test',
    engine: 'databricks',
    tables: {
      layout: 'path',
      root: 'abfss://lake@acme.dfs.core.windows.net/sales',
      format: 'parquet'
    },
    sources,
    steps
  })
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
