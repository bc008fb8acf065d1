import type { DuckDBConnection } from '@duckdb/node-api'
import type { Cell, Notebook } from '../../notebooks/index.js'
import { loadDuckDB } from './duckdb.js'
import { StepFailure } from './step-failure.js'
import { bindSql } from './sql-params.js'
import type { SqlParameter } from './sql-params.js'
import type { DuckdbStepSql } from './step-tables.js'

/** What a SQL step needs: its notebook, bound parameters and DuckDB plan. */
export interface SqlStepInput {
  readonly notebook: Notebook
  readonly parameters: Readonly<Record<string, SqlParameter>>
  readonly duckdb: DuckdbStepSql
  /** DuckDB worker threads for this step. */
  readonly threads: number
  readonly signal: AbortSignal
  readonly log: (line: string) => void
}

/** Rows of a query result shown in the step log, as a notebook shows them. */
const SHOWN_ROWS = 20

/** The file line of a line of a cell's source. */
export function fileLine(cell: Cell, sourceLine: number): number {
  return (cell.sourceLine ?? cell.line) + sourceLine - 1
}

/** Databricks SQL widget statements, which mean nothing to DuckDB. */
const WIDGET_STATEMENT = /^(CREATE|REMOVE)\s+WIDGET\b/i

function firstLine(text: string): string {
  const line = text.split('\n')[0]
  return line.length > 100 ? `${line.slice(0, 97)}…` : line
}

/**
 * Runs a notebook's SQL cells in a fresh in-memory DuckDB: inputs as views,
 * the sandbox locked, then every statement in order, one at a time so an
 * error names the cell and the statement's line in the notebook. After the
 * notebook, each output table is copied to its staging file. Aborting
 * interrupts the running statement.
 */
export async function executeSqlStep(input: SqlStepInput): Promise<void> {
  const { notebook, signal, log } = input
  const { DuckDBInstance, ResultReturnType } = await loadDuckDB()
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(input.threads)
  })
  const connection = await instance.connect()
  const interrupt = (): void => connection.interrupt()
  signal.addEventListener('abort', interrupt, { once: true })
  try {
    for (const statement of [...input.duckdb.setup, ...input.duckdb.sandbox]) {
      await runSetup(connection, statement)
    }
    for (const cell of notebook.cells) {
      if (cell.kind !== 'sql') continue
      const bound = bindSql(cell.source, input.parameters)
      if (!bound.ok) {
        throw new StepFailure({
          kind: 'notebook',
          message: `${notebook.path}:${fileLine(cell, bound.line)}: ${bound.message}`
        })
      }
      for (const statement of bound.statements) {
        if (signal.aborted) return
        const line = fileLine(cell, statement.line)
        if (WIDGET_STATEMENT.test(statement.text)) {
          log(
            `line ${line}: ${firstLine(statement.text)} (skipped: parameters come from the flow)`
          )
          continue
        }
        const started = Date.now()
        try {
          const reader = await connection.streamAndReadUntil(
            statement.text,
            SHOWN_ROWS + 1
          )
          const took = Date.now() - started
          log(`line ${line}: ${firstLine(statement.text)} (${took} ms)`)
          if (reader.returnType === ResultReturnType.QUERY_RESULT) {
            for (const row of renderRows(
              reader.columnNames(),
              reader.getRowsJson()
            )) {
              log(`  ${row}`)
            }
          }
        } catch (error) {
          if (signal.aborted) return
          const message = (error as Error).message
          throw new StepFailure({
            kind: 'notebook',
            message: `${notebook.path}:${line}: ${message.split('\n')[0]}`,
            detail: `${message}\n\nin cell ${cell.index + 1}, statement at line ${line}:\n${statement.text}`
          })
        }
      }
    }
    for (const output of input.duckdb.exports) {
      if (signal.aborted) return
      await exportOutput(connection, output.candidates, output.copy)
    }
  } finally {
    signal.removeEventListener('abort', interrupt)
    connection.closeSync()
    instance.closeSync()
  }
}

async function runSetup(
  connection: DuckDBConnection,
  statement: string
): Promise<void> {
  try {
    await connection.run(statement)
  } catch (error) {
    throw new StepFailure({
      kind: 'engine',
      message: `the local engine could not prepare the step's tables: ${(error as Error).message.split('\n')[0]}`,
      detail: `${(error as Error).message}\n\n${statement}`
    })
  }
}

/** Copies the first candidate relation that exists; none is not an error here. */
async function exportOutput(
  connection: DuckDBConnection,
  candidates: readonly string[],
  copy: string
): Promise<void> {
  for (const relation of candidates) {
    try {
      await connection.run(`SELECT * FROM ${relation} LIMIT 0`)
    } catch {
      continue
    }
    await connection.run(copy.replace('{}', relation))
    return
  }
}

/** A result as `col | col` lines, the first rows only. */
function renderRows(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[]
): string[] {
  const lines = [columns.join(' | ')]
  for (const row of rows.slice(0, SHOWN_ROWS)) {
    lines.push(row.map((v) => (v === null ? 'NULL' : String(v))).join(' | '))
  }
  if (rows.length > SHOWN_ROWS) lines.push('…')
  return lines
}
