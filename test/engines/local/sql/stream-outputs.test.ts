import { describe, expect, it } from '@jest/globals'
import { DuckDBInstance } from '@duckdb/node-api'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { streamOutputs } from '../../../../src/engines/local/sql/stream-outputs.js'
import type { SqlJobExport } from '../../../../src/engines/local/sql/sql-job.js'

const exportOf = (param: string, file: string): SqlJobExport => ({
  candidates: [`"${param}"`],
  copy: `COPY (SELECT * FROM {}) TO '${file}' (FORMAT parquet)`
})

const at = (text: string, line = 1) => ({ text, line, cell: 0 })

describe('streamOutputs', () => {
  it('streams an output’s last CREATE TABLE … AS to its staging file, and the log keeps the notebook’s text', () => {
    const create = `CREATE OR REPLACE TABLE "t_out" AS\nSELECT 1 AS a -- the answer`
    const { statements, exports } = streamOutputs(
      [at('SELECT 42'), at(create, 3)],
      [exportOf('t_out', '/s/t.parquet')]
    )
    expect(exports).toEqual([])
    expect(statements[1]).toEqual({
      text: `COPY (SELECT 1 AS a -- the answer\n) TO '/s/t.parquet' (FORMAT parquet)`,
      shown: create,
      line: 3,
      cell: 0
    })
  })

  it('keeps the table and its export when a later statement uses the output', () => {
    for (const later of [
      'MERGE INTO "t_out" USING u ON "t_out".k = u.k WHEN MATCHED THEN DELETE',
      'INSERT INTO t_out VALUES (2)',
      'SELECT count(*) FROM T_OUT'
    ]) {
      const input = [at('CREATE TABLE "t_out" AS SELECT 1 AS k'), at(later)]
      const output = exportOf('t_out', '/s/t.parquet')
      expect(streamOutputs(input, [output])).toEqual({
        statements: input,
        exports: [output]
      })
    }
  })

  it('leaves a step that writes its output another way as it was', () => {
    const input = [
      at('CREATE TABLE "t_out" (a INT)'),
      at('INSERT INTO "t_out" VALUES (1)')
    ]
    const output = exportOf('t_out', '/s/t.parquet')
    expect(streamOutputs(input, [output]).exports).toEqual([output])
  })

  it('writes the same rows and types DuckDB’s table would', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dtflw-stream-'))
    const db = await DuckDBInstance.create(':memory:')
    const connection = await db.connect()
    try {
      const query = `SELECT range AS id, CAST(range / 3 AS DECIMAL(18, 2)) AS amount FROM range(5) -- ids`
      const streamed = path.join(dir, 'streamed.parquet')
      const copied = path.join(dir, 'copied.parquet')
      const { statements } = streamOutputs(
        [at(`CREATE OR REPLACE TABLE "t_out" AS ${query};`)],
        [exportOf('t_out', streamed)]
      )
      await connection.run(statements[0].text)
      await connection.run(`CREATE TABLE t AS ${query}`)
      await connection.run(
        `COPY (SELECT * FROM t) TO '${copied}' (FORMAT parquet)`
      )
      const read = async (file: string) =>
        (
          await connection.runAndReadAll(
            `SELECT typeof(id), typeof(amount), id, amount::VARCHAR FROM '${file}' ORDER BY id`
          )
        ).getRowsJson()
      expect(await read(streamed)).toEqual(await read(copied))
    } finally {
      connection.closeSync()
      db.closeSync()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
