import { describe, expect, it } from '@jest/globals'
import { checkSqlStatement } from '../../../../src/engines/local/sql/sql-guard.js'

const staging = '/repo/out/t/.dtflw-staging-1'
const tmp = '/repo/.dtflw/runs/r/work/t'
const check = (sql: string) => checkSqlStatement(sql, [tmp, staging], tmp)

describe('the SQL statement guard', () => {
  it('lets a statement write into the step’s staging and private folders', () => {
    expect(
      check(`COPY (SELECT 1) TO '${staging}/t.parquet' (FORMAT parquet)`)
    ).toBeUndefined()
    expect(check("COPY t TO 'scratch.csv'")).toBeUndefined()
    expect(check("COPY t FROM '/repo/data/raw.csv'")).toBeUndefined()
    expect(check("ATTACH ':memory:' AS m")).toBeUndefined()
    expect(check('COPY FROM DATABASE a TO b')).toBeUndefined()
    expect(check('SELECT 1 AS "to"')).toBeUndefined()
  })

  it('refuses a write anywhere else, however the path is spelled', () => {
    for (const sql of [
      "COPY (SELECT 1) TO '/repo/data/raw.csv' (FORMAT csv, USE_TMP_FILE false)",
      `COPY t TO '${staging}/../../../data/raw.csv'`,
      "COPY t TO E'/repo/data/raw\\\\.csv'",
      'COPY t TO $$/repo/data/raw.csv$$',
      "COPY t TO '~/x.csv'",
      "COPY t TO 's3://bucket/x.csv'",
      "EXPORT DATABASE '/repo/out'",
      "ATTACH '/repo/out/t/new.duckdb' AS x"
    ]) {
      expect([sql, check(sql)]).toEqual([
        sql,
        expect.stringMatching(
          /is outside what this step may write: inputs and sources are read-only|must name its file as a string/
        )
      ])
    }
    expect(check("COPY t TO getvariable('p')")).toBe(
      'COPY … TO must name its file as a string in the step’s output staging folder; a SQL step writes only its declared outputs (CREATE OR REPLACE TABLE IDENTIFIER(:name_out) AS …).'
    )
  })

  it('sees through the wrappers and spellings the red team used', () => {
    for (const sql of [
      "PREPARE p AS COPY (SELECT 1) TO '/repo/data/raw.csv' (FORMAT csv)",
      "PREPARE p (INTEGER) AS COPY (SELECT $1) TO '/repo/data/raw.csv'",
      "EXPLAIN ANALYZE COPY (SELECT 1) TO '/repo/data/raw.csv'",
      "EXPLAIN COPY (SELECT 1) TO '/repo/data/raw.csv'",
      String.raw`COPY t TO E'/repo/data/raw.csv'`,
      String.raw`COPY t TO E'/repo/data/raw.csv'`,
      "COPY t TO '/repo/data/'\n'raw.csv'",
      "COPY t TO '/repo/data/' -- joined\n  'raw.csv'"
    ]) {
      expect([sql, check(sql)]).toEqual([
        sql,
        expect.stringMatching(/^'\/repo\/data\/raw.csv' is outside/)
      ])
    }
    expect(check('PREPARE q AS COPY t TO $1; EXECUTE q(:raw_in)')).toMatch(
      /^COPY … TO must name its file as a string/
    )
  })

  it('names the file a copy stands for when a statement aims at an input’s copy', () => {
    const copies = [
      { copy: `${tmp}/inputs/0`, original: '/repo/data' },
      { copy: `${tmp}/inputs/1`, original: '/repo/out/make' }
    ]
    expect(
      checkSqlStatement(
        `COPY t TO '${tmp}/inputs/0/raw.csv' (USE_TMP_FILE false)`,
        [tmp, staging],
        tmp,
        copies
      )
    ).toMatch(/^'\/repo\/data\/raw.csv' is outside what this step may write/)
    expect(
      checkSqlStatement("COPY t TO 'inputs/1/t.parquet'", [tmp], tmp, copies)
    ).toMatch(/^'\/repo\/out\/make\/t.parquet' is outside/)
    expect(
      checkSqlStatement("COPY t TO 'scratch.csv'", [tmp], tmp, copies)
    ).toBeUndefined()
  })

  it('refuses calls that change DuckDB’s logging for the whole process', () => {
    for (const sql of [
      "CALL enable_logging(storage_path='/elsewhere')",
      "SELECT * FROM ENABLE_LOGGING(storage='file')",
      'CALL truncate_duckdb_logs()'
    ]) {
      expect(check(sql)).toMatch(
        /\(\) is refused by the local engine: it changes DuckDB’s logging/
      )
    }
    expect(check("SELECT 'enable_logging' AS s")).toBeUndefined()
  })
})
