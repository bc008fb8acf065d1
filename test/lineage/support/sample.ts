import type { Plan, TableLocation } from '../../../src/flow/types.js'
import type {
  RunReport,
  StepResult,
  TableAccess
} from '../../../src/report/types.js'
import { buildLineage, diffLineage } from '../../../src/lineage/index.js'
import type { Lineage, LineageDiff } from '../../../src/lineage/index.js'
import { planOf } from '../../support/plan.js'
import type { PlanSketch, StepSketch } from '../../support/plan.js'

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
    args: { year: '${var.year}' },
    inputs: ['sales_orders_silver', 'customers_silver', 'products_silver'],
    outputs: [
      {
        name: 'sales_stats_by_product_gold',
        columns: {
          product_id: 'bigint',
          product_name: 'string',
          revenue: 'decimal(18,2)'
        }
      },
      {
        name: 'sales_stats_by_customer_gold',
        columns: { customer_id: 'bigint', total: 'decimal(18,2)' }
      }
    ]
  }
]

/** The development and test profiles of examples/sales, each with base.yaml merged in. */
const PROFILES: Record<'development' | 'test', Omit<PlanSketch, 'steps'>> = {
  development: {
    pipeline: 'sales',
    profile: 'development',
    variables: { year: '2022' },
    sources: {
      raw_orders: { path: 'data/raw_orders.csv', format: 'csv' },
      raw_products: { path: 'data/raw_products.csv', format: 'csv' }
    }
  },
  test: {
    pipeline: 'sales',
    profile: 'test',
    engine: 'databricks',
    variables: { year: '2022' },
    tables: {
      layout: 'catalog',
      catalog: 'sales_test',
      schema: '${pipeline}'
    },
    sources: {
      raw_orders: { table: 'shop_raw.exports.orders' },
      raw_products: { table: 'shop_raw.exports.products' }
    }
  }
}

/** The sample pipeline with its `development` (local files) or `test` (Unity Catalog) profile. */
export function sampleSketch(
  profile: 'development' | 'test' = 'development',
  steps: readonly StepSketch[] = SALES_STEPS
): PlanSketch {
  return { ...PROFILES[profile], steps }
}

/** The sample pipeline planned for `development` or `test`. */
export function samplePlan(
  profile: 'development' | 'test' = 'development',
  steps: readonly StepSketch[] = SALES_STEPS
): Plan {
  return planOf(sampleSketch(profile, steps))
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
