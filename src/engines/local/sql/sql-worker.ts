// A SQL worker process of the local engine (started by `sql-child.ts`). It
// runs one job at a time, each in a fresh in-memory DuckDB, so a native
// abort of DuckDB (C++ `terminate`) ends this process and fails that step,
// never the run. It imports nothing of dtflw's at run time (types only), so
// Node runs it from the sources, from `lib/` and from `dist/` alike.
import { createRequire, enableCompileCache } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type {
  DescribedRelation,
  SqlJob,
  SqlJobError,
  SqlWorkerMessage,
  SqlWorkerRequest
} from './sql-job.js'

type DuckDB = typeof import('@duckdb/node-api')
type Connection = import('@duckdb/node-api').DuckDBConnection

const END_OF_JOB = '\u0000dtflw-end-of-job'
/** Rows of a query result shown in the step log, as a notebook shows them. */
const SHOWN_ROWS = 20

type Instance = import('@duckdb/node-api').DuckDBInstance

let running: Connection | undefined
/** Set by an interrupt: no further statement of the job starts. */
let stopped = false

async function importDuckDB(searchFrom: string | undefined): Promise<DuckDB> {
  try {
    return await import('@duckdb/node-api')
  } catch (first) {
    if (!searchFrom) throw first
    try {
      const require = createRequire(path.join(searchFrom, 'package.json'))
      const entry = require.resolve('@duckdb/node-api')
      return (await import(pathToFileURL(entry).href)) as DuckDB
    } catch {
      throw first
    }
  }
}

// As in the bin: V8 keeps the compiled code of DuckDB's JavaScript layer
// between runs, a third of the time it takes to load.
enableCompileCache?.()
// DuckDB loads as the process starts, and the database of the next job is
// opened while the worker waits for it: a step finds both ready, and the
// engine starts workers as a run begins, so the first step does not wait
// for Node and DuckDB to load either. A failed load is the first job's
// error.
const duckdb = importDuckDB(process.argv[2])
duckdb.catch(() => undefined)
function open(): Promise<Instance> {
  const opening = duckdb.then((m) => m.DuckDBInstance.create(':memory:'))
  opening.catch(() => undefined)
  return opening
}
/** The database of the next job: each job takes it and opens the one after. */
let next = open()
/** The engine's own database (`inspect`), opened once the first job's is. */
const inspection = next.then(open, open)

function send(message: SqlWorkerMessage): void {
  process.send?.(message)
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]
  return line.length > 100 ? `${line.slice(0, 97)}…` : line
}

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

/** How a job ended: an error, or the relations it was asked to describe. */
interface JobEnd {
  readonly error?: SqlJobError
  readonly described?: DescribedRelation[]
}

async function runJob(job: SqlJob): Promise<JobEnd> {
  const log = (line: string): void => send({ type: 'log', id: job.id, line })
  let ResultReturnType: DuckDB['ResultReturnType']
  try {
    ;({ ResultReturnType } = await duckdb)
  } catch (error) {
    return { error: { phase: 'load', message: (error as Error).message } }
  }
  process.chdir(job.cwd)
  let instance: Instance
  try {
    instance = await next
  } catch (error) {
    next = open()
    throw error
  }
  const connection = await instance.connect()
  running = connection
  try {
    for (const statement of [`SET threads = ${job.threads}`, ...job.setup]) {
      try {
        await connection.run(statement)
      } catch (error) {
        const message = (error as Error).message
        return { error: { phase: 'setup', message, statement } }
      }
    }
    for (const [index, statement] of job.statements.entries()) {
      if (stopped) {
        return { error: { phase: 'statement', index, message: 'interrupted' } }
      }
      if (statement.skip) {
        log(
          `line ${statement.line}: ${firstLine(statement.text)} (a widget: the flow passes its value, else its default applies)`
        )
        continue
      }
      const started = Date.now()
      try {
        const reader = await connection.streamAndReadUntil(
          statement.text,
          SHOWN_ROWS + 1
        )
        log(
          `line ${statement.line}: ${firstLine(statement.shown ?? statement.text)} (${Date.now() - started} ms)`
        )
        if (reader.returnType === ResultReturnType.QUERY_RESULT) {
          for (const row of renderRows(
            reader.columnNames(),
            reader.getRowsJson()
          )) {
            log(`  ${row}`)
          }
        }
      } catch (error) {
        const message = (error as Error).message
        return { error: { phase: 'statement', index, message } }
      }
    }
    for (const output of job.exports) {
      if (stopped) return { error: { phase: 'export', message: 'interrupted' } }
      const found = await firstRelation(connection, output.candidates)
      if (!found) continue
      try {
        await connection.run(output.copy.replace('{}', found))
      } catch (error) {
        return { error: { phase: 'export', message: (error as Error).message } }
      }
    }
    if (!job.describe) return {}
    const described: DescribedRelation[] = []
    for (const candidates of job.describe) {
      const found = await firstRelation(connection, candidates)
      if (!found) {
        described.push(null)
        continue
      }
      try {
        const reader = await connection.runAndReadAll(`DESCRIBE ${found}`)
        described.push(reader.getRowsJson() as unknown[][])
      } catch (error) {
        const message = (error as Error).message
        return { error: { phase: 'describe', message } }
      }
    }
    return { described }
  } finally {
    running = undefined
    connection.closeSync()
    // Freeing a database that held a large table takes tens of
    // milliseconds: after the step's answer is on its way, not before.
    setImmediate(() => instance.closeSync())
    next = open()
  }
}

/** The first candidate relation that exists; none is not an error here. */
async function firstRelation(
  connection: Connection,
  candidates: readonly string[]
): Promise<string | undefined> {
  for (const relation of candidates) {
    try {
      await connection.run(`SELECT * FROM ${relation} LIMIT 0`)
      return relation
    } catch {
      continue
    }
  }
  return undefined
}

/**
 * The engine's own queries, in one database kept for them: no notebook
 * statement ever runs in it, and the files it reads are the ones the
 * engine chose (staged outputs, inputs).
 */
async function inspect(queries: readonly string[]): Promise<unknown[][][]> {
  const connection = await (await inspection).connect()
  try {
    const results: unknown[][][] = []
    for (const query of queries) {
      const reader = await connection.runAndReadAll(query)
      results.push(reader.getRowsJson() as unknown[][])
    }
    return results
  } finally {
    connection.closeSync()
  }
}

process.on('message', (request: SqlWorkerRequest) => {
  if (request.type === 'interrupt') {
    stopped = true
    running?.interrupt()
    return
  }
  if (request.type === 'inspect') {
    const { id } = request
    void inspect(request.queries).then(
      (results) => send({ type: 'inspected', id, results }),
      (error: unknown) =>
        send({ type: 'inspected', id, error: (error as Error).message })
    )
    return
  }
  const { job } = request
  stopped = false
  void runJob(job)
    .catch((error: unknown): JobEnd => ({
      error: { phase: 'setup', message: (error as Error).message }
    }))
    .then(({ error, described }) => {
      process.stdout.write(`${END_OF_JOB}\n`)
      process.stderr.write(`${END_OF_JOB}\n`)
      send({
        type: 'done',
        id: job.id,
        ...(error ? { error } : {}),
        ...(described ? { described } : {})
      })
    })
})
// The engine is gone (killed): so is this step.
process.on('disconnect', () => process.exit(0))
