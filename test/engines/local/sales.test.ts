import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DuckDBInstance } from '@duckdb/node-api'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { readLatestRunReport, readEventLog } from '../../../src/report/index.js'
import { runLocal, runOptions } from '../support/repo.js'
import { copySalesProject } from '../../support/sales-project.js'
import type { SalesProject } from '../../support/sales-project.js'

describe('the sales example on the local engine', () => {
  let project: SalesProject
  let root: string
  beforeAll(async () => {
    project = await copySalesProject()
    root = project.root
  })
  afterAll(() => project.remove())

  it('runs bronze, silver and gold and reports every table', async () => {
    const report = await runLocal(
      root,
      await project.plan('development'),
      runOptions({ runId: 'sales-1', toolVersion: '0.0.0-test' })
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
    expect(events.slice(0, 3).map((e) => e.type)).toEqual([
      'deploy-started',
      'deploy-finished',
      'run-started'
    ])
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
