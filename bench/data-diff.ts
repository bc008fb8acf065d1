import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { coldOnceMs, dtflwBin, median } from './cold.js'
import { duckdbUrl, latestReport, writeOrders } from './local-engine.js'
import type { BenchResult } from './types.js'

const ROWS = 5_000_000
const SAMPLES = 7

const FLOW = `pipeline: bench
sources:
  orders: {}
flow:
  - notebook: clean.sql
    inputs: [orders]
    outputs: [{ name: orders_clean, key: order_id }]
`

const PROFILE = `engine: local
tables: { layout: path, root: .dtflw/data/bench, format: parquet }
sources:
  orders: { path: data/orders.parquet, format: parquet }
`

const notebook = (select: string): string =>
  `-- Databricks notebook source\nCREATE OR REPLACE TABLE IDENTIFIER(:orders_clean_out) AS\n${select}\n`

// main's notebook, then the branch's: it drops cancelled orders, reprices
// one order in seven and adds a column, so every count has rows.
const MAIN =
  notebook(`SELECT order_id, order_date, customer_id, product_id, quantity,
  CAST(quantity * unit_price AS DECIMAL(18, 2)) AS amount, status
FROM IDENTIFIER(:orders_in)`)
const BRANCH =
  notebook(`SELECT order_id, order_date, customer_id, product_id, quantity,
  CAST(quantity * unit_price * CASE WHEN order_id % 7 = 0 THEN 1.1 ELSE 1 END AS DECIMAL(18, 2)) AS amount,
  status, order_id % 3 = 0 AS priority
FROM IDENTIFIER(:orders_in)
WHERE status <> 'cancelled'`)

/**
 * The baseline, a fresh process of its own: what any comparison of the
 * two tables must at least do, one count(*) of each side and the full
 * outer join on the key, timed from when DuckDB is open.
 */
function baselineScript(base: string, head: string): string {
  const duckdb = duckdbUrl()
  const read = (p: string) => `read_parquet('${p}')`
  return `import { DuckDBInstance } from ${JSON.stringify(duckdb)}
const db = await (await DuckDBInstance.create(':memory:')).connect()
const start = performance.now()
await db.runAndReadAll("SELECT count(*) FROM ${read(base)}")
await db.runAndReadAll("SELECT count(*) FROM ${read(head)}")
await db.runAndReadAll("SELECT count(*) FROM ${read(base)} b FULL OUTER JOIN ${read(head)} h ON b.order_id = h.order_id")
process.stdout.write(String(performance.now() - start))
`
}

/**
 * A preview's data diff of a 5M-row table on the local engine, as users
 * wait for it: `dtflw run --preview` in a cold process, with the diff and
 * with `diff: false`, against the count and join any comparison needs.
 */
async function benchPreviewDiff(): Promise<BenchResult> {
  const root = await mkdtemp(path.join(tmpdir(), 'dtflw-bench-diff-'))
  try {
    await mkdir(path.join(root, 'data'), { recursive: true })
    await mkdir(path.join(root, 'profiles'), { recursive: true })
    await writeFile(path.join(root, 'dtflw.yaml'), FLOW)
    await writeFile(path.join(root, 'profiles/bench.yaml'), PROFILE)
    await writeFile(
      path.join(root, 'profiles/nodiff.yaml'),
      `${PROFILE}diff: false\n`
    )
    await writeOrders(path.join(root, 'data/orders.parquet'), ROWS)
    await writeFile(path.join(root, 'clean.sql'), MAIN)
    coldOnceMs([dtflwBin, 'run', '--profile', 'bench'], { cwd: root })
    await writeFile(path.join(root, 'clean.sql'), BRANCH)
    const preview = (profile: string) =>
      coldOnceMs(
        [dtflwBin, 'run', '--profile', profile, '--preview', 'branch'],
        { cwd: root }
      )
    const base = path.join(root, '.dtflw/data/bench/clean/orders_clean.parquet')
    const head = path.join(
      root,
      '.dtflw/data/bench/previews/branch/clean/orders_clean.parquet'
    )
    await writeFile(path.join(root, 'baseline.mjs'), baselineScript(base, head))
    const withDiff: number[] = []
    const without: number[] = []
    const diffs: number[] = []
    const baselines: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      without.push(preview('nodiff'))
      withDiff.push(preview('bench'))
      const report = await latestReport(root)
      const table = report.dataDiff?.tables[0]
      if (table?.status !== 'compared' || !table.keyed)
        throw new Error(`the bench's diff ended ${JSON.stringify(table)}`)
      diffs.push(report.dataDiff!.durationMs!)
      const run = spawnSync(process.execPath, ['baseline.mjs'], { cwd: root })
      if (run.status !== 0) throw new Error(run.stderr.toString())
      baselines.push(Number(run.stdout.toString()))
    }
    // The least of each: on a shared machine noise only adds time, and the
    // two are measured alternately, so neither gets the quiet moments.
    const diff = Math.min(...diffs)
    const baseline = Math.min(...baselines)
    const table = (await latestReport(root)).dataDiff!.tables[0]
    return {
      name: `data diff of a ${ROWS.toLocaleString('en')}-row table after a preview, cold processes`,
      figures: {
        'rows (base + head)': (table.rows?.base ?? 0) + (table.rows?.head ?? 0),
        'rows removed / changed': `${table.keyed!.removed} / ${table.keyed!.changed}`,
        [`the diff, in the run's report, s (least of ${SAMPLES})`]: Number(
          (diff / 1000).toFixed(2)
        ),
        [`count(*) of both sides + the key's full outer join in DuckDB, s (least of ${SAMPLES})`]:
          Number((baseline / 1000).toFixed(2)),
        'diff / baseline': Number((diff / baseline).toFixed(2)),
        'diff / baseline, medians': Number(
          (median(diffs) / median(baselines)).toFixed(2)
        ),
        'dtflw run --preview with the diff, s': Number(
          (median(withDiff) / 1000).toFixed(2)
        ),
        'the same with diff: false, s': Number(
          (median(without) / 1000).toFixed(2)
        )
      },
      target: "within 2x of one count(*) over both sides plus the key's join",
      passed: diff <= 2 * baseline
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** The data diff: a 5M-row table compared after a preview. */
export async function benchDataDiff(): Promise<BenchResult[]> {
  return [await benchPreviewDiff()]
}
