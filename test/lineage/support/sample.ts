import type { Plan, TableLocation } from '../../../src/flow/types.js'
import type {
  RunReport,
  StepResult,
  TableAccess
} from '../../../src/report/types.js'
import { buildLineage, diffLineage } from '../../../src/lineage/index.js'
import type { Lineage, LineageDiff } from '../../../src/lineage/index.js'
import { planOf } from './plan-of.js'
import type { PlanSketch, StepSketch } from './plan-of.js'

/** The flow of examples/sales/dtflw.yaml. */
export const SALES_STEPS: readonly StepSketch[] = [
  {
    notebook: 'notebooks/ingest_data.sql',
    inputs: ['raw_orders', 'raw_products'],
    outputs: ['sales_orders_bronze', 'products_bronze']
  },
  {
    notebook: 'notebooks/import_data.py',
    inputs: ['sales_orders_bronze', 'products_bronze'],
    outputs: ['sales_orders_silver', 'products_silver', 'customers_silver']
  },
  {
    notebook: 'notebooks/calculate_sales_stats.sql',
    args: { year: '2022' },
    inputs: ['sales_orders_silver', 'customers_silver', 'products_silver'],
    outputs: [
      {
        name: 'sales_stats_by_product_gold',
        columns: [
          { name: 'product_id', type: 'bigint' },
          { name: 'product_name', type: 'string' },
          { name: 'revenue', type: 'decimal(18,2)' }
        ]
      },
      {
        name: 'sales_stats_by_customer_gold',
        columns: [
          { name: 'customer_id', type: 'bigint' },
          { name: 'total', type: 'decimal(18,2)' }
        ]
      }
    ]
  }
]

const PROFILES: Record<'development' | 'test', Omit<PlanSketch, 'steps'>> = {
  development: {
    profile: 'development',
    sources: {
      raw_orders: { kind: 'path', uri: 'data/raw_orders.csv', format: 'csv' },
      raw_products: {
        kind: 'path',
        uri: 'data/raw_products.csv',
        format: 'csv'
      }
    }
  },
  test: {
    profile: 'test',
    layout: { kind: 'catalog', catalog: 'sales_test', schema: 'sales' },
    sources: {
      raw_orders: { kind: 'table', name: 'shop_raw.exports.orders' },
      raw_products: { kind: 'table', name: 'shop_raw.exports.products' }
    }
  }
}

/** The sample pipeline planned for `development` (local files) or `test` (Unity Catalog). */
export function samplePlan(
  profile: 'development' | 'test' = 'development',
  steps: readonly StepSketch[] = SALES_STEPS
): Plan {
  return planOf({ ...PROFILES[profile], steps })
}

const ROWS: Record<string, number> = {
  raw_orders: 1204,
  raw_products: 48,
  sales_orders_bronze: 1204,
  products_bronze: 48,
  sales_orders_silver: 1198,
  products_silver: 48,
  customers_silver: 311,
  sales_stats_by_product_gold: 48,
  sales_stats_by_customer_gold: 311
}

/** Per-step changes to the all-succeeded report. */
export type ResultTweak = Partial<Omit<StepResult, 'key'>>

/**
 * A run report of a plan where every step succeeded one after another from
 * 2026-03-01T10:00:00Z, reading its inputs and writing its outputs with the
 * sample's row counts; `tweaks` override single steps.
 */
export function sampleReport(
  plan: Plan,
  tweaks: Readonly<Record<string, ResultTweak>> = {}
): RunReport {
  let clock = Date.parse('2026-03-01T10:00:00.000Z')
  const access = (
    table: string,
    param: string,
    location?: TableLocation
  ): TableAccess => ({
    table,
    param,
    ...(location && { location }),
    ...(ROWS[table] !== undefined && { rows: ROWS[table] })
  })
  const steps: StepResult[] = plan.steps.map((s, i) => {
    const durationMs = 1500 + i * 1000
    const startedAt = new Date(clock).toISOString()
    clock += durationMs
    const finishedAt = new Date(clock).toISOString()
    clock += 100
    return {
      key: s.key,
      notebook: s.notebook,
      status: 'succeeded',
      startedAt,
      finishedAt,
      durationMs,
      attempt: 1,
      runUrl: `https://adb-1.azuredatabricks.net/jobs/runs/${1000 + i}`,
      parameters: s.parameters,
      reads: s.inputs.map((inp) => access(inp.table, inp.param, inp.location)),
      writes: s.outputs.map((o) => access(o.alias, o.param, o.location)),
      ...tweaks[s.key]
    }
  })
  const failed = steps.some((s) => s.status === 'failed')
  return {
    schemaVersion: 1,
    runId: '20260301-100000-sales',
    pipeline: plan.pipeline,
    profile: plan.profile,
    engine: plan.engine,
    toolVersion: '0.1.0',
    gitSha: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c',
    status: failed ? 'failed' : 'succeeded',
    startedAt: '2026-03-01T10:00:00.000Z',
    finishedAt: new Date(clock).toISOString(),
    durationMs: clock - Date.parse('2026-03-01T10:00:00.000Z'),
    steps
  }
}

/**
 * The pull request of docs/sample-lineage.png: `import_data.py` was edited,
 * the flow ran on `development`, and the lineage is compared with `main`.
 */
export function prScenario(): {
  base: Lineage
  head: Lineage
  diff: LineageDiff
  report: RunReport
} {
  const plan = samplePlan()
  const report = sampleReport(plan)
  const base = buildLineage(plan)
  const head = buildLineage(plan, report)
  return { base, head, diff: diffLineage(base, head, ['import_data']), report }
}
