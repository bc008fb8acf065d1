import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { makeRepo, removeRepo, writeFiles } from '../engines/support/repo.js'
import { runCli } from '../support/cli.js'

/**
 * What a user reads when a step fails, as the manifest's errors read: the
 * real file and line, the cause in the user's words, what to do.
 */
const MANIFEST = `pipeline: shop
sources:
  raw_orders: {}
flow:
  - notebook: notebooks/revenue.sql
    inputs: [raw_orders]
    outputs: [revenue]
`
const PROFILE = `engine: local
tables: { layout: path, root: .dtflw/data/development, format: parquet }
sources:
  raw_orders: { path: data/raw_orders.csv, format: csv }
`

/** A notebook as an `.ipynb` Databricks exports: one source line a JSON line. */
function ipynb(language: string, cells: string[][]): string {
  return JSON.stringify(
    {
      cells: cells.map((lines) => ({
        cell_type: 'code',
        execution_count: 0,
        metadata: {},
        outputs: [],
        source: lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l))
      })),
      metadata: {
        'application/vnd.databricks.v1+notebook': { language }
      },
      nbformat: 4,
      nbformat_minor: 0
    },
    null,
    1
  )
}

describe('a failing step says where and why', () => {
  let root: string
  beforeAll(async () => {
    root = await makeRepo({
      'dtflw.yaml': MANIFEST,
      'profiles/development.yaml': PROFILE,
      'data/raw_orders.csv': 'order_date,amount\n2024-03-01,10\n2024-03-02,7\n'
    })
  })
  afterAll(() => removeRepo(root))

  const run = async (notebook: string, text: string, extra: string[] = []) => {
    const manifest = MANIFEST.replace('notebooks/revenue.sql', notebook)
    await writeFiles(root, { 'dtflw.yaml': manifest, [notebook]: text })
    return runCli(['run', '--profile', 'development', ...extra], root)
  }
  const stepLog = async () => {
    const runs = path.join(root, '.dtflw', 'runs')
    const latest = (await readdir(runs))
      .filter((n) => /^\d{8}T/.test(n))
      .sort()
      .at(-1)!
    const logs = path.join(runs, latest, 'logs')
    return readFile(path.join(logs, (await readdir(logs))[0]), 'utf8')
  }

  it("SQL: the line of the bad column and DuckDB's candidates, not the statement's first line", async () => {
    const done = await run(
      'notebooks/revenue.sql',
      [
        '-- Databricks notebook source',
        'CREATE OR REPLACE TABLE IDENTIFIER(:revenue_out) AS',
        'SELECT order_date,',
        '       SUM(amout) AS revenue',
        'FROM IDENTIFIER(:raw_orders_in)',
        'GROUP BY order_date',
        ''
      ].join('\n'),
      ['--debug']
    )
    expect(done.code).toBe(1)
    expect(done.stdout).toContain(
      'notebooks/revenue.sql:4: Binder Error: Referenced column "amout" not found in FROM clause! Candidate bindings: "amount", "order_date"'
    )
    // The whole of DuckDB's message: in the step log and with --debug.
    const log = await stepLog()
    expect(log).toContain('LINE ')
    expect(log).toContain('at notebooks/revenue.sql:4')
    expect(done.stderr).toContain('Candidate bindings: "amount", "order_date"')
    expect(done.stderr).toMatch(/LINE \d+: +SUM\(amout\) AS revenue/)
  })

  it('SQL: a file the step did not declare exists, and the message says why it cannot read it', async () => {
    const done = await run(
      'notebooks/revenue.sql',
      [
        '-- Databricks notebook source',
        'CREATE OR REPLACE TABLE IDENTIFIER(:revenue_out) AS',
        "SELECT * FROM read_csv('data/raw_orders.csv')",
        ''
      ].join('\n')
    )
    expect(done.code).toBe(1)
    expect(done.stdout).toContain(
      'The file exists, but a step sees only its declared inputs: declare it as a source'
    )
  })

  it("SQL: an undeclared table is said to be one, without DuckDB's guess of a system table", async () => {
    const done = await run(
      'notebooks/revenue.sql',
      [
        '-- Databricks notebook source',
        'CREATE OR REPLACE TABLE IDENTIFIER(:revenue_out) AS',
        'SELECT * FROM customers',
        ''
      ].join('\n')
    )
    expect(done.stdout).toContain(
      "A step sees only the tables it declares: list customers in the step's inputs and read it as IDENTIFIER(:customers_in)."
    )
    expect(done.stdout).not.toContain('pg_')
  })

  it('.ipynb: the cell and its line, not a line of the JSON', async () => {
    const done = await run(
      'notebooks/revenue.ipynb',
      ipynb('sql', [
        ['CREATE OR REPLACE TABLE IDENTIFIER(:revenue_out) AS SELECT 1 AS x'],
        [
          'CREATE OR REPLACE TABLE IDENTIFIER(:revenue_out) AS',
          'SELECT nope',
          'FROM IDENTIFIER(:raw_orders_in)'
        ]
      ])
    )
    expect(done.code).toBe(1)
    expect(done.stdout).toContain(
      'notebooks/revenue.ipynb (cell 2, line 2): Binder Error: Referenced column "nope" not found'
    )
  })

  it('Python: every line of a multi-line exception, and the line that raised it', async () => {
    const done = await run(
      'notebooks/revenue.py',
      [
        '# Databricks notebook source',
        'x = 1',
        '',
        '# COMMAND ----------',
        '',
        'raise ValueError("no orders for 2024-03-01\\ncheck the export")',
        ''
      ].join('\n')
    )
    expect(done.code).toBe(1)
    expect(done.stdout).toContain(
      'notebooks/revenue.py:6: ValueError: no orders for 2024-03-01 check the export'
    )
  })

  it("Python: a package the interpreter lacks is the machine's failure (exit 3), with what to install", async () => {
    const done = await run(
      'notebooks/revenue.py',
      [
        '# Databricks notebook source',
        'import dtflw_no_such_package_anywhere',
        ''
      ].join('\n')
    )
    expect(done.code).toBe(3)
    expect(done.stdout).toMatch(
      /notebooks\/revenue\.py:2: ModuleNotFoundError: No module named 'dtflw_no_such_package_anywhere', which \S+ lacks: pip install it there \(python3 -m pip install -r requirements\.txt\), or set python: in the profile\./
    )
  })
})
