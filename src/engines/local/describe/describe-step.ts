import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PlannedOutput, PlannedStep } from '../../../flow/index.js'
import type { Notebook } from '../../../notebooks/index.js'
import {
  applyWidgetDefaults,
  duckdbSummary,
  errorLineIn,
  fileLine,
  findWidgetDefaults,
  isWidgetStatement,
  linesBeforeCode,
  notebookPlace
} from '../notebook/index.js'
import {
  bindSql,
  checkSqlStatement,
  planShapeStatements,
  quoteIdentifier
} from '../sql/index.js'
import type { SqlJob, SqlJobStatement, SqlWorker } from '../sql/index.js'
import {
  grantFor,
  planDuckdbStepSql,
  planSqlParameters,
  readExpression,
  resolveLocalTable,
  withStagedOutputs
} from '../tables/index.js'
import type { LocalTable, StepInput, StepOutput } from '../tables/index.js'
import { explainSqlError } from '../failure/index.js'
import type { WorkerPool } from '../../worker-pool.js'

/** A column as DuckDB describes it: its name and DuckDB type. */
export interface DuckdbColumn {
  readonly name: string
  readonly type: string
}

/** The columns found, or why none could be. */
export type Described =
  | { readonly ok: true; readonly columns: readonly DuckdbColumn[] }
  | { readonly ok: false; readonly why: string }

let jobs = 0

/**
 * A relation with the given columns and no rows, for an input whose file
 * is not there (a table no run has written yet): a step's SQL binds to it
 * as to the table, and a view over it has the types the table would have.
 */
export function typedEmptyRelation(columns: readonly DuckdbColumn[]): string {
  const list = columns.map(
    (c) => `CAST(NULL AS ${c.type}) AS ${quoteIdentifier(c.name)}`
  )
  return `(SELECT ${list.join(', ')} LIMIT 0)`
}

/** A worker's answer to a describe job, as columns or why not. */
async function runDescribeJob(
  workers: WorkerPool<SqlWorker>,
  job: SqlJob,
  explain: (error: { index?: number; message: string }) => string
): Promise<Described> {
  const worker = workers.acquire()
  let result
  try {
    result = await worker.run(
      job,
      () => undefined,
      () => undefined
    )
  } finally {
    workers.release(worker)
  }
  if (result.crashed !== undefined) {
    return {
      ok: false,
      why: `DuckDB ended its process while describing it (${result.crashed.split('\n')[0]})`
    }
  }
  if (result.error) {
    if (result.error.phase === 'load') {
      return {
        ok: false,
        why: `the local engine could not load DuckDB (@duckdb/node-api): ${result.error.message.split('\n')[0]}`
      }
    }
    return { ok: false, why: explain(result.error) }
  }
  const rows = result.described?.[0]
  if (!rows) return { ok: false, why: '' }
  return {
    ok: true,
    columns: rows.map(([name, type]) => ({
      name: String(name),
      type: String(type)
    }))
  }
}

/** What DuckDB says, in one line. */
const said = (message: string): string => duckdbSummary(message)

/** Runs `work` in a new private folder, removed after it. */
export async function inScratchFolder<T>(
  work: (tmp: string) => Promise<T>
): Promise<T> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'dtflw-describe-'))
  try {
    return await work(tmp)
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
}

/** A table's file as a step reads it: its reader and what the sandbox allows. */
export async function fileInput(
  name: string,
  table: LocalTable
): Promise<StepInput> {
  return {
    input: {
      name,
      param: 'table',
      table: name,
      isSource: true,
      optional: false
    },
    table,
    reader: await readExpression(table),
    grant: await grantFor(table)
  }
}

/**
 * The columns of a local file as the local engine reads it (`reader`, the
 * profile's CSV options applied), in a sandboxed DuckDB that may read that
 * file and nothing else.
 */
export function describeFile(
  workers: WorkerPool<SqlWorker>,
  input: StepInput
): Promise<Described> {
  return inScratchFolder((tmp) => {
    const duckdb = planDuckdbStepSql({ inputs: [input], outputs: [] }, tmp)
    return runDescribeJob(
      workers,
      {
        id: ++jobs,
        threads: 1,
        cwd: tmp,
        setup: [...duckdb.setup, ...duckdb.sandbox],
        statements: [],
        exports: [],
        describe: [[quoteIdentifier(input.input.param)]]
      },
      (error) => said(error.message)
    )
  })
}

/** What describing one output of a SQL step needs. */
export interface StepShapeInput {
  readonly root: string
  readonly step: PlannedStep
  readonly output: PlannedOutput
  readonly notebook: Notebook
  /** The step's inputs, each its file or a relation of its learned columns. */
  readonly inputs: readonly StepInput[]
  /** Parameters of inputs no one provides (an optional input's `""`). */
  readonly missing: Readonly<Record<string, string>>
  /** A private folder: DuckDB's working and temporary folder. */
  readonly tmp: string
}

/**
 * The job that describes an output of a SQL step without running it: a
 * fresh DuckDB with the step's inputs as views (the files it would read,
 * read-only, or relations of their learned columns), the sandbox the step
 * gets, then only the notebook's statements that shape tables, its
 * `CREATE TABLE … AS` made views (`planShapeStatements`), and DESCRIBE of
 * the output. No statement writes a row or a file. A notebook that does
 * not bind, or that the sandbox refuses, gives the message instead.
 */
export function planDescribeJob(
  input: StepShapeInput
): { readonly job: SqlJob } | { readonly refused: string } {
  const { step, notebook, tmp } = input
  const outputs: StepOutput[] = step.outputs.map((output) => {
    let table: LocalTable
    try {
      table = resolveLocalTable(input.root, output.location)
    } catch {
      table = { path: path.join(tmp, output.param), format: 'parquet' }
    }
    const staged = path.join(tmp, 'outputs', path.basename(table.path))
    return {
      output,
      table,
      staging: { target: table.path, staged, stagingDir: tmp }
    }
  })
  const tables = { inputs: input.inputs, outputs }
  const { parameters } = applyWidgetDefaults(
    withStagedOutputs(
      input.root,
      step,
      { ...step.parameters, ...input.missing },
      outputs
    ),
    findWidgetDefaults(notebook)
  )
  const bound = planSqlParameters(parameters, tables)
  const statements: SqlJobStatement[] = []
  for (const cell of notebook.cells) {
    if (cell.kind !== 'sql') continue
    const sql = bindSql(cell.source, bound)
    if (!sql.ok) {
      return {
        refused: `${notebookPlace(notebook, cell, sql.line)}: ${sql.message}`
      }
    }
    for (const s of sql.statements) {
      statements.push({
        text: s.text,
        line: fileLine(cell, s.line),
        cell: cell.index,
        ...(isWidgetStatement(s.text) ? { skip: true } : {})
      })
    }
  }
  const shaped = planShapeStatements(statements)
  for (const s of shaped) {
    const refused = checkSqlStatement(s.text, [tmp], tmp)
    if (refused) {
      const cell = notebook.cells[s.cell]
      const at = s.line - fileLine(cell, 1) + 1
      return { refused: `${notebookPlace(notebook, cell, at)}: ${refused}` }
    }
  }
  const duckdb = planDuckdbStepSql(tables, tmp)
  const target = duckdb.exports.find((e) => e.param === input.output.param)
  return {
    job: {
      id: ++jobs,
      threads: 1,
      cwd: tmp,
      setup: [...duckdb.setup, ...duckdb.sandbox],
      statements: shaped,
      exports: [],
      describe: [target?.candidates ?? [quoteIdentifier(input.output.param)]]
    }
  }
}

/**
 * The columns an output of a SQL step would have (`planDescribeJob`), or
 * why they cannot be known that way: the statement DuckDB refuses, named by
 * its notebook line, or a notebook whose SQL does not create the output.
 */
export function describeStepOutput(
  workers: WorkerPool<SqlWorker>,
  input: Omit<StepShapeInput, 'tmp'>
): Promise<Described> {
  return inScratchFolder((tmp) => describeInFolder(workers, { ...input, tmp }))
}

async function describeInFolder(
  workers: WorkerPool<SqlWorker>,
  input: StepShapeInput
): Promise<Described> {
  const planned = planDescribeJob(input)
  if ('refused' in planned) return { ok: false, why: planned.refused }
  const { job } = planned
  const { notebook, step, output } = input
  const described = await runDescribeJob(workers, job, (error) => {
    const statement =
      error.index !== undefined ? job.statements[error.index] : undefined
    if (!statement) {
      return `the inputs of step "${step.key}" do not read: ${said(error.message)}`
    }
    // As a failing step says it: the line DuckDB blames, in the notebook.
    const written = statement.shown ?? statement.text
    const cell = notebook.cells[statement.cell]
    const start =
      statement.line - fileLine(cell, 1) + 1 - linesBeforeCode(written)
    const at = start + errorLineIn(error.message, statement.text, written)
    const message = explainSqlError(said(error.message), input.root)
    return `${notebookPlace(notebook, cell, at)}: ${message}`
  })
  if (described.ok || described.why !== '') return described
  return {
    ok: false,
    why: `${notebook.path} does not create "${output.alias}" with CREATE TABLE … AS, so its SQL alone does not say what columns the table gets`
  }
}
