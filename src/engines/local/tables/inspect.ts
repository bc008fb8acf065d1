import type { ActualColumn } from '../../columns.js'
import { toSparkType } from './columns.js'
import type { SqlWorker } from '../sql/index.js'
import { readExpression } from './tables.js'
import type { LocalTable } from './tables.js'
import type { WorkerPool } from '../../worker-pool.js'

/** Reads the shape of written tables, for output checks and row counts. */
export interface TableInspector {
  /** Columns with Spark type names. */
  describe(table: LocalTable): Promise<ActualColumn[]>
  countRows(table: LocalTable): Promise<number>
}

/**
 * Asks an idle SQL worker (the one the step just gave back, as a rule),
 * so the engine's own process never loads DuckDB: that load would take
 * the CPU a starting worker needs. The worker answers from a database
 * kept for these queries, which only reads files the engine chose
 * (staged outputs, inputs). Parquet row counts come from file metadata.
 */
export function createTableInspector(
  workers: WorkerPool<SqlWorker>
): TableInspector {
  const query = inspectQuery(workers)
  return {
    async describe(table) {
      return describeRelation(query, await readExpression(table))
    },
    async countRows(table) {
      const rows = await query(
        `SELECT count(*) FROM ${await readExpression(table)}`
      )
      return Number(rows[0][0])
    }
  }
}

/** One query's rows from an idle SQL worker's own database. */
export function inspectQuery(
  workers: WorkerPool<SqlWorker>
): (sql: string) => Promise<unknown[][]> {
  return async (sql) => {
    const worker = workers.acquire()
    try {
      const [rows] = await worker.inspect([sql])
      return rows
    } finally {
      workers.release(worker)
    }
  }
}

/** The columns of a relation, with Spark type names. */
export async function describeRelation(
  query: (sql: string) => Promise<unknown[][]>,
  relation: string
): Promise<ActualColumn[]> {
  const rows = await query(`DESCRIBE SELECT * FROM ${relation}`)
  return rows.map(([name, type]) => ({
    name: String(name),
    type: toSparkType(String(type))
  }))
}
