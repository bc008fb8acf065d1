import { describe, expect, it } from '@jest/globals'
import { checkSqlStatement } from '../../../src/engines/local/sql-guard.js'

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
