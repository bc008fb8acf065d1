import { describe, expect, it } from '@jest/globals'
import { deferInputs, selectSteps } from '../../src/flow/index.js'
import { buildLineage } from '../../src/lineage/index.js'
import { planOf } from '../support/plan.js'
import { samplePlan, sampleReport } from './support/sample.js'

const edgeList = (l: ReturnType<typeof buildLineage>) =>
  l.edges.map((e) => `${e.from} -> ${e.to}`)

describe('buildLineage', () => {
  it('models the sample plan: notebooks, tables with locations, sources, edges', () => {
    const lineage = buildLineage(samplePlan())
    expect(lineage.steps.map((s) => [s.id, s.notebook, s.dependsOn])).toEqual([
      ['step:ingest_data', 'notebooks/ingest_data.sql', []],
      ['step:import_data', 'notebooks/import_data.py', ['ingest_data']],
      [
        'step:calculate_sales_stats',
        'notebooks/calculate_sales_stats.sql',
        ['import_data']
      ]
    ])
    expect(
      lineage.tables.map((t) => [t.key, t.kind, t.producer ?? null])
    ).toEqual([
      ['customers_silver', 'table', 'import_data'],
      ['products_bronze', 'table', 'ingest_data'],
      ['products_silver', 'table', 'import_data'],
      ['raw_orders', 'source', null],
      ['raw_products', 'source', null],
      ['sales_orders_bronze', 'table', 'ingest_data'],
      ['sales_orders_silver', 'table', 'import_data'],
      ['sales_stats_by_customer_gold', 'table', 'calculate_sales_stats'],
      ['sales_stats_by_product_gold', 'table', 'calculate_sales_stats']
    ])
    expect(
      lineage.tables.find((t) => t.key === 'raw_orders')?.location
    ).toEqual({
      kind: 'path',
      uri: 'data/raw_orders.csv',
      format: 'csv'
    })
    expect(edgeList(lineage)).toHaveLength(14)
    expect(edgeList(lineage)).toContain(
      'table:products_silver -> step:calculate_sales_stats'
    )
    expect(edgeList(lineage)).toContain(
      'step:ingest_data -> table:products_bronze'
    )
    expect(lineage.flags).toEqual([])
    expect(lineage.run).toBeUndefined()
  })

  it('resolves tables per profile: Unity Catalog names on test', () => {
    const lineage = buildLineage(samplePlan('test'))
    expect(
      Object.fromEntries(lineage.tables.map((t) => [t.key, t.location]))
    ).toMatchObject({
      raw_orders: { kind: 'table', name: 'shop_raw.exports.orders' },
      sales_orders_bronze: {
        kind: 'table',
        name: 'sales_test.sales.sales_orders_bronze'
      }
    })
  })

  it('adds what a run observed: status, rows, observed edges', () => {
    const plan = samplePlan()
    const lineage = buildLineage(plan, sampleReport(plan))
    expect(lineage.steps.map((s) => [s.key, s.status, s.durationMs])).toEqual([
      ['ingest_data', 'succeeded', 1500],
      ['import_data', 'succeeded', 2500],
      ['calculate_sales_stats', 'succeeded', 3500]
    ])
    expect(
      lineage.tables.find((t) => t.key === 'sales_orders_silver')?.rows
    ).toBe(1198)
    expect(lineage.tables.find((t) => t.key === 'raw_orders')?.rows).toBe(1204)
    expect(lineage.edges.every((e) => e.declared && e.observed === true)).toBe(
      true
    )
    expect(lineage.flags).toEqual([])
    expect(lineage.run).toMatchObject({
      runId: '20260301-100000-sales',
      status: 'succeeded'
    })
  })

  it('flags a declared output not written and tables read or written undeclared', () => {
    const plan = samplePlan()
    const report = sampleReport(plan, {
      import_data: {
        reads: [
          { table: 'sales_orders_bronze', param: 'sales_orders_bronze_in' },
          { table: 'products_bronze', param: 'products_bronze_in' },
          { table: 'raw_orders', param: 'raw_orders_in', rows: 1204 }
        ],
        writes: [
          {
            table: 'sales_orders_silver',
            param: 'sales_orders_silver_out',
            rows: 1198
          },
          { table: 'products_silver', param: 'products_silver_out', rows: 48 },
          {
            table: 'customers_tmp',
            param: 'customers_tmp_out',
            location: {
              kind: 'path',
              uri: '/tmp/customers_tmp.parquet',
              format: 'parquet'
            }
          }
        ]
      }
    })
    const lineage = buildLineage(plan, report)
    expect(lineage.flags).toEqual([
      {
        kind: 'declared-not-written',
        step: 'import_data',
        table: 'customers_silver',
        message:
          'step "import_data" succeeded but did not write its declared output "customers_silver"'
      },
      {
        kind: 'written-not-declared',
        step: 'import_data',
        table: 'customers_tmp',
        message:
          'step "import_data" wrote "customers_tmp", which it does not declare as an output'
      },
      {
        kind: 'read-not-declared',
        step: 'import_data',
        table: 'raw_orders',
        message:
          'step "import_data" read "raw_orders", which it does not declare as an input'
      }
    ])
    expect(lineage.tables.find((t) => t.key === 'customers_tmp')).toEqual({
      id: 'table:customers_tmp',
      key: 'customers_tmp',
      name: 'customers_tmp',
      kind: 'undeclared',
      producer: 'import_data',
      location: {
        kind: 'path',
        uri: '/tmp/customers_tmp.parquet',
        format: 'parquet'
      }
    })
    const edge = (from: string, to: string) =>
      lineage.edges.find((e) => e.from === from && e.to === to)
    expect(edge('step:import_data', 'table:customers_silver')).toMatchObject({
      declared: true,
      observed: false
    })
    expect(edge('step:import_data', 'table:customers_tmp')).toMatchObject({
      declared: false,
      observed: true
    })
    // The undeclared read links to the version that exists, the source.
    expect(edge('table:raw_orders', 'step:import_data')).toMatchObject({
      declared: false,
      observed: true
    })
  })

  it('flags steps that did not run and report steps the plan lacks', () => {
    const plan = samplePlan()
    const report = sampleReport(plan, {
      import_data: {
        status: 'failed',
        writes: [],
        error: { kind: 'notebook', message: 'division by zero' }
      },
      calculate_sales_stats: {
        status: 'skipped',
        skippedBecause: 'import_data',
        startedAt: undefined,
        writes: [],
        reads: []
      }
    })
    const extra = {
      ...report.steps[0],
      key: 'cleanup',
      notebook: 'notebooks/cleanup.py'
    }
    const lineage = buildLineage(plan, {
      ...report,
      steps: [...report.steps, extra]
    })
    expect(lineage.flags.map((f) => [f.kind, f.step, f.message])).toEqual([
      [
        'not-run',
        'calculate_sales_stats',
        'step "calculate_sales_stats" did not run (skipped because "import_data" did not succeed)'
      ],
      [
        'not-planned',
        'cleanup',
        'the run report has step "cleanup", which the plan does not'
      ]
    ])
    // A failed step's missing outputs are the failure, not a separate flag.
    expect(lineage.steps[1]).toMatchObject({
      status: 'failed',
      error: 'division by zero'
    })

    const partial = buildLineage(plan, {
      ...report,
      steps: report.steps.slice(0, 1)
    })
    expect(partial.flags.map((f) => f.message)).toEqual([
      'step "import_data" is not in the run report',
      'step "calculate_sales_stats" is not in the run report'
    ])
  })

  it('gives each version of a rewritten table its own node, so the graph stays acyclic', () => {
    const plan = planOf({
      sources: { raw: { path: 'data/raw.csv' } },
      steps: [
        { notebook: 'nb/load.py', inputs: ['raw'], outputs: ['orders'] },
        {
          notebook: 'nb/fix_orders.py',
          inputs: ['orders'],
          outputs: ['orders']
        },
        { notebook: 'nb/report.py', inputs: ['orders'], outputs: ['summary'] }
      ]
    })
    const lineage = buildLineage(plan)
    expect(lineage.tables.map((t) => [t.key, t.producer ?? null])).toEqual([
      ['orders', 'load'],
      ['orders@fix_orders', 'fix_orders'],
      ['raw', null],
      ['summary', 'report']
    ])
    expect(edgeList(lineage)).toEqual([
      'step:fix_orders -> table:orders@fix_orders',
      'step:load -> table:orders',
      'step:report -> table:summary',
      'table:orders -> step:fix_orders',
      'table:orders@fix_orders -> step:report',
      'table:raw -> step:load'
    ])
  })

  it('marks inputs whose producer a selection left out as deferred, at the deferred location', () => {
    const full = samplePlan()
    const selected = deferInputs(
      selectSteps(full, ['import_data', 'calculate_sales_stats']),
      samplePlan('test')
    )
    const lineage = buildLineage(selected)
    expect(lineage.excluded).toEqual(['ingest_data'])
    expect(lineage.steps.map((s) => s.key)).toEqual([
      'import_data',
      'calculate_sales_stats'
    ])
    expect(lineage.tables.find((t) => t.key === 'sales_orders_bronze')).toEqual(
      {
        id: 'table:sales_orders_bronze',
        key: 'sales_orders_bronze',
        name: 'sales_orders_bronze',
        kind: 'deferred',
        producer: 'ingest_data',
        location: {
          kind: 'table',
          name: 'sales_test.sales.sales_orders_bronze'
        }
      }
    )
  })

  it('is deterministic: report order does not matter', () => {
    const plan = samplePlan()
    const report = sampleReport(plan)
    const reversed = { ...report, steps: [...report.steps].reverse() }
    expect(JSON.stringify(buildLineage(plan, reversed))).toBe(
      JSON.stringify(buildLineage(plan, report))
    )
  })

  it('carries fingerprints when given', () => {
    const lineage = buildLineage(samplePlan(), undefined, {
      fingerprints: { import_data: 'abc' }
    })
    expect(lineage.steps.map((s) => s.fingerprint ?? null)).toEqual([
      null,
      'abc',
      null
    ])
  })
})
