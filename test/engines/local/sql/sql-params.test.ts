import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DuckDBInstance } from '@duckdb/node-api'
import type { DuckDBConnection } from '@duckdb/node-api'
import {
  bindSql,
  splitSql
} from '../../../../src/engines/local/sql/sql-params.js'
import type { SqlParameter } from '../../../../src/engines/local/sql/sql-params.js'

const params: Record<string, SqlParameter> = {
  year: { value: '2022' },
  delta: { value: '-5' },
  label: { value: "it's" },
  orders_in: { value: '/data/orders.parquet', relation: 'orders_in' },
  stats_out: { value: 'cat.gold.stats', relation: 'stats_out' },
  target: { value: 'cat.gold.`my table`' }
}

function bind(sql: string): string {
  const bound = bindSql(sql, params)
  if (!bound.ok) throw new Error(bound.message)
  return bound.statements.map((s) => s.text).join(';\n')
}

describe('bindSql', () => {
  it('maps IDENTIFIER(:p) of a table parameter to its view or table', () => {
    expect(bind('SELECT * FROM IDENTIFIER(:orders_in)')).toBe(
      'SELECT * FROM "orders_in"'
    )
    expect(
      bind('CREATE OR REPLACE TABLE identifier ( :stats_out ) AS SELECT 1')
    ).toBe('CREATE OR REPLACE TABLE "stats_out" AS SELECT 1')
  })

  it('reads IDENTIFIER of an argument or a literal as a quoted qualified name', () => {
    expect(bind('SELECT * FROM IDENTIFIER(:target)')).toBe(
      'SELECT * FROM "cat"."gold"."my table"'
    )
    expect(bind("SELECT * FROM IDENTIFIER('a.${year}')")).toBe(
      'SELECT * FROM "a"."2022"'
    )
  })

  it('makes :p a literal: numbers stay numbers, text is quoted', () => {
    expect(bind('SELECT 1 WHERE y = :year AND l = :label')).toBe(
      "SELECT 1 WHERE y = 2022 AND l = 'it''s'"
    )
    expect(bind('SELECT x -:delta')).toBe('SELECT x -(-5)')
    expect(bind('SELECT read_parquet(:orders_in)')).toBe(
      "SELECT read_parquet('/data/orders.parquet')"
    )
  })

  it('leaves casts, JSON paths, slices, strings, comments and unknown names alone', () => {
    const sql = [
      "SELECT a::int, raw:year, l[1:2], {'k':year}",
      "'at :year', /* :year ${nope} */ :unknown -- :year ${nope}",
      '$$ ${nope} $$'
    ].join('\n')
    expect(bind(sql)).toBe(sql)
  })

  it('fills ${p} in code, strings and quoted identifiers with the right escaping', () => {
    expect(bind('SELECT ${year}, ${label}, * FROM ${orders_in}')).toBe(
      `SELECT 2022, 'it''s', * FROM "orders_in"`
    )
    expect(bind('SELECT \'x ${label} y\' AS "c ${label}"')).toBe(
      `SELECT 'x it''s y' AS "c it's"`
    )
    expect(bind("SELECT E'\\\\ ${label}'")).toBe("SELECT E'\\\\ it''s'")
  })

  it('turns backticks into double quotes and parquet.`${p}` into the relation', () => {
    expect(bind('SELECT `a b` FROM parquet.`${orders_in}`')).toBe(
      'SELECT "a b" FROM "orders_in"'
    )
  })

  it('refuses ${name} that is not a parameter, naming the line', () => {
    expect(bindSql('SELECT 1;\nSELECT ${yaer}', params)).toEqual({
      ok: false,
      line: 2,
      message:
        '${yaer} is not a parameter of this step; its parameters are: year, delta, label, orders_in, stats_out, target.'
    })
  })

  it('splits statements at top-level semicolons, each with the line of its first token', () => {
    const bound = bindSql(
      "-- intro\nSELECT 1;\n\nSELECT ';' -- ;\n;\n/* ; */\nSELECT 2;\n",
      params
    )
    expect(bound.ok && bound.statements).toEqual([
      { text: '-- intro\nSELECT 1', line: 2 },
      { text: "SELECT ';' -- ;", line: 4 },
      { text: '/* ; */\nSELECT 2', line: 7 }
    ])
    expect(splitSql('SELECT :year; SELECT 2').map((s) => s.text)).toEqual([
      'SELECT :year',
      'SELECT 2'
    ])
  })
})

describe('bound values cannot inject SQL', () => {
  let db: DuckDBInstance
  let connection: DuckDBConnection
  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:')
    connection = await db.connect()
    await connection.run('CREATE TABLE victim AS SELECT 1 AS id')
  })
  afterAll(() => {
    connection.closeSync()
    db.closeSync()
  })

  const attacks = [
    "x'); DROP TABLE victim; --",
    "'; DROP TABLE victim; SELECT '",
    'a" FROM victim; DROP TABLE victim; --',
    "\\'; DROP TABLE victim; --",
    '1; DROP TABLE victim',
    '-1 --',
    '$$; DROP TABLE victim; $$',
    '*/ DROP TABLE victim; /*'
  ]

  it.each(attacks)('%s comes back as plain text', async (value) => {
    const p = { v: { value } }
    const bound = bindSql(
      "SELECT :v AS a, '${v}' AS b, ${v} AS c, E'${v}' AS d, 1 AS IDENTIFIER(:v)",
      p
    )
    expect(bound.ok).toBe(true)
    if (!bound.ok) return
    expect(bound.statements).toHaveLength(1)
    const reader = await connection.runAndReadAll(bound.statements[0].text)
    const row = reader.getRowsJson()[0]
    expect(row.slice(0, 4).map(String)).toEqual([value, value, value, value])
    expect(reader.columnNames()[4]).toBe(value)
    const still = await connection.runAndReadAll('SELECT count(*) FROM victim')
    expect(String(still.getRowsJson()[0][0])).toBe('1')
  })
})
