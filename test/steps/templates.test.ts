import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { addStep } from '../../src/steps/index.js'
import { createColumnLearner } from '../../src/commands/index.js'
import { readParquet } from '../engines/support/repo.js'
import { repoRoot, runCli } from '../support/cli.js'
import { makeTempDir, removeDir, writeScaffold } from '../generators/support.js'

// A laptop with the workspace configured, as the README says to.
const WORKSPACE = { DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' }

const CUSTOMERS_1 =
  'customer_id,name,country\n1,Ada,NL\n2,Grace,BE\n3,Alan,UK\n'
// Grace moved, Alan left, Barbara (a lower id) and Edsger joined.
const CUSTOMERS_2 =
  'customer_id,name,country\n0,Barbara,FR\n1,Ada,NL\n2,Grace,DE\n4,Edsger,NL\n'
const ORDERS_1 = [
  'order_id,order_date,customer_id,country,amount',
  '101,2024-01-05,1,NL,10.5',
  '102,2024-01-20,2,BE,20.25',
  '103,2024-02-02,1,NL,4'
].join('\n')
// The same batch again, and two new orders (customer 9 is unknown).
const ORDERS_2 = `${ORDERS_1}\n104,2024-02-10,4,NL,7.75\n105,2024-02-11,9,DE,1\n`

/** The `npx dtflw add` lines of the README's template section. */
async function readmeAddLines(): Promise<string[][]> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8')
  const section = readme.split('## Notebook templates')[1].split('\n## ')[0]
  return section
    .split('\n')
    .filter((line) => line.startsWith('npx dtflw add '))
    .map((line) => line.split(/\s+/).slice(2))
}

describe('the notebook templates, generated into a pipeline and run twice on the local engine', () => {
  let dir: string
  const tables: Record<string, Record<string, unknown>[]>[] = []
  const stepNames = [
    'customers_copy',
    'customers_py',
    'orders_bronze',
    'customers_history',
    'dim_customer',
    'fact_orders',
    'sales_by_country'
  ]
  const run = async (asOf: string) => {
    const done = await runCli(['run', '--profile', 'development'], dir, {
      env: { AS_OF: asOf }
    })
    expect([done.code, done.stderr]).toEqual([0, expect.any(String)])
    const snapshot: Record<string, Record<string, unknown>[]> = {}
    for (const name of stepNames) {
      snapshot[name] = await readParquet(
        path.join(
          dir,
          `.dtflw/data/development/notebooks/${name}/${name}.parquet`
        ),
        'SELECT * FROM {} ORDER BY ALL'
      )
    }
    tables.push(snapshot)
  }
  const flowEntry = async (notebook: string) => {
    const manifest = parse(await readFile(path.join(dir, 'dtflw.yaml'), 'utf8'))
    return manifest.flow.find(
      (s: { notebook: string }) => s.notebook === `notebooks/${notebook}`
    )
  }
  const notebook = (name: string) =>
    readFile(path.join(dir, 'notebooks', name), 'utf8')

  beforeAll(async () => {
    dir = await makeTempDir()
    await writeScaffold(dir)
    const manifest = await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')
    await writeFile(
      path.join(dir, 'dtflw.yaml'),
      manifest.replace(
        'sources:\n',
        'sources:\n  customers: { description: The shop customers }\n  order_export: { description: A batch of orders }\n'
      )
    )
    const base = await readFile(path.join(dir, 'profiles/base.yaml'), 'utf8')
    await writeFile(
      path.join(dir, 'profiles/base.yaml'),
      `${base}  customers: { path: data/customers.csv, format: csv }\n  order_export: { path: data/order_export.csv, format: csv }\n`
    )
    await writeFile(path.join(dir, 'data/customers.csv'), CUSTOMERS_1)
    await writeFile(path.join(dir, 'data/order_export.csv'), ORDERS_1)
    // Every example of the README, as a user types it.
    for (const args of await readmeAddLines()) {
      const added = await runCli(args, dir)
      expect([args.join(' '), added.code, added.stderr]).toEqual([
        args.join(' '),
        0,
        ''
      ])
    }
    const python = await addStep({
      root: dir,
      step: 'customers_py',
      template: 'ingest-overwrite',
      inputs: ['customers'],
      language: 'python',
      describeTable: createColumnLearner({
        cwd: dir,
        manifest: 'dtflw.yaml',
        env: {}
      }),
      yes: true
    })
    expect(python.exitCode).toBe(0)
    await run('2024-01-01')
    await writeFile(path.join(dir, 'data/customers.csv'), CUSTOMERS_2)
    await writeFile(path.join(dir, 'data/order_export.csv'), ORDERS_2)
    await run('2024-02-01')
  })
  afterAll(() => removeDir(dir))

  it('leaves a pipeline dtflw validate accepts as it is', async () => {
    const validate = await runCli(['validate'], dir, { env: WORKSPACE })
    expect([validate.code, validate.stderr, validate.stdout.trim()]).toEqual([
      0,
      '',
      'Valid: 9 steps and 5 profiles (acceptance, base, development, production, test).'
    ])
  })

  it('ingest-overwrite: the copy is the source as it is now, in SQL and in Python', async () => {
    expect(await flowEntry('customers_copy.sql')).toEqual({
      notebook: 'notebooks/customers_copy.sql',
      inputs: ['customers'],
      outputs: [
        {
          name: 'customers_copy',
          columns: { customer_id: 'bigint', name: 'string', country: 'string' }
        }
      ]
    })
    expect(await notebook('customers_py.py')).toContain(
      [
        'df = read_table(customers_in).select(',
        '    F.col("customer_id").cast("bigint").alias("customer_id"),',
        '    F.col("name").cast("string").alias("name"),',
        '    F.col("country").cast("string").alias("country")',
        ')'
      ].join('\n')
    )
    const first = [
      { customer_id: '1', name: 'Ada', country: 'NL' },
      { customer_id: '2', name: 'Grace', country: 'BE' },
      { customer_id: '3', name: 'Alan', country: 'UK' }
    ]
    const second = [
      { customer_id: '0', name: 'Barbara', country: 'FR' },
      { customer_id: '1', name: 'Ada', country: 'NL' },
      { customer_id: '2', name: 'Grace', country: 'DE' },
      { customer_id: '4', name: 'Edsger', country: 'NL' }
    ]
    expect(tables.map((t) => t.customers_copy)).toEqual([first, second])
    expect(tables.map((t) => t.customers_py)).toEqual([first, second])
  })

  it('ingest-append: the batch again adds nothing, new orders are appended', async () => {
    expect(await flowEntry('orders_bronze.sql')).toEqual({
      notebook: 'notebooks/orders_bronze.sql',
      inputs: ['order_export', { name: 'orders_bronze', optional: true }],
      outputs: [
        {
          name: 'orders_bronze',
          key: 'order_id',
          columns: {
            order_id: 'bigint',
            order_date: 'date',
            customer_id: 'bigint',
            country: 'string',
            amount: 'double'
          }
        }
      ]
    })
    expect(await notebook('orders_bronze.sql')).toContain(
      'WHERE t.order_id = s.order_id'
    )
    const order = (
      id: string,
      date: string,
      customer: string,
      country: string,
      amount: number
    ) => ({
      order_id: id,
      order_date: date,
      customer_id: customer,
      country,
      amount
    })
    const first = [
      order('101', '2024-01-05', '1', 'NL', 10.5),
      order('102', '2024-01-20', '2', 'BE', 20.25),
      order('103', '2024-02-02', '1', 'NL', 4)
    ]
    expect(tables.map((t) => t.orders_bronze)).toEqual([
      first,
      [
        ...first,
        order('104', '2024-02-10', '4', 'NL', 7.75),
        order('105', '2024-02-11', '9', 'DE', 1)
      ]
    ])
  })

  it('scd2: a changed row closes its version and opens a new one; new keys open, gone keys stay', async () => {
    expect(await flowEntry('customers_history.sql')).toEqual({
      notebook: 'notebooks/customers_history.sql',
      args: { as_of: '${AS_OF:-}' },
      inputs: ['customers', { name: 'customers_history', optional: true }],
      outputs: [
        {
          name: 'customers_history',
          key: ['customer_id', 'valid_from'],
          columns: {
            customer_id: 'bigint',
            name: 'string',
            country: 'string',
            valid_from: 'timestamp',
            valid_to: 'timestamp',
            is_current: 'boolean'
          }
        }
      ]
    })
    expect(await notebook('customers_history.sql')).toContain(
      'MERGE INTO IDENTIFIER(:customers_history_out) AS d'
    )
    const version = (
      id: string,
      name: string,
      country: string,
      from: string,
      to: string | null
    ) => ({
      customer_id: id,
      name,
      country,
      valid_from: `${from} 00:00:00`,
      valid_to: to && `${to} 00:00:00`,
      is_current: to === null
    })
    expect(tables.map((t) => t.customers_history)).toEqual([
      [
        version('1', 'Ada', 'NL', '2024-01-01', null),
        version('2', 'Grace', 'BE', '2024-01-01', null),
        version('3', 'Alan', 'UK', '2024-01-01', null)
      ],
      [
        version('0', 'Barbara', 'FR', '2024-02-01', null),
        version('1', 'Ada', 'NL', '2024-01-01', null),
        version('2', 'Grace', 'BE', '2024-01-01', '2024-02-01'),
        version('2', 'Grace', 'DE', '2024-02-01', null),
        version('3', 'Alan', 'UK', '2024-01-01', null),
        version('4', 'Edsger', 'NL', '2024-02-01', null)
      ]
    ])
  })

  it('scd2 refuses a source whose key is not unique, on the local engine as Databricks does', async () => {
    await writeFile(
      path.join(dir, 'data/customers.csv'),
      `${CUSTOMERS_2}2,Grace,FR\n`
    )
    const done = await runCli(
      ['run', '--profile', 'development', '--select', 'customers_history'],
      dir,
      { env: { AS_OF: '2024-03-01' } }
    )
    await writeFile(path.join(dir, 'data/customers.csv'), CUSTOMERS_2)
    expect(done.code).toBe(1)
    expect(done.stdout + done.stderr).toContain(
      'customer_id is not unique in customers: 2 is in 2 rows; keep one row per customer_id (the latest) before this step.'
    )
    // Nothing was written: the history is as the last good run left it.
    expect(
      await readParquet(
        path.join(
          dir,
          '.dtflw/data/development/notebooks/customers_history/customers_history.parquet'
        ),
        'SELECT count(*) AS n FROM {}'
      )
    ).toEqual([{ n: '6' }])
  })

  it('dimension: members keep their surrogate keys, take the latest values, new ones get the next keys', async () => {
    expect(await flowEntry('dim_customer.sql')).toEqual({
      notebook: 'notebooks/dim_customer.sql',
      inputs: ['customers', { name: 'dim_customer', optional: true }],
      outputs: [
        {
          name: 'dim_customer',
          key: 'customer_id',
          columns: {
            customer_sk: 'bigint',
            customer_id: 'bigint',
            name: 'string',
            country: 'string'
          }
        }
      ]
    })
    const member = (sk: string, id: string, name: string, country: string) => ({
      customer_sk: sk,
      customer_id: id,
      name,
      country
    })
    expect(tables.map((t) => t.dim_customer)).toEqual([
      [
        member('1', '1', 'Ada', 'NL'),
        member('2', '2', 'Grace', 'BE'),
        member('3', '3', 'Alan', 'UK')
      ],
      [
        member('1', '1', 'Ada', 'NL'),
        member('2', '2', 'Grace', 'DE'),
        member('3', '3', 'Alan', 'UK'),
        member('4', '0', 'Barbara', 'FR'),
        member('5', '4', 'Edsger', 'NL')
      ]
    ])
  })

  it('fact: business keys become the dimension’s surrogate keys, -1 where it lacks one', async () => {
    expect(await flowEntry('fact_orders.sql')).toEqual({
      notebook: 'notebooks/fact_orders.sql',
      inputs: ['orders_bronze', 'dim_customer'],
      outputs: [
        {
          name: 'fact_orders',
          columns: {
            customer_sk: 'bigint',
            order_id: 'bigint',
            order_date: 'date',
            country: 'string',
            amount: 'double'
          }
        }
      ]
    })
    const fact = (
      sk: string,
      id: string,
      date: string,
      country: string,
      amount: number
    ) => ({ customer_sk: sk, order_id: id, order_date: date, country, amount })
    expect(tables.map((t) => t.fact_orders)).toEqual([
      [
        fact('1', '101', '2024-01-05', 'NL', 10.5),
        fact('1', '103', '2024-02-02', 'NL', 4),
        fact('2', '102', '2024-01-20', 'BE', 20.25)
      ],
      [
        fact('-1', '105', '2024-02-11', 'DE', 1),
        fact('1', '101', '2024-01-05', 'NL', 10.5),
        fact('1', '103', '2024-02-02', 'NL', 4),
        fact('2', '102', '2024-01-20', 'BE', 20.25),
        fact('5', '104', '2024-02-10', 'NL', 7.75)
      ]
    ])
  })

  it('aggregate: one row per country and month, with the row count and the sum of amounts', async () => {
    expect(await flowEntry('sales_by_country.sql')).toEqual({
      notebook: 'notebooks/sales_by_country.sql',
      inputs: ['orders_bronze'],
      outputs: [
        {
          name: 'sales_by_country',
          key: ['country', 'month'],
          columns: {
            country: 'string',
            month: 'date',
            row_count: 'bigint',
            amount: 'double'
          }
        }
      ]
    })
    expect(await notebook('sales_by_country.sql')).toContain(
      "CAST(date_trunc('MONTH', CAST(order_date AS DATE)) AS DATE) AS month"
    )
    const cell = (
      country: string,
      month: string,
      rows: string,
      amount: number
    ) => ({ country, month, row_count: rows, amount })
    expect(tables.map((t) => t.sales_by_country)).toEqual([
      [
        cell('BE', '2024-01-01', '1', 20.25),
        cell('NL', '2024-01-01', '1', 10.5),
        cell('NL', '2024-02-01', '1', 4)
      ],
      [
        cell('BE', '2024-01-01', '1', 20.25),
        cell('DE', '2024-02-01', '1', 1),
        cell('NL', '2024-01-01', '1', 10.5),
        cell('NL', '2024-02-01', '2', 11.75)
      ]
    ])
  })

  // Last: it edits the manifest.
  it('a generated notebook run without a parameter takes its widget default, the chosen profile’s value', async () => {
    const added = await addStep({
      root: dir,
      step: 'customers_asof',
      template: 'scd2',
      inputs: ['customers'],
      key: ['customer_id'],
      env: { AS_OF: '2023-06-30' },
      describeTable: createColumnLearner({
        cwd: dir,
        manifest: 'dtflw.yaml',
        env: {}
      }),
      yes: true
    })
    expect(added.exitCode).toBe(0)
    expect(await notebook('customers_asof.sql')).toContain(
      "CREATE WIDGET TEXT as_of DEFAULT '2023-06-30';"
    )
    // A person drops the argument: the notebook runs as it stands.
    const manifest = await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')
    const entry = '  - notebook: notebooks/customers_asof.sql\n'
    expect(manifest).toContain(`${entry}    args: { as_of: "\${AS_OF:-}" }\n`)
    await writeFile(
      path.join(dir, 'dtflw.yaml'),
      manifest.replace(`${entry}    args: { as_of: "\${AS_OF:-}" }\n`, entry)
    )
    const run = await runCli(
      ['run', '--profile', 'development', '--select', 'customers_asof'],
      dir
    )
    expect(run.code).toBe(0)
    expect(
      await readParquet(
        path.join(
          dir,
          '.dtflw/data/development/notebooks/customers_asof/customers_asof.parquet'
        ),
        'SELECT DISTINCT valid_from FROM {}'
      )
    ).toEqual([{ valid_from: '2023-06-30 00:00:00' }])
    const report = /Report: (\S+)/.exec(run.stdout)?.[1] ?? ''
    expect(
      await readFile(
        path.join(dir, path.dirname(report), 'logs/customers_asof.log'),
        'utf8'
      )
    ).toContain(
      'as_of: not passed by the flow, so the notebook\'s default "2023-06-30"'
    )
  })
})
