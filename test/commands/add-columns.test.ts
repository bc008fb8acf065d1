import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { repoRoot, runCli } from '../support/cli.js'
import {
  makeTempDir,
  readTree,
  removeDir,
  writeScaffold
} from '../generators/support.js'

// A shop pipeline as a user has it: two CSV exports, steps that declare no
// columns (two SQL steps in a row, one Python step).
const MANIFEST = `pipeline: shop
promotion: [test, acceptance, production]
sources:
  raw_customers: { description: Customers exported by the shop }
  raw_orders: { description: Orders exported by the shop }
flow:
  - notebook: notebooks/clean_customers.sql
    inputs: [raw_customers]
    outputs: [customers]
  - notebook: notebooks/active_customers.sql
    inputs: [customers]
    outputs: [active_customers]
  - notebook: notebooks/clean_orders.py
    inputs: [raw_orders]
    outputs: [orders]
`

const CUSTOMERS = [
  'customer_id,name,country,signed_up,credit',
  '1,Ada,NL,2024-01-05,10.50',
  '2, Grace ,BE,2024-02-11,20.25',
  '3,Alan,UK,2023-12-30,0'
].join('\n')

const CLEAN_CUSTOMERS = `-- Databricks notebook source
CREATE OR REPLACE TABLE IDENTIFIER(:customers_out) AS
SELECT
  CAST(customer_id AS BIGINT) AS customer_id,
  trim(name) AS name,
  country,
  CAST(signed_up AS DATE) AS signed_up,
  CAST(credit AS DECIMAL(18, 2)) AS credit
FROM IDENTIFIER(:raw_customers_in)
`

const ACTIVE_CUSTOMERS = `-- Databricks notebook source
CREATE OR REPLACE TABLE IDENTIFIER(:active_customers_out) AS
SELECT customer_id, name, country, credit > 0 AS has_credit
FROM IDENTIFIER(:customers_in)
WHERE signed_up >= DATE '2024-01-01'
`

const SCD2_TAIL = [
  '          valid_from: timestamp',
  '          valid_to: timestamp',
  '          is_current: boolean'
]

describe('dtflw add --template learns the columns it reads, with their types', () => {
  let root: string
  let dir: string
  const manifest = () => readFile(path.join(dir, 'dtflw.yaml'), 'utf8')
  const add = (...args: string[]) => runCli(['add', ...args], dir)

  beforeAll(async () => {
    root = await makeTempDir('dtflw-columns-')
    dir = path.join(root, 'shop')
    await writeScaffold(dir)
    await writeFile(path.join(dir, 'dtflw.yaml'), MANIFEST)
    await writeFile(path.join(dir, 'data/customers.csv'), CUSTOMERS)
    const base = path.join(dir, 'profiles/base.yaml')
    await writeFile(
      path.join(dir, 'profiles/base.yaml'),
      `${await readFile(base, 'utf8')}  raw_customers: { path: data/customers.csv, format: csv }\n`
    )
    const test = path.join(dir, 'profiles/test.yaml')
    await writeFile(
      test,
      `${await readFile(test, 'utf8')}  raw_customers: { table: "\${var.catalog}.landing.raw_customers" }\n`
    )
    await writeFile(
      path.join(dir, 'notebooks/clean_customers.sql'),
      CLEAN_CUSTOMERS
    )
    await writeFile(
      path.join(dir, 'notebooks/active_customers.sql'),
      ACTIVE_CUSTOMERS
    )
    await copyFile(
      path.join(
        repoRoot,
        'generators/app/templates/python/notebooks/clean_orders.py'
      ),
      path.join(dir, 'notebooks/clean_orders.py')
    )
  })
  afterAll(() => removeDir(root))

  it('learns them from the SQL of the step that writes the table, over its CSV source', async () => {
    const added = await add(
      'customers_history',
      '--template',
      'scd2',
      '--inputs',
      'customers',
      '--key',
      'customer_id'
    )
    expect([added.code, added.stderr]).toEqual([0, ''])
    expect(added.stdout).toBe(
      [
        "Added step customers_history (notebooks/customers_history.sql) from template scd2 after clean_customers at dtflw.yaml:10. Its widgets hold profile development's values.",
        'Learned the columns of customers from the SQL of step "clean_customers" over profile development\'s local data; check their types in dtflw.yaml.',
        'Next: review the notebook, then dtflw run --profile development.',
        ''
      ].join('\n')
    )
    expect(await manifest()).toContain(
      [
        '    outputs:',
        '      - name: customers_history',
        '        key: [customer_id, valid_from]',
        '        columns:',
        '          customer_id: bigint',
        '          name: string',
        '          country: string',
        '          signed_up: date',
        '          credit: decimal(18,2)',
        ...SCD2_TAIL
      ].join('\n')
    )
  })

  it('through a chain of two SQL steps, and from a CSV source itself', async () => {
    const chained = await add(
      'active_history',
      '--template',
      'scd2',
      '--inputs',
      'active_customers',
      '--key',
      'customer_id'
    )
    expect([chained.code, chained.stderr]).toEqual([0, ''])
    const raw = await add(
      'raw_customers_copy',
      '--template',
      'ingest-overwrite',
      '--inputs',
      'raw_customers'
    )
    expect([raw.code, raw.stderr]).toEqual([0, ''])
    expect(raw.stdout).toContain(
      'Learned the columns of raw_customers from source file data/customers.csv;'
    )
    const text = await manifest()
    expect(text).toContain(
      [
        '      - name: active_history',
        '        key: [customer_id, valid_from]',
        '        columns:',
        '          customer_id: bigint',
        '          name: string',
        '          country: string',
        '          has_credit: boolean',
        ...SCD2_TAIL
      ].join('\n')
    )
    expect(text).toContain(
      [
        '      - name: raw_customers_copy',
        '        columns:',
        '          customer_id: bigint',
        '          name: string',
        '          country: string',
        '          signed_up: date',
        '          credit: double'
      ].join('\n')
    )
  })

  it('refuses a table a Python step writes before any run, saying why and what to do, and writes nothing', async () => {
    const before = await readTree(dir)
    const scd2 = await add(
      'orders_history',
      '--template',
      'scd2',
      '--inputs',
      'orders',
      '--key',
      'order_id'
    )
    const why =
      'dtflw could not learn them: "orders" is written by step "clean_orders" (notebooks/clean_orders.py), a Python notebook, which dtflw cannot describe without running it. Run the flow once locally (dtflw run --profile development), which leaves the table for dtflw to read, or pass --columns a,b,c.'
    expect([scd2.code, scd2.stderr]).toEqual([
      2,
      `error: scd2 needs the columns of "orders" (the tracked columns), and ${why}\n`
    ])
    const aggregate = await add(
      'monthly',
      '--template',
      'aggregate',
      '--inputs',
      'orders',
      '--by',
      'month'
    )
    expect([aggregate.code, aggregate.stderr]).toEqual([
      2,
      `error: --by month: the month is taken from the date column of "orders", and ${why}\n`
    ])
    expect(await readTree(dir)).toEqual(before)
    // A template that can do without them says what it did instead.
    const copy = await add(
      'orders_copy',
      '--template',
      'ingest-overwrite',
      '--inputs',
      'orders'
    )
    expect([copy.code, copy.stderr]).toEqual([
      0,
      'warning: the columns of "orders" are not known, so the new step declares no columns for what it writes: "orders" is written by step "clean_orders" (notebooks/clean_orders.py), a Python notebook, which dtflw cannot describe without running it. Run the flow once locally (dtflw run --profile development), which leaves the table for dtflw to read, or pass --columns a,b,c.\n'
    ])
    expect(await manifest()).toContain(
      '  - notebook: notebooks/orders_copy.py\n    inputs: [orders]\n    outputs: [orders_copy]\n'
    )
  })

  it('the flow runs with the learned types; after a run, the table it left answers for the Python step', async () => {
    const run = await runCli(['run', '--profile', 'development'], dir)
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)])
    expect(run.stdout).toMatch(/succeeded in/)
    const added = await add(
      'orders_history',
      '--template',
      'scd2',
      '--inputs',
      'orders',
      '--key',
      'order_id'
    )
    expect([added.code, added.stderr]).toEqual([0, ''])
    expect(added.stdout).toContain(
      'Learned the columns of orders from the table an earlier run left (.dtflw/data/development/notebooks/clean_orders/orders.parquet);'
    )
    expect(await manifest()).toContain(
      [
        '      - name: orders_history',
        '        key: [order_id, valid_from]',
        '        columns:',
        '          order_id: bigint',
        '          order_date: date',
        '          customer: string',
        '          amount: decimal(18,2)',
        ...SCD2_TAIL
      ].join('\n')
    )
    const again = await runCli(
      ['run', '--profile', 'development', '--select', 'orders_history'],
      dir
    )
    expect([again.code, again.stderr]).toEqual([0, expect.any(String)])
  })

  it('needs a local profile: --profile names one, else development', async () => {
    const development = path.join(dir, 'profiles/development.yaml')
    await rename(development, `${development}.away`)
    try {
      const added = await add(
        'customers_dim',
        '--template',
        'dimension',
        '--inputs',
        'active_customers',
        '--key',
        'customer_id',
        '--profile',
        'test'
      )
      expect([added.code, added.stderr]).toEqual([
        2,
        'error: dimension needs the columns of "active_customers" (its attributes), and dtflw could not learn them: describing a table needs a profile of the local engine, and profile test runs on databricks and there is no profile development. Pass --profile with a local profile, or pass --columns a,b,c.\n'
      ])
    } finally {
      await rename(`${development}.away`, development)
    }
  })
})
