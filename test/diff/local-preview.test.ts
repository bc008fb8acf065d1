import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DuckDBInstance } from '@duckdb/node-api'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile
} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { DataDiff, RunReport, TableDiff } from '../../src/report/index.js'
import { runCli } from '../support/cli.js'
import { commitAll, git } from '../support/git.js'

// A shop's orders, some cancelled, some of customers the branch's new join
// does not find: every kind of change has rows to count.
const orders = [
  'order_id,customer_id,amount,status',
  ...Array.from({ length: 240 }, (_, i) => {
    const status = i % 7 === 0 ? 'cancelled' : i % 3 === 0 ? 'open' : 'paid'
    return `${i + 1},${(i % 13) + 1},${((i * 37) % 500) + 0.5},${status}`
  })
].join('\n')
const customers = [
  'customer_id,region',
  ...Array.from(
    { length: 11 },
    (_, i) => `${i + 1},${i % 2 ? 'north' : 'south'}`
  )
].join('\n')

const notebook = (sql: string): string =>
  `-- Databricks notebook source\n${sql}\n`

const files: Record<string, string> = {
  'dtflw.yaml': `pipeline: shop
sources:
  orders: { description: the shop's orders }
  customers: { description: the shop's customers }
flow:
  - notebook: clean.sql
    inputs: [orders]
    outputs: [{ name: orders_clean, key: order_id }]
  - notebook: enrich.sql
    inputs: [orders_clean, customers]
    outputs: [{ name: orders_enriched, key: [order_id] }]
`,
  'profiles/development.yaml': `engine: local
tables: { layout: path, root: out, format: parquet }
sources:
  orders: { path: data/orders.csv }
  customers: { path: data/customers.csv }
`,
  'data/orders.csv': orders,
  'data/customers.csv': customers,
  'clean.sql':
    notebook(`CREATE OR REPLACE TABLE IDENTIFIER(:orders_clean_out) AS
SELECT CAST(order_id AS BIGINT) AS order_id, CAST(customer_id AS BIGINT) AS customer_id,
  CAST(amount AS DOUBLE) AS amount, status
FROM IDENTIFIER(:orders_in)`),
  'enrich.sql':
    notebook(`CREATE OR REPLACE TABLE IDENTIFIER(:orders_enriched_out) AS
SELECT order_id, customer_id, amount, round(amount * 1.1, 2) AS amount_eur
FROM IDENTIFIER(:orders_clean_in)`)
}

// The branch: a filter and a renamed column in clean, a new join (which
// drops orders of unknown customers) and a new rate in enrich.
const branch: Record<string, string> = {
  'clean.sql':
    notebook(`CREATE OR REPLACE TABLE IDENTIFIER(:orders_clean_out) AS
SELECT CAST(order_id AS BIGINT) AS order_id, CAST(customer_id AS BIGINT) AS customer_id,
  CAST(amount AS DOUBLE) AS total, status
FROM IDENTIFIER(:orders_in)
WHERE status <> 'cancelled'`),
  'enrich.sql':
    notebook(`CREATE OR REPLACE TABLE IDENTIFIER(:orders_enriched_out) AS
SELECT o.order_id, o.customer_id, o.total AS amount, c.region,
  round(o.total * CASE WHEN o.status = 'open' THEN 1.2 ELSE 1.1 END, 2) AS amount_eur
FROM IDENTIFIER(:orders_clean_in) AS o
JOIN IDENTIFIER(:customers_in) AS c USING (customer_id)`)
}

async function write(
  root: string,
  tree: Record<string, string>
): Promise<void> {
  for (const [name, text] of Object.entries(tree)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true })
    await writeFile(path.join(root, name), text)
  }
}

/** What a reviewer would write by hand: one query per number, no dtflw. */
async function handWritten(
  base: string,
  head: string,
  key: string
): Promise<Omit<TableDiff, 'table' | 'head' | 'base' | 'status'>> {
  const db = await (await DuckDBInstance.create(':memory:')).connect()
  const reader = async (p: string): Promise<string> =>
    (await stat(p)).isDirectory()
      ? `read_parquet('${p}/**/*.parquet')`
      : `read_parquet('${p}')`
  await db.run(`CREATE VIEW b AS SELECT * FROM ${await reader(base)}`)
  await db.run(`CREATE VIEW h AS SELECT * FROM ${await reader(head)}`)
  const one = async (sql: string): Promise<number> =>
    Number((await db.runAndReadAll(sql)).getRows()[0][0])
  const columns = async (v: string) =>
    (await db.runAndReadAll(`DESCRIBE ${v}`))
      .getRows()
      .map(([name, type]) => ({ name: String(name), type: String(type) }))
  const [bc, hc] = [await columns('b'), await columns('h')]
  const shared = hc
    .map((c) => c.name)
    .filter((n) => n !== key && bc.some((c) => c.name === n))
  const byColumn: Record<string, number> = {}
  for (const c of shared) {
    const n = await one(
      `SELECT count(*) FROM b JOIN h USING (${key}) WHERE b.${c} IS DISTINCT FROM h.${c}`
    )
    if (n > 0) byColumn[c] = n
  }
  const anyDiffers = shared.length
    ? shared.map((c) => `b.${c} IS DISTINCT FROM h.${c}`).join(' OR ')
    : 'false'
  const changed = await one(
    `SELECT count(*) FROM b JOIN h USING (${key}) WHERE ${anyDiffers}`
  )
  const matched = await one(`SELECT count(*) FROM b JOIN h USING (${key})`)
  const result = {
    rows: {
      base: await one('SELECT count(*) FROM b'),
      head: await one('SELECT count(*) FROM h')
    },
    keyed: {
      added: await one(`SELECT count(*) FROM h ANTI JOIN b USING (${key})`),
      removed: await one(`SELECT count(*) FROM b ANTI JOIN h USING (${key})`),
      changed,
      unchanged: matched - changed,
      byColumn
    },
    names: {
      added: hc
        .filter((c) => !bc.some((b) => b.name === c.name))
        .map((c) => c.name),
      removed: bc
        .filter((c) => !hc.some((h) => h.name === c.name))
        .map((c) => c.name)
    }
  }
  db.closeSync()
  return result as never
}

describe('the data diff of a preview on the local engine', () => {
  let root: string
  let diff: DataDiff
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dtflw-diff-'))
    await write(root, files)
    commitAll(root)
    // main's tables, as the environment has them.
    const main = await runCli(['run', '--profile', 'development'], root)
    expect([main.code, main.stderr]).toEqual([0, expect.any(String)])
    git(root, 'checkout', '-q', '-b', 'new-rates')
    await write(root, branch)
    git(root, 'commit', '-qam', 'new rates')
    const run = await runCli(
      ['run', '--profile', 'development', '--preview', 'new-rates', '--json'],
      root
    )
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)])
    const report = JSON.parse(run.stdout).result as RunReport
    // report.json holds the same.
    const written = JSON.parse(
      await readFile(
        path.join(root, '.dtflw/runs', report.runId, 'report.json'),
        'utf8'
      )
    ) as RunReport
    expect(written.dataDiff).toEqual(report.dataDiff)
    diff = report.dataDiff!
  }, 120_000)
  afterAll(() =>
    process.env.KEEP_DIFF_REPO
      ? undefined
      : rm(root, { recursive: true, force: true })
  )

  it('compares each table the preview wrote with the environment’s, where each is', () => {
    expect(diff.against).toBe('development')
    expect(diff.tables.map((t) => [t.table, t.status, t.base, t.head])).toEqual(
      expect.arrayContaining([
        [
          'orders_clean',
          'compared',
          'out/clean/orders_clean.parquet',
          'out/previews/new-rates/clean/orders_clean.parquet'
        ],
        [
          'orders_enriched',
          'compared',
          'out/enrich/orders_enriched.parquet',
          'out/previews/new-rates/enrich/orders_enriched.parquet'
        ]
      ])
    )
    expect(diff.tables).toHaveLength(2)
  })

  it.each(['orders_clean', 'orders_enriched'])(
    '%s: the rows and columns a hand-written DuckDB query says changed',
    async (name) => {
      const table = diff.tables.find((t) => t.table === name)!
      const expected = (await handWritten(
        path.join(root, table.base),
        path.join(root, table.head),
        'order_id'
      )) as unknown as {
        rows: TableDiff['rows']
        keyed: Record<string, unknown>
        names: { added: string[]; removed: string[] }
      }
      expect(table.rows).toEqual(expected.rows)
      expect({
        added: table.columns!.added.map((c) => c.name),
        removed: table.columns!.removed.map((c) => c.name)
      }).toEqual(expected.names)
      const { examples, key, ...counts } = table.keyed!
      expect(key).toEqual(['order_id'])
      expect(counts).toEqual(expected.keyed)
      // Examples are keys of their kind: a removed one is absent from head.
      expect(examples.removed.length).toBe(
        Math.min(2, expected.keyed.removed as number)
      )
    }
  )

  it('counts what the branch did, so the comparison above is not of nothing', () => {
    const clean = diff.tables.find((t) => t.table === 'orders_clean')!
    const enriched = diff.tables.find((t) => t.table === 'orders_enriched')!
    // 240 orders, every seventh cancelled: 35 gone.
    expect(clean.keyed).toMatchObject({ removed: 35, added: 0, changed: 0 })
    expect(clean.columns!.added).toEqual([{ name: 'total', type: 'double' }])
    expect(clean.columns!.removed).toEqual([{ name: 'amount', type: 'double' }])
    expect(enriched.columns!.added).toEqual([
      { name: 'region', type: 'string' }
    ])
    expect(enriched.keyed!.changed).toBeGreaterThan(0)
    expect(Object.keys(enriched.keyed!.byColumn)).toEqual(['amount_eur'])
  })

  it('dtflw diff shows it on the terminal and as JSON, and the run ends with its gist', async () => {
    const text = await runCli(['diff'], root)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('against development: 2 tables of 2 changed.')
    expect(text.stdout).toContain('orders_clean  240 → 205 rows (-35)')
    expect(text.stdout).toContain('  columns: +total double, −amount')
    expect(text.stdout).toContain(
      '  by order_id: 0 added, 35 removed, 0 changed, 205 unchanged'
    )
    // Examples are the least and greatest keys, in the key's own order.
    expect(text.stdout).toContain('  e.g. removed 1, 239')
    const json = await runCli(['diff', '--json'], root)
    expect(JSON.parse(json.stdout).result.dataDiff).toEqual(diff)
    const rerun = await runCli(
      ['run', '--profile', 'development', '--preview', 'new-rates'],
      root
    )
    expect(rerun.stdout).toContain(
      'Data changes against development: 2 tables of 2 changed (compared in '
    )
    expect(rerun.stdout).toContain('  Details: dtflw diff')
    // Comparing large tables takes a while: it says what it compares.
    expect(rerun.stderr).toContain('Comparing orders_clean with development')
    const none = await runCli(['diff', '--report', 'missing.json'], root)
    expect([none.code, none.stderr]).toEqual([
      2,
      expect.stringContaining('missing.json: the file does not exist')
    ])
  }, 60_000)

  it('a plain run on the branch compares each table with the version it replaced', async () => {
    const run = async () => {
      const done = await runCli(
        ['run', '--profile', 'development', '--json'],
        root
      )
      expect([done.code, done.stderr]).toEqual([0, expect.any(String)])
      return (JSON.parse(done.stdout).result as RunReport).dataDiff
    }
    // main's tables are still the environment's: the same change as the
    // preview's, now against them in place.
    const first = (await run())!
    expect(first.against).toBe('development')
    const counts = (d: DataDiff) =>
      Object.fromEntries(
        d.tables.map((t) => [t.table, [t.status, t.rows, t.columns, t.keyed]])
      )
    expect(counts(first)).toEqual(counts(diff))
    expect(first.tables.map((t) => t.base).sort()).toEqual([
      'out/clean/orders_clean.parquet before this run',
      'out/enrich/orders_enriched.parquet before this run'
    ])
    // Run again: nothing changed since.
    const again = (await run())!
    expect(
      again.tables.map((t) => [
        t.table,
        t.keyed!.added + t.keyed!.removed + t.keyed!.changed
      ])
    ).toEqual([
      ['orders_clean', 0],
      ['orders_enriched', 0]
    ])
    // The kept versions are gone with the diff.
    const runs = path.join(root, '.dtflw/runs')
    for (const id of await readdir(runs)) {
      await expect(stat(path.join(runs, id, 'before'))).rejects.toThrow()
    }
    // On main, a run is the environment's own: nothing to compare.
    git(root, 'checkout', '-q', 'main')
    expect(await run()).toBeUndefined()
  }, 90_000)
})
