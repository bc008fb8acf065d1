import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { createTableDescriber } from '../../../src/engines/local/index.js'
import { planOf } from '../../support/plan.js'
import type { PlanSketch, StepSketch } from '../../support/plan.js'
import {
  makeRepo,
  pyNotebook,
  removeRepo,
  runLocal,
  runOptions,
  sqlNotebook,
  writeFiles
} from '../support/repo.js'

const CUSTOMERS = [
  'customer_id;name;country;since;credit',
  '1;Ada;NL;2024-01-05;10.50',
  '2;Grace;BE;2024-02-11;20.25'
].join('\n')
const ORDERS = 'order_id,customer_id,amount\n101,1,10.5\n102,2,4\n'

const sources: PlanSketch['sources'] = {
  raw_customers: {
    path: 'data/customers.csv',
    format: 'csv',
    options: { sep: ';' }
  },
  raw_orders: { path: 'data/orders.csv', format: 'csv' },
  hidden: { path: 'data/hidden.csv', format: 'csv' }
}

/**
 * clean (raw_customers → customers) → by_country (customers → countries):
 * two SQL steps, nothing declared; orders by Python; the rest each shows
 * one way a describe can go.
 */
const steps: StepSketch[] = [
  {
    notebook: 'notebooks/clean.sql',
    inputs: ['raw_customers'],
    outputs: ['customers']
  },
  {
    notebook: 'notebooks/by_country.sql',
    inputs: ['customers'],
    outputs: ['countries']
  },
  {
    notebook: 'notebooks/orders.py',
    inputs: ['raw_orders'],
    outputs: ['orders']
  },
  {
    notebook: 'notebooks/order_totals.sql',
    inputs: ['orders'],
    outputs: ['order_totals']
  },
  {
    notebook: 'notebooks/typed.sql',
    inputs: ['raw_orders'],
    outputs: [
      {
        name: 'typed',
        columns: { id: 'bigint', tags: 'array<string>', total: 'decimal(10,2)' }
      }
    ]
  },
  {
    notebook: 'notebooks/from_typed.sql',
    inputs: ['typed'],
    outputs: ['from_typed']
  },
  {
    notebook: 'notebooks/broken.sql',
    inputs: ['raw_orders'],
    outputs: ['broken']
  },
  {
    notebook: 'notebooks/sneaky.sql',
    inputs: ['raw_orders'],
    outputs: ['sneaky']
  },
  {
    notebook: 'notebooks/copied.sql',
    inputs: ['raw_orders'],
    outputs: ['copied']
  },
  {
    notebook: 'notebooks/merged.sql',
    inputs: ['raw_orders', { name: 'merged', optional: true }],
    outputs: ['merged']
  }
]

const notebooks = {
  'notebooks/clean.sql': sqlNotebook(
    "CREATE WIDGET TEXT raw_customers_in DEFAULT 'data/customers.csv'",
    [
      'CREATE OR REPLACE TEMP VIEW named AS',
      'SELECT customer_id, trim(name) AS name, country, since, credit',
      'FROM IDENTIFIER(:raw_customers_in)'
    ].join('\n'),
    [
      '-- the output, from the view above',
      'CREATE OR REPLACE TABLE IDENTIFIER(:customers_out) AS',
      'SELECT CAST(customer_id AS BIGINT) AS customer_id, name, country,',
      '  since, CAST(credit AS DECIMAL(18, 2)) AS credit',
      'FROM named'
    ].join('\n'),
    'SELECT count(*) FROM IDENTIFIER(:customers_out)'
  ),
  'notebooks/by_country.sql': sqlNotebook(
    [
      'CREATE OR REPLACE TABLE IDENTIFIER(:countries_out) AS',
      'SELECT country, count(*) AS customers,',
      '  CAST(SUM(credit) AS DECIMAL(38, 2)) AS credit',
      'FROM IDENTIFIER(:customers_in) GROUP BY country'
    ].join('\n')
  ),
  'notebooks/orders.py': pyNotebook(
    'orders_out = dbutils.widgets.get("orders_out")'
  ),
  'notebooks/order_totals.sql': sqlNotebook(
    'CREATE OR REPLACE TABLE IDENTIFIER(:order_totals_out) AS SELECT * FROM IDENTIFIER(:orders_in)'
  ),
  'notebooks/typed.sql': sqlNotebook(
    "CREATE OR REPLACE TABLE IDENTIFIER(:typed_out) AS SELECT CAST(order_id AS BIGINT) AS id, ['a'] AS tags, CAST(amount AS DECIMAL(10, 2)) AS total FROM IDENTIFIER(:raw_orders_in)"
  ),
  'notebooks/from_typed.sql': sqlNotebook(
    'CREATE OR REPLACE TABLE IDENTIFIER(:from_typed_out) AS\nSELECT id, tags[1] AS first_tag, total * 2 AS doubled FROM IDENTIFIER(:typed_in)'
  ),
  'notebooks/broken.sql': sqlNotebook(
    [
      'CREATE OR REPLACE TABLE IDENTIFIER(:broken_out) AS',
      'SELECT order_id,',
      '  custmer_id',
      'FROM IDENTIFIER(:raw_orders_in)'
    ].join('\n')
  ),
  'notebooks/copied.sql': sqlNotebook(
    "COPY (SELECT * FROM IDENTIFIER(:raw_orders_in)) TO '${copied_out}' (FORMAT parquet)"
  ),
  'notebooks/merged.sql': sqlNotebook(
    'CREATE TABLE IF NOT EXISTS IDENTIFIER(:merged_out) AS SELECT order_id, amount FROM IDENTIFIER(:raw_orders_in) WHERE 1 = 0',
    'MERGE INTO IDENTIFIER(:merged_out) AS t USING IDENTIFIER(:raw_orders_in) AS s ON t.order_id = s.order_id WHEN NOT MATCHED THEN INSERT (order_id, amount) VALUES (s.order_id, s.amount)'
  )
}

describe("the local engine's describer: a table's columns without running the flow", () => {
  let root: string
  const plan = planOf({ steps, sources })
  const describer = () =>
    createTableDescriber({ root, plan, env: { HOME: process.env.HOME } })

  beforeAll(async () => {
    root = await makeRepo({
      'data/customers.csv': CUSTOMERS,
      'data/orders.csv': ORDERS,
      'data/hidden.csv': 'secret\n42\n',
      ...notebooks
    })
    // Would overwrite a source, and reads a file it did not declare.
    await writeFiles(root, {
      'notebooks/sneaky.sql': sqlNotebook(
        "COPY (SELECT 'pwned' AS order_id) TO '${raw_orders_in}' (FORMAT csv)",
        `CREATE OR REPLACE TABLE IDENTIFIER(:sneaky_out) AS SELECT * FROM read_csv_auto('${root}/data/hidden.csv')`
      )
    })
  })
  afterAll(() => removeRepo(root))

  it('reads a source file as the local engine does, with the profile CSV options', async () => {
    expect(await describer().describe('raw_customers')).toEqual({
      ok: true,
      columns: [
        { name: 'customer_id', type: 'bigint' },
        { name: 'name', type: 'string' },
        { name: 'country', type: 'string' },
        { name: 'since', type: 'date' },
        { name: 'credit', type: 'double' }
      ],
      from: 'source file data/customers.csv'
    })
  })

  it('describes the query of a SQL step over a source, and of a chain of two, writing nothing', async () => {
    const before = await stat(path.join(root, 'data/customers.csv'))
    const d = describer()
    expect(await d.describe('customers', 'clean')).toEqual({
      ok: true,
      columns: [
        { name: 'customer_id', type: 'bigint' },
        { name: 'name', type: 'string' },
        { name: 'country', type: 'string' },
        { name: 'since', type: 'date' },
        { name: 'credit', type: 'decimal(18,2)' }
      ],
      from: 'the SQL of step "clean" over profile test\'s local data'
    })
    expect(await d.describe('countries', 'by_country')).toEqual({
      ok: true,
      columns: [
        { name: 'country', type: 'string' },
        { name: 'customers', type: 'bigint' },
        { name: 'credit', type: 'decimal(38,2)' }
      ],
      from: 'the SQL of step "by_country" over profile test\'s local data'
    })
    // No table was written, and the source was only read.
    expect(await readdir(root)).not.toContain('.dtflw')
    expect((await stat(path.join(root, 'data/customers.csv'))).mtimeMs).toBe(
      before.mtimeMs
    )
  })

  it('chains through declared types, nested ones too', async () => {
    expect(await describer().describe('from_typed', 'from_typed')).toEqual(
      expect.objectContaining({
        ok: true,
        columns: [
          { name: 'id', type: 'bigint' },
          { name: 'first_tag', type: 'string' },
          { name: 'doubled', type: 'decimal(18,2)' }
        ]
      })
    )
  })

  it('keeps a table made by CREATE TABLE IF NOT EXISTS and then merged into', async () => {
    expect(await describer().describe('merged', 'merged')).toEqual(
      expect.objectContaining({
        ok: true,
        columns: [
          { name: 'order_id', type: 'bigint' },
          { name: 'amount', type: 'double' }
        ]
      })
    )
  })

  it('says why it cannot: a Python producer, a bad column with its line, an output its SQL does not create', async () => {
    const d = describer()
    const runLocally =
      'run the flow once locally (dtflw run --profile test), which leaves the table for dtflw to read'
    expect(await d.describe('order_totals', 'order_totals')).toEqual({
      ok: false,
      why: '"orders" is written by step "orders" (notebooks/orders.py), a Python notebook, which dtflw cannot describe without running it',
      fix: runLocally
    })
    const broken = await d.describe('broken', 'broken')
    expect(broken).toEqual({
      ok: false,
      why: expect.stringMatching(
        /^notebooks\/broken\.sql:4: Binder Error: Referenced column "custmer_id" not found in FROM clause!.*customer_id/
      ),
      fix: runLocally
    })
    expect(await d.describe('copied', 'copied')).toEqual({
      ok: false,
      why: 'notebooks/copied.sql does not create "copied" with CREATE TABLE … AS, so its SQL alone does not say what columns the table gets',
      fix: runLocally
    })
  })

  it('holds a describe in the sandbox: an undeclared file is not read, and no statement writes', async () => {
    const sneaky = await describer().describe('sneaky', 'sneaky')
    expect(sneaky).toEqual({
      ok: false,
      why: expect.stringMatching(
        /^notebooks\/sneaky\.sql:6: Permission Error: .*data\/hidden\.csv/
      ),
      fix: expect.any(String)
    })
    expect(await readFile(path.join(root, 'data/orders.csv'), 'utf8')).toBe(
      ORDERS
    )
  })

  it('prefers the table an earlier local run left to describing its SQL', async () => {
    const ran = await runLocal(
      root,
      planOf({ steps: [steps[0]], sources }),
      runOptions()
    )
    expect(ran.status).toBe('succeeded')
    // The notebook changed since: the table is what the describe reads.
    await writeFiles(root, {
      'notebooks/clean.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:customers_out) AS SELECT 1 AS other'
      )
    })
    expect(await describer().describe('customers', 'clean')).toEqual(
      expect.objectContaining({
        ok: true,
        columns: expect.arrayContaining([
          { name: 'customer_id', type: 'bigint' },
          { name: 'credit', type: 'decimal(18,2)' }
        ]),
        from: 'the table an earlier run left (.dtflw/data/test/notebooks/clean/customers.parquet)'
      })
    )
  })
})
