import type { DuckDBInstance } from '@duckdb/node-api'
import { loadDuckDB } from './duckdb.js'
import type { ActualColumn } from '../columns.js'
import { toSparkType } from './columns.js'
import { readExpression } from './tables.js'
import type { LocalTable } from './tables.js'

/** Reads the shape of written tables, for output checks and row counts. */
export interface TableInspector {
  /** Columns with Spark type names. */
  describe(table: LocalTable): Promise<ActualColumn[]>
  countRows(table: LocalTable): Promise<number>
  close(): void
}

/**
 * One unsandboxed in-memory DuckDB for the whole run, created on first use.
 * It only reads files the engine itself chose (staged outputs, inputs);
 * notebooks never reach it. Parquet row counts come from file metadata.
 */
export function createTableInspector(): TableInspector {
  let instance: Promise<DuckDBInstance> | undefined
  const query = async (sql: string): Promise<unknown[][]> => {
    instance ??= loadDuckDB().then((duckdb) =>
      duckdb.DuckDBInstance.create(':memory:')
    )
    const connection = await (await instance).connect()
    try {
      const reader = await connection.runAndReadAll(sql)
      return reader.getRowsJson() as unknown[][]
    } finally {
      connection.closeSync()
    }
  }
  return {
    async describe(table) {
      const rows = await query(
        `DESCRIBE SELECT * FROM ${await readExpression(table)}`
      )
      return rows.map(([name, type]) => ({
        name: String(name),
        type: toSparkType(String(type))
      }))
    },
    async countRows(table) {
      const rows = await query(
        `SELECT count(*) FROM ${await readExpression(table)}`
      )
      return Number(rows[0][0])
    },
    close() {
      if (!instance) return
      void instance.then((db) => db.closeSync()).catch(() => undefined)
      instance = undefined
    }
  }
}
