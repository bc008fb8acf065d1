import { DuckDBInstance } from '@duckdb/node-api'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import { createRequire } from 'node:module'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { runFlow } from '../src/commands/index.js'
import { createLocalEngine } from '../src/engines/local/index.js'
import type { LocalEngineOptions } from '../src/engines/local/index.js'
import { buildFlow, planFlow } from '../src/flow/index.js'
import type { Plan } from '../src/flow/index.js'
import { parseManifest } from '../src/manifest/index.js'
import { createExpander } from '../src/profiles/index.js'
import type { ResolvedProfile } from '../src/profiles/index.js'
import type { RunReport } from '../src/report/index.js'
import { coldOnceMs, dtflwBin, median } from './cold.js'
import type { BenchResult } from './types.js'

const BRANCHES = 8
const DEPTH = 3
const BIG_ROWS = 5_000_000

function profile(
  sources: ResolvedProfile['sources'],
  format = 'parquet'
): ResolvedProfile {
  return {
    name: 'bench',
    files: ['profiles/bench.yaml'],
    engine: 'local',
    variables: {},
    tables: { layout: 'path', root: '.dtflw/data/bench', format },
    sources,
    values: {},
    leaves: [],
    secretValues: [],
    expand: createExpander(
      {
        env: {},
        profile: 'bench',
        pipeline: 'bench',
        isSecretName: () => false
      },
      new Map()
    ),
    locate: () => undefined
  }
}

/** The real path: manifest text → flow → plan, as `dtflw run` does. */
function planOf(
  root: string,
  manifest: string,
  sources: ResolvedProfile['sources'],
  format?: string
): Plan {
  const parsed = parseManifest(manifest, 'dtflw.yaml', root)
  if (!parsed.manifest) {
    throw new Error(parsed.diagnostics.map((d) => d.summary).join('\n'))
  }
  const { flow } = buildFlow(parsed.manifest)
  if (!flow) throw new Error('the generated flow is invalid')
  return planFlow(flow, profile(sources, format))
}

/** `BRANCHES` chains of `DEPTH` steps: b<i>_s1 → b<i>_s2 → b<i>_s3. */
function branchManifest(ext: string): string {
  const lines = ['pipeline: bench', 'flow:']
  for (let b = 0; b < BRANCHES; b++) {
    for (let s = 1; s <= DEPTH; s++) {
      lines.push(`  - notebook: notebooks/b${b}_s${s}.${ext}`)
      if (s > 1) lines.push(`    inputs: [t${b}_${s - 1}]`)
      lines.push(`    outputs: [t${b}_${s}]`)
    }
  }
  return `${lines.join('\n')}\n`
}

/**
 * Sleeps half a second, then writes its one-row output as JSON with the
 * standard library: writing Parquet from Python would import pandas (half a
 * second of CPU per step), which would measure pandas, not the scheduler.
 */
function sleepingNotebook(b: number, s: number): string {
  const check =
    s > 1
      ? `assert os.path.exists(dbutils.widgets.get("t${b}_${s - 1}_in"))\n`
      : ''
  return `# Databricks notebook source
import json, os, time
${check}time.sleep(0.5)
with open(dbutils.widgets.get("t${b}_${s}_out"), "w") as out:
    out.write(json.dumps({"step": ${s}}) + "\\n")
`
}

/**
 * About half a second of DuckDB work on one core, like the Python sleep:
 * `range` scans are not split across threads, so here steps, not threads,
 * share the cores.
 */
function heavyNotebook(b: number, s: number): string {
  const previous =
    s > 1 ? `(SELECT count(*) FROM IDENTIFIER(:t${b}_${s - 1}_in))` : '0'
  return `-- Databricks notebook source
CREATE OR REPLACE TABLE IDENTIFIER(:t${b}_${s}_out) AS
SELECT ${previous} AS upstream, sum(hash(i)) AS h FROM range(50000000) r(i)
`
}

async function writeBranchRepo(
  root: string,
  ext: 'py' | 'sql',
  notebook: (b: number, s: number) => string
): Promise<void> {
  await mkdir(path.join(root, 'notebooks'), { recursive: true })
  await writeFile(path.join(root, 'dtflw.yaml'), branchManifest(ext))
  for (let b = 0; b < BRANCHES; b++) {
    for (let s = 1; s <= DEPTH; s++) {
      await writeFile(
        path.join(root, 'notebooks', `b${b}_s${s}.${ext}`),
        notebook(b, s)
      )
    }
  }
}

/** The best of `repeat` runs from scratch: noise on a shared machine only adds. */
async function timedRun(
  root: string,
  plan: Plan,
  parallelism: number,
  repeat = 1,
  engineOptions: Partial<Omit<LocalEngineOptions, 'root'>> = {}
): Promise<{ ms: number; report: RunReport }> {
  let best: { ms: number; report: RunReport } | undefined
  for (let i = 0; i < repeat; i++) {
    await rm(path.join(root, '.dtflw'), { recursive: true, force: true })
    const engine = createLocalEngine({
      root,
      // What a profile that says nothing gives.
      settings: {
        python: { command: 'python3', resolve: true },
        sandbox: 'standard',
        env: process.env
      },
      ...engineOptions
    })
    const start = performance.now()
    const { report } = await runFlow(engine, plan, {
      root,
      toolVersion: 'bench',
      parallelism,
      failFast: false,
      lazy: false
    })
    const ms = performance.now() - start
    if (report.status !== 'succeeded') {
      const failed = report.steps.find((s) => s.status === 'failed')
      throw new Error(
        `bench flow failed: ${failed?.key}: ${failed?.error?.message}`
      )
    }
    if (!best || ms < best.ms) best = { ms, report }
  }
  return best!
}

async function benchBranches(
  name: string,
  ext: 'py' | 'sql',
  notebook: (b: number, s: number) => string,
  format: string
): Promise<BenchResult> {
  const root = await mkdtemp(path.join(tmpdir(), 'dtflw-bench-'))
  try {
    await writeBranchRepo(root, ext, notebook)
    const plan = planOf(root, branchManifest(ext), {}, format)
    const cores = availableParallelism()
    const sequential = await timedRun(root, plan, 1, 2)
    const parallel = await timedRun(root, plan, cores, 2)
    const speedup = sequential.ms / parallel.ms
    return {
      name,
      figures: {
        steps: plan.steps.length,
        cores,
        'one after another, s (best of 2)': Number(
          (sequential.ms / 1000).toFixed(2)
        ),
        [`parallelism ${cores} (default), s (best of 2)`]: Number(
          (parallel.ms / 1000).toFixed(2)
        ),
        speedup: Number(speedup.toFixed(2))
      },
      target: 'at least 1.8x faster than one after another on 2 cores',
      passed: speedup >= 1.8
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** A 5-million-row order table, written once as the flow's source. */
export async function writeOrders(
  file: string,
  rows = BIG_ROWS
): Promise<void> {
  const db = await DuckDBInstance.create(':memory:')
  const connection = await db.connect()
  try {
    await connection.run(`COPY (
      SELECT
        i AS order_id,
        DATE '2022-01-01' + CAST(i % 730 AS INTEGER) AS order_date,
        i % 100000 AS customer_id,
        i % 1000 AS product_id,
        1 + i % 5 AS quantity,
        CAST(1 + (hash(i) % 50000) / 100.0 AS DECIMAL(10, 2)) AS unit_price,
        CASE WHEN i % 17 = 0 THEN 'cancelled' ELSE 'completed' END AS status
      FROM range(${rows}) r(i)
    ) TO '${file}' (FORMAT parquet)`)
  } finally {
    connection.closeSync()
    db.closeSync()
  }
}

const BIG_FLOW = `pipeline: bench
sources:
  orders: {}
flow:
  - notebook: notebooks/clean.sql
    inputs: [orders]
    outputs: [orders_clean]
  - notebook: notebooks/by_customer.sql
    inputs: [orders_clean]
    outputs: [customer_months]
  - notebook: notebooks/top_customers.sql
    inputs: [customer_months]
    outputs: [top_customers]
`

const BIG_NOTEBOOKS: Record<string, string> = {
  'clean.sql': `-- Databricks notebook source
CREATE OR REPLACE TABLE IDENTIFIER(:orders_clean_out) AS
SELECT order_id, order_date, customer_id, product_id, quantity,
  CAST(quantity * unit_price AS DECIMAL(18, 2)) AS amount
FROM IDENTIFIER(:orders_in)
WHERE status <> 'cancelled'
`,
  'by_customer.sql': `-- Databricks notebook source
CREATE OR REPLACE TABLE IDENTIFIER(:customer_months_out) AS
SELECT customer_id, date_trunc('month', order_date) AS month,
  CAST(SUM(amount) AS DECIMAL(18, 2)) AS total, COUNT(*) AS orders,
  COUNT(DISTINCT product_id) AS products
FROM IDENTIFIER(:orders_clean_in)
GROUP BY customer_id, date_trunc('month', order_date)
`,
  'top_customers.sql': `-- Databricks notebook source
CREATE OR REPLACE TABLE IDENTIFIER(:top_customers_out) AS
SELECT customer_id, CAST(SUM(total) AS DECIMAL(18, 2)) AS total,
  SUM(orders) AS orders,
  rank() OVER (ORDER BY SUM(total) DESC) AS rank
FROM IDENTIFIER(:customer_months_in)
GROUP BY customer_id
QUALIFY rank <= 100
`
}

const BIG_STEPS = [
  ['clean.sql', 'orders_in', 'orders_clean'],
  ['by_customer.sql', 'orders_clean_in', 'customer_months'],
  ['top_customers.sql', 'customer_months_in', 'top_customers']
] as const

/**
 * The baseline, as a script of its own: the three notebooks' statements
 * run directly in one DuckDB, each reading the Parquet the one before
 * wrote. Run as a fresh process like `dtflw run`, it pays for Node and
 * DuckDB loading too; what dtflw adds on top is its own cost.
 */
/** The URL a script run from a temporary folder imports DuckDB by. */
export function duckdbUrl(): string {
  return pathToFileURL(
    createRequire(import.meta.url).resolve('@duckdb/node-api')
  ).href
}

function directScript(root: string): string {
  const duckdb = duckdbUrl()
  const locations: Record<string, string> = {
    orders_in: path.join(root, 'data/orders.parquet')
  }
  const statements = BIG_STEPS.map(([notebook, input, output]) => {
    const file = path.join(root, 'direct', `${output}.parquet`)
    const select = BIG_NOTEBOOKS[notebook]
      .replace(/^--.*\n/, '')
      .replace(/^CREATE OR REPLACE TABLE IDENTIFIER\(:\w+\) AS\n/, '')
      .replace(`IDENTIFIER(:${input})`, `read_parquet('${locations[input]}')`)
    locations[`${output}_in`] = file
    return `COPY (${select}) TO '${file}' (FORMAT parquet)`
  })
  return `import { DuckDBInstance } from ${JSON.stringify(duckdb)}
const db = await DuckDBInstance.create(':memory:')
const connection = await db.connect()
for (const statement of ${JSON.stringify(statements)}) await connection.run(statement)
`
}

const BIG_PROFILE = `engine: local
tables: { layout: path, root: .dtflw/data/bench, format: parquet }
sources:
  orders: { path: data/orders.parquet, format: parquet }
`

/** The latest run's report in `root`. */
export async function latestReport(root: string): Promise<RunReport> {
  const runs = path.join(root, '.dtflw/runs')
  const [latest] = (await readdir(runs))
    .filter((r) => r !== 'latest')
    .sort()
    .reverse()
  return JSON.parse(
    await readFile(path.join(runs, latest, 'report.json'), 'utf8')
  ) as RunReport
}

const BIG_SAMPLES = 5

async function benchBigFlow(): Promise<BenchResult> {
  const root = await mkdtemp(path.join(tmpdir(), 'dtflw-bench-'))
  try {
    await mkdir(path.join(root, 'notebooks'), { recursive: true })
    await mkdir(path.join(root, 'data'), { recursive: true })
    await mkdir(path.join(root, 'profiles'), { recursive: true })
    for (const [name, text] of Object.entries(BIG_NOTEBOOKS)) {
      await writeFile(path.join(root, 'notebooks', name), text)
    }
    await writeFile(path.join(root, 'dtflw.yaml'), BIG_FLOW)
    await writeFile(path.join(root, 'profiles/bench.yaml'), BIG_PROFILE)
    await writeFile(path.join(root, 'direct.mjs'), directScript(root))
    await writeOrders(path.join(root, 'data/orders.parquet'))
    // Fresh processes, alternating, each writing its tables anew (a file
    // written over costs the file system a flush that a new one does not):
    // the page cache is warm for both and a noisy moment hurts neither alone.
    const runs: number[] = []
    const direct: number[] = []
    for (let i = 0; i < BIG_SAMPLES; i++) {
      await rm(path.join(root, 'direct'), { recursive: true, force: true })
      await mkdir(path.join(root, 'direct'))
      direct.push(coldOnceMs([path.join(root, 'direct.mjs')], { cwd: root }))
      await rm(path.join(root, '.dtflw'), { recursive: true, force: true })
      runs.push(
        coldOnceMs([dtflwBin, 'run', '--profile', 'bench'], { cwd: root })
      )
    }
    const report = await latestReport(root)
    if (report.status !== 'succeeded') {
      throw new Error(`the 5M-row bench flow ended ${report.status}`)
    }
    const ms = median(runs)
    const baseline = median(direct)
    const figures: Record<string, number | string> = {
      'source rows': BIG_ROWS,
      [`dtflw run, s (median of ${BIG_SAMPLES} processes)`]: Number(
        (ms / 1000).toFixed(2)
      ),
      [`the three statements directly in DuckDB, s (median of ${BIG_SAMPLES} processes)`]:
        Number((baseline / 1000).toFixed(2)),
      "dtflw's own time, ms": Math.round(ms - baseline),
      'dtflw / direct': Number((ms / baseline).toFixed(2))
    }
    for (const step of report.steps) {
      const rows = step.reads.reduce((n, r) => n + (r.rows ?? 0), 0)
      const seconds = (step.durationMs ?? 0) / 1000
      figures[`${step.key}: rows in / s`] = Math.round(rows / seconds)
      figures[`${step.key}: s`] = Number(seconds.toFixed(2))
      figures[`${step.key}: rows out`] = step.writes[0]?.rows ?? 0
    }
    return {
      name: `3-step SQL flow over ${BIG_ROWS.toLocaleString('en')} rows, cold processes`,
      figures,
      target: 'within 1.10x of the same statements run directly in DuckDB',
      passed: ms <= 1.1 * baseline
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

const TRIVIAL_STEPS = 200

/**
 * 200 independent Python steps that do nothing, run with warm workers (one
 * per parallel slot, each step in a fresh namespace) and with one process
 * per step, in the same run: what Python start-up costs a flow of small
 * steps.
 */
async function benchTrivialPython(): Promise<BenchResult> {
  const root = await mkdtemp(path.join(tmpdir(), 'dtflw-bench-'))
  try {
    await mkdir(path.join(root, 'notebooks'), { recursive: true })
    const lines = ['pipeline: bench', 'flow:']
    for (let i = 0; i < TRIVIAL_STEPS; i++) {
      lines.push(`  - notebook: notebooks/p${i}.py`)
      await writeFile(
        path.join(root, 'notebooks', `p${i}.py`),
        `# Databricks notebook source\nx = ${i}\n`
      )
    }
    const plan = planOf(root, `${lines.join('\n')}\n`, {})
    const cores = availableParallelism()
    // Warms the interpreter lookup (once per run, as in the CLI) for both.
    await timedRun(
      root,
      planOf(root, `${lines.slice(0, 3).join('\n')}\n`, {}),
      cores
    )
    const warm = await timedRun(root, plan, cores, 1, { warmPython: true })
    const cold = await timedRun(root, plan, cores, 1, { warmPython: false })
    const ratio = cold.ms / warm.ms
    return {
      name: `${TRIVIAL_STEPS} trivial Python steps`,
      figures: {
        cores,
        'warm workers, s': Number((warm.ms / 1000).toFixed(2)),
        'one process per step, s': Number((cold.ms / 1000).toFixed(2)),
        'warm workers, ms per step': Math.round(warm.ms / TRIVIAL_STEPS),
        'one process per step, ms per step': Math.round(
          cold.ms / TRIVIAL_STEPS
        ),
        speedup: Number(ratio.toFixed(1))
      },
      target: 'warm workers at least 5x faster than one process per step',
      passed: ratio >= 5
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/**
 * The local engine: 8 independent branches of 3 steps against the same steps
 * one after another (sleeping Python, then single-core DuckDB queries), and
 * a 3-step SQL flow over 5 million rows, and 200 trivial Python steps with
 * and without warm workers. `parts` (words of their names, e.g. `5M`,
 * `trivial`) runs only those.
 */
export async function benchLocalEngine(
  parts: readonly string[] = []
): Promise<BenchResult[]> {
  const all: [string, () => Promise<BenchResult>][] = [
    [`${TRIVIAL_STEPS} trivial Python steps`, benchTrivialPython],
    [
      `${BRANCHES} branches x ${DEPTH} Python steps sleeping 0.5 s`,
      () =>
        benchBranches(
          `${BRANCHES} branches x ${DEPTH} Python steps sleeping 0.5 s`,
          'py',
          sleepingNotebook,
          'json'
        )
    ],
    [
      `${BRANCHES} branches x ${DEPTH} single-core DuckDB queries`,
      () =>
        benchBranches(
          `${BRANCHES} branches x ${DEPTH} single-core DuckDB queries`,
          'sql',
          heavyNotebook,
          'parquet'
        )
    ],
    ['3-step SQL flow over 5M rows', benchBigFlow]
  ]
  const results: BenchResult[] = []
  for (const [name, run] of all) {
    if (parts.length > 0 && !parts.some((p) => name.includes(p))) continue
    results.push(await run())
  }
  return results
}
