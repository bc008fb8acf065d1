import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DuckDBInstance } from '@duckdb/node-api'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createLocalEngine } from '../../../src/engines/local/index.js'
import { readLatestRunReport, readEventLog } from '../../../src/report/index.js'
import { buildTestPlan } from '../support/plan.js'
import { copyInto, makeRepo, removeRepo, runOptions } from '../support/repo.js'

/** The sales example's flow, as the planner resolves it for `development`. */
function salesPlan() {
  return buildTestPlan(
    [
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
    ],
    {
      pipeline: 'sales',
      tablesRoot: '.dtflw/data/development',
      sources: {
        raw_orders: {
          location: { kind: 'path', uri: 'data/raw_orders.csv', format: 'csv' }
        },
        raw_products: {
          location: {
            kind: 'path',
            uri: 'data/raw_products.csv',
            format: 'csv'
          }
        }
      }
    }
  )
}

describe('the sales example on the local engine', () => {
  let root: string
  beforeAll(async () => {
    root = await makeRepo()
    await copyInto(root, 'examples/sales')
  })
  afterAll(() => removeRepo(root))

  it('runs bronze, silver and gold and reports every table', async () => {
    const engine = createLocalEngine({ root, toolVersion: '0.0.0-test' })
    const report = await engine.run(
      salesPlan(),
      runOptions({ runId: 'sales-1' })
    )
    expect(
      report.steps.map((s) => [s.key, s.status, s.error?.message])
    ).toEqual([
      ['ingest_data', 'succeeded', undefined],
      ['import_data', 'succeeded', undefined],
      ['calculate_sales_stats', 'succeeded', undefined]
    ])
    expect(report.status).toBe('succeeded')
    expect(report.resume).toBeUndefined()
    const ingest = report.steps[0]
    expect(ingest.writes.map((w) => [w.table, w.rows])).toEqual([
      ['sales_orders_bronze', 200],
      ['products_bronze', 12]
    ])

    const db = await DuckDBInstance.create(':memory:')
    const connection = await db.connect()
    const gold = path.join(
      root,
      '.dtflw/data/development/notebooks/calculate_sales_stats/sales_stats_by_product_gold.parquet'
    )
    const rows = await connection.runAndReadAll(
      `SELECT count(*) AS n, sum(revenue) > 0 AS positive FROM read_parquet('${gold}')`
    )
    expect(rows.getRowObjectsJson()[0]).toEqual({ n: '12', positive: true })
    connection.closeSync()
    db.closeSync()

    const latest = await readLatestRunReport(path.join(root, '.dtflw/runs'))
    expect(latest?.runId).toBe('sales-1')
    const events = await readEventLog(
      path.join(root, '.dtflw/runs/sales-1/events.jsonl')
    )
    expect(events[0].type).toBe('run-started')
    expect(events.at(-1)).toMatchObject({
      type: 'run-finished',
      status: 'succeeded'
    })
    const log = await readFile(
      path.join(root, '.dtflw/runs/sales-1/logs/import_data.log'),
      'utf8'
    )
    expect(log).toContain('Running: notebooks/import_data.py')
  })
})
