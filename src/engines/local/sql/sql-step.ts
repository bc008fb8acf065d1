import type { Notebook } from '../../../notebooks/index.js'
import type { SqlWorker } from './sql-child.js'
import { checkSqlStatement } from './sql-guard.js'
import type { ReadOnlyFolder } from './sql-guard.js'
import type { SqlJob, SqlJobStatement } from './sql-job.js'
import { explainSqlError, StepFailure } from '../failure/index.js'
import { bindSql } from './sql-params.js'
import type { SqlParameter } from './sql-params.js'
import type { DuckdbStepSql } from './step-sql.js'
import { streamOutputs } from './stream-outputs.js'
import {
  duckdbSummary,
  errorLineIn,
  fileLine,
  isWidgetStatement,
  linesBeforeCode,
  notebookPlace
} from '../notebook/index.js'

/** What a SQL step needs: its notebook, bound parameters and DuckDB plan. */
export interface SqlStepInput {
  /** The repository root, against which a notebook's paths are told. */
  readonly root: string
  readonly notebook: Notebook
  readonly parameters: Readonly<Record<string, SqlParameter>>
  readonly duckdb: DuckdbStepSql
  /** DuckDB worker threads for this step. */
  readonly threads: number
  /** The step's private folder (DuckDB's temporary folder, the worker's cwd). */
  readonly tmp: string
  /** Folders the notebook's statements may write: staging and `tmp`. */
  readonly writable: readonly string[]
  /** The copies of its inputs it reads, which it may not write. */
  readonly readOnly: readonly ReadOnlyFolder[]
  readonly worker: () => SqlWorker
  readonly release: (worker: SqlWorker) => void
  readonly signal: AbortSignal
  readonly log: (line: string) => void
}

/** Time a worker gets to stop after an interrupt before it is killed. */
const INTERRUPT_GRACE_MS = 2000

let jobs = 0

/**
 * Every statement of the notebook, bound and checked before any runs: a
 * `${name}` that is not a parameter or a statement the sandbox refuses
 * fails the step naming the file and line, and nothing has run.
 */
export function planSqlStatements(input: SqlStepInput): SqlJobStatement[] {
  const { notebook } = input
  const statements: SqlJobStatement[] = []
  for (const cell of notebook.cells) {
    if (cell.kind !== 'sql') continue
    const bound = bindSql(cell.source, input.parameters)
    if (!bound.ok) {
      throw new StepFailure({
        kind: 'notebook',
        message: `${notebookPlace(notebook, cell, bound.line)}: ${bound.message}`
      })
    }
    for (const statement of bound.statements) {
      const line = fileLine(cell, statement.line)
      const skip = isWidgetStatement(statement.text)
      const refused = skip
        ? undefined
        : checkSqlStatement(
            statement.text,
            input.writable,
            input.tmp,
            input.readOnly
          )
      if (refused) {
        throw new StepFailure({
          kind: 'notebook',
          message: `${notebookPlace(notebook, cell, statement.line)}: ${refused}`,
          detail: statement.text
        })
      }
      statements.push({
        text: statement.text,
        line,
        cell: cell.index,
        ...(skip ? { skip } : {})
      })
    }
  }
  return statements
}

/**
 * Runs a notebook's SQL cells in a SQL worker process, in a fresh
 * in-memory DuckDB: DuckDB's temporary folder set to the step's own, the
 * inputs as views, the sandbox locked, then every statement in order so an
 * error names the cell and the statement's line in the notebook; then each
 * output table is copied to its staging file. Aborting interrupts the
 * running statement (and kills the worker if it does not stop). A worker
 * that dies (a native abort) fails this step with what it printed.
 */
export async function executeSqlStep(input: SqlStepInput): Promise<void> {
  const { notebook, signal, log } = input
  const { statements, exports } = streamOutputs(
    planSqlStatements(input),
    input.duckdb.exports
  )
  const job: SqlJob = {
    id: ++jobs,
    threads: input.threads,
    cwd: input.tmp,
    setup: [...input.duckdb.setup, ...input.duckdb.sandbox],
    statements,
    exports
  }
  if (signal.aborted) return
  const worker = input.worker()
  let killTimer: NodeJS.Timeout | undefined
  const interrupt = (): void => {
    worker.interrupt()
    killTimer = setTimeout(() => worker.kill(), INTERRUPT_GRACE_MS)
    killTimer.unref()
  }
  signal.addEventListener('abort', interrupt, { once: true })
  let result
  try {
    result = await worker.run(job, log, log)
  } finally {
    signal.removeEventListener('abort', interrupt)
    if (killTimer) clearTimeout(killTimer)
    input.release(worker)
  }
  if (signal.aborted) return
  if (result.crashed !== undefined) {
    throw new StepFailure({
      kind: 'engine',
      message: `DuckDB ended its process while running ${notebook.path} (${result.crashed.split('\n')[0]}); the step's output is in its log.`,
      detail: result.crashed
    })
  }
  const error = result.error
  if (!error) return
  const first = error.message.split('\n')[0]
  if (error.phase === 'statement') {
    const statement = statements[error.index ?? 0]
    const written = statement.shown ?? statement.text
    const cell = notebook.cells[statement.cell]
    // The line the statement's text starts on in its cell (comments before
    // its first word are part of the text), then the line DuckDB blames.
    const start =
      statement.line - fileLine(cell, 1) + 1 - linesBeforeCode(written)
    const bad = start + errorLineIn(error.message, statement.text, written)
    const place = notebookPlace(notebook, cell, bad)
    throw new StepFailure({
      kind: 'notebook',
      message: `${place}: ${explainSqlError(duckdbSummary(error.message), input.root)}`,
      // DuckDB's LINE counts in the statement as it ran; say where that is.
      detail: `${error.message}\n\nat ${place}, in cell ${statement.cell + 1}, statement from line ${statement.line}:\n${written}`
    })
  }
  throw new StepFailure({
    kind: 'engine',
    message: {
      load: `the local engine could not load DuckDB (@duckdb/node-api): ${first}; reinstall it (npm install) for this machine's platform.`,
      setup: `the local engine could not prepare the step's tables: ${first}`,
      export: `the local engine could not write an output of ${notebook.path}: ${first}`,
      describe: `the local engine could not read the columns of an output of ${notebook.path}: ${first}`
    }[error.phase],
    detail: error.statement
      ? `${error.message}\n\n${error.statement}`
      : error.message
  })
}
