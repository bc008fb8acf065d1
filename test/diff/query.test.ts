import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { DuckDBConnection } from '@duckdb/node-api'
import {
  comparedColumns,
  diffColumns,
  readKeyedDiff,
  renderCountQuery,
  renderKeyedDiffQuery
} from '../../src/diff/index.js'
import type { DiffColumn } from '../../src/report/index.js'

/**
 * The diff's SQL run in DuckDB over two versions of a table, its counts
 * checked against hand-written queries over the same rows.
 */
let connection: DuckDBConnection

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<
    string,
    unknown
  >[]
const one = async (sql: string) => (await rows(sql))[0]

beforeAll(async () => {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  connection = await (await DuckDBInstance.create(':memory:')).connect()
  // 10,000 orders; the change drops cancelled ones (every 10th), rounds
  // amounts of every 7th, renames nothing, adds a channel column, and
  // orders 20,001.. are new.
  await connection.run(`
    CREATE TABLE base AS
    SELECT i AS order_id, 'c' || (i % 97) AS customer,
           CAST(i * 1.25 AS DECIMAL(18,2)) AS amount,
           CASE WHEN i % 10 = 0 THEN 'cancelled' ELSE 'ok' END AS status
    FROM range(1, 10001) t(i)`)
  await connection.run(`
    CREATE TABLE head AS
    SELECT order_id, customer,
           CASE WHEN order_id % 7 = 0 THEN CAST(round(amount) AS DECIMAL(18,2)) ELSE amount END AS amount,
           status, 'web' AS channel
    FROM base WHERE status <> 'cancelled'
    UNION ALL
    SELECT i, 'c1', CAST(5 AS DECIMAL(18,2)), 'ok', 'shop' FROM range(20001, 20051) t(i)`)
})
afterAll(() => connection?.closeSync())

const describeTable = async (table: string): Promise<DiffColumn[]> =>
  (await rows(`DESCRIBE ${table}`)).map((r) => ({
    name: String(r.column_name),
    type: String(r.column_type).toLowerCase()
  }))

describe('the data diff query', () => {
  it('counts exactly what hand-written queries count: added, removed, changed, per column', async () => {
    const base = await describeTable('base')
    const head = await describeTable('head')
    const query = {
      dialect: 'duckdb' as const,
      base: 'base',
      head: 'head',
      key: ['order_id'],
      columns: comparedColumns(base, head, ['order_id'])
    }
    const counts = {
      base: Number((await one(renderCountQuery('base'))).n),
      head: Number((await one(renderCountQuery('head'))).n)
    }
    const diff = readKeyedDiff(
      query,
      await one(renderKeyedDiffQuery(query)),
      counts
    )
    const expected = {
      added: Number(
        (
          await one(
            'SELECT count(*) AS n FROM head WHERE order_id NOT IN (SELECT order_id FROM base)'
          )
        ).n
      ),
      removed: Number(
        (
          await one(
            'SELECT count(*) AS n FROM base WHERE order_id NOT IN (SELECT order_id FROM head)'
          )
        ).n
      ),
      changed: Number(
        (
          await one(
            'SELECT count(*) AS n FROM base b JOIN head h USING (order_id) WHERE b.amount <> h.amount OR b.customer <> h.customer OR b.status <> h.status'
          )
        ).n
      ),
      amount: Number(
        (
          await one(
            'SELECT count(*) AS n FROM base b JOIN head h USING (order_id) WHERE b.amount <> h.amount'
          )
        ).n
      )
    }
    // The change did something of each kind.
    expect(Object.values(expected).every((n) => n > 0)).toBe(true)
    // A one-column key's examples are its least and greatest values.
    const text = (where: string) =>
      one(`SELECT min(order_id) AS lo, max(order_id) AS hi FROM ${where}`).then(
        (r) => [String(r.lo), String(r.hi)]
      )
    expect(diff).toEqual({
      key: ['order_id'],
      added: expected.added,
      removed: expected.removed,
      changed: expected.changed,
      unchanged:
        Number(
          (
            await one(
              'SELECT count(*) AS n FROM base JOIN head USING (order_id)'
            )
          ).n
        ) - expected.changed,
      byColumn: { amount: expected.amount },
      examples: {
        added: await text(
          'head WHERE order_id NOT IN (SELECT order_id FROM base)'
        ),
        removed: await text(
          'base WHERE order_id NOT IN (SELECT order_id FROM head)'
        ),
        changed: await text(
          'base b JOIN head h USING (order_id) WHERE b.amount <> h.amount'
        )
      }
    })
    expect(diffColumns(base, head)).toEqual({
      added: [{ name: 'channel', type: 'varchar' }],
      removed: [],
      retyped: []
    })
  })

  it('compares a retyped column as text, and says so when a key is not unique', async () => {
    await connection.run(
      'CREATE TABLE b2 AS SELECT * FROM (VALUES (1, 10), (2, 20), (2, 21)) t(k, v)'
    )
    await connection.run(
      "CREATE TABLE h2 AS SELECT * FROM (VALUES (1, '10'), (2, '20')) t(k, v)"
    )
    const base = await describeTable('b2')
    const head = await describeTable('h2')
    expect(diffColumns(base, head).retyped).toEqual([
      { name: 'v', from: 'integer', to: 'varchar' }
    ])
    const query = {
      dialect: 'duckdb' as const,
      base: 'b2',
      head: 'h2',
      key: ['k'],
      columns: comparedColumns(base, head, ['k'])
    }
    expect(query.columns).toEqual([{ name: 'v', asText: true }])
    const diff = readKeyedDiff(query, await one(renderKeyedDiffQuery(query)), {
      base: 3,
      head: 2
    })
    expect(diff).toMatchObject({
      added: 0,
      removed: 0,
      changed: 1,
      unchanged: 2,
      duplicateKeys: true
    })
  })

  it('counts each of many columns, a key of two columns, and a column with no change', async () => {
    // 40 columns: their differences take two masks of bits.
    const values = (changed: number) =>
      Array.from(
        { length: 40 },
        (_, c) => `${c === changed ? 'i + 1' : c === 39 ? '0' : 'i'} AS c${c}`
      ).join(', ')
    await connection.run(
      `CREATE TABLE b3 AS SELECT i % 5 AS a, i // 5 AS b, ${values(-1)} FROM range(100) t(i)`
    )
    await connection.run(
      `CREATE TABLE h3 AS SELECT i % 5 AS a, i // 5 AS b, ${values(33)} FROM range(100) t(i) WHERE i < 90 OR i % 2 = 0`
    )
    const columns = Array.from({ length: 40 }, (_, c) => ({
      name: `c${c}`,
      asText: false
    }))
    const query = {
      dialect: 'duckdb' as const,
      base: 'b3',
      head: 'h3',
      key: ['a', 'b'],
      columns
    }
    const diff = readKeyedDiff(query, await one(renderKeyedDiffQuery(query)), {
      base: 100,
      head: 95
    })
    expect(diff).toEqual({
      key: ['a', 'b'],
      added: 0,
      removed: 5,
      changed: 95,
      unchanged: 0,
      byColumn: { c33: 95 },
      examples: {
        added: [],
        // a|b as text: the least and greatest.
        removed: ['0|19', '4|19'],
        changed: ['0|0', '4|9']
      }
    })
  })

  it('quotes names the way each dialect does', () => {
    const sql = renderKeyedDiffQuery({
      dialect: 'databricks',
      base: 'c.s.t',
      head: 'c.s__pr_7.t',
      key: ['order id'],
      columns: [{ name: 'a`b', asText: false }]
    })
    expect(sql).toContain('ON b.`order id` = h.`order id`')
    expect(sql).toContain('b.`a``b` IS DISTINCT FROM h.`a``b`')
    expect(sql).not.toContain('"')
  })
})
