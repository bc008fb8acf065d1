import type { Notebook } from '../../../notebooks/index.js'
import type { PythonRunner, StepAccess } from './python-runner.js'
import {
  fileLine,
  isWidgetStatement,
  notebookPlace
} from '../notebook/index.js'
import { missingModule, StepFailure } from '../failure/index.js'
import { bindSql, splitSql } from '../sql/index.js'
import type { SqlParameter } from '../sql/index.js'
import type { DuckdbStepSql } from '../sql/index.js'

/** Which `spark` a Python step gets. */
export type SparkChoice = 'auto' | 'pyspark' | 'duckdb'

/** What a Python step needs. */
export interface PythonStepInput {
  readonly root: string
  readonly runner: PythonRunner
  readonly spark: SparkChoice
  readonly notebook: Notebook
  /** The values `dbutils.widgets.get` returns. */
  readonly parameters: Readonly<Record<string, string>>
  /** The same parameters as `%sql` cells bind them. */
  readonly sqlParameters: Readonly<Record<string, SqlParameter>>
  readonly duckdb: DuckdbStepSql
  readonly threads: number
  /** The step's private temporary folder. */
  readonly tmp: string
  /** What a strict sandbox lets the step read and write. */
  readonly access: StepAccess
  readonly signal: AbortSignal
  readonly log: (line: string) => void
}

/** The cells as the harness runs them, `%sql` statements bound here. */
function harnessCells(input: PythonStepInput): unknown[] {
  const { notebook } = input
  return notebook.cells.flatMap((cell): unknown[] => {
    if (cell.kind === 'python') {
      return [
        { kind: 'python', source: cell.source, fileLine: fileLine(cell, 1) }
      ]
    }
    if (cell.kind !== 'sql') return []
    const bound = bindSql(cell.source, input.sqlParameters)
    if (!bound.ok) {
      throw new StepFailure({
        kind: 'notebook',
        message: `${notebookPlace(notebook, cell, bound.line)}: ${bound.message}`
      })
    }
    const at = (s: { text: string; line: number }): object => ({
      text: s.text,
      fileLine: fileLine(cell, s.line)
    })
    // Widget statements declare parameters (read by `findWidgetDefaults`);
    // neither DuckDB nor a local Spark knows them.
    const runnable = (s: { text: string }): boolean =>
      !isWidgetStatement(s.text)
    return [
      {
        kind: 'sql',
        statements: bound.statements.filter(runnable).map(at),
        rawStatements: splitSql(cell.source).filter(runnable).map(at)
      }
    ]
  })
}

/**
 * Runs a notebook in a Python worker (see `dtflw_worker.py`), the
 * repository root as working folder, so relative paths in parameters work
 * as given. The spec goes over a pipe, never to a file. Output lines go to
 * `log`; a notebook error becomes a `notebook` failure with the traceback
 * as detail; aborting kills the worker. Resolves with the value passed to
 * `dbutils.notebook.exit`, if any.
 */
export async function executePythonStep(
  input: PythonStepInput
): Promise<{ exitValue?: string }> {
  const { notebook, signal, log } = input
  const spec = {
    notebook: notebook.path,
    parameters: input.parameters,
    spark: input.spark,
    cells: harnessCells(input),
    duckdb: {
      threads: input.threads,
      setup: input.duckdb.setup,
      sandbox: input.duckdb.sandbox
    },
    exports: input.duckdb.exports
  }
  const done = await input.runner
    .run(
      { spec, cwd: input.root, tmp: input.tmp },
      input.access,
      (_stream, line) => log(line),
      signal
    )
    .catch((error: NodeJS.ErrnoException) => {
      if (error instanceof StepFailure) throw error
      throw new StepFailure({
        kind: 'engine',
        message:
          error.code === 'ENOENT'
            ? `${error.path ?? 'python3'} was not found: the local engine runs Python notebooks with it; install Python 3 or point the engine at another interpreter.`
            : `Python could not be started: ${error.message}`
      })
    })
  if (signal.aborted) return {}
  if (done.crashed !== undefined) {
    throw new StepFailure({
      kind: 'engine',
      message: `the Python process of ${notebook.path} ended without a result (${done.crashed.split('\n')[0]}).`,
      detail: done.crashed
    })
  }
  if (done.error) {
    const where = done.error.line
      ? placeOfLine(notebook, done.error.line)
      : notebook.path
    const said = exceptionLine(done.error.message, done.error.type)
    const module =
      done.error.type === 'ModuleNotFoundError' ||
      done.error.type === 'ImportError'
        ? missingModule(said)
        : undefined
    if (module !== undefined) {
      throw new StepFailure({
        kind: 'environment',
        message: `${where}: ${said}, which ${await input.runner.describe()} lacks: pip install it there (python3 -m pip install -r requirements.txt), or set python: in the profile.`,
        detail: done.error.traceback || done.error.message
      })
    }
    throw new StepFailure({
      kind: 'notebook',
      message: `${where}: ${said}`,
      detail: done.error.traceback || done.error.message
    })
  }
  return done.exitValue !== undefined ? { exitValue: done.exitValue } : {}
}

/**
 * The exception as one line: from the line that names its type (after a
 * SyntaxError's excerpt and caret) to the end, a multi-line message
 * joined, so neither its first nor its last line is lost.
 */
function exceptionLine(message: string, type: string): string {
  const lines = message.trim().split('\n')
  const at = lines.findIndex((l) => l.startsWith(`${type}:`) || l === type)
  const from = at === -1 ? lines.length - 1 : at
  return lines
    .slice(from)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ')
}

/**
 * Where a line the harness reports is: the harness numbers a cell's lines
 * from its `fileLine`, so the cell holding it gives its place (in an
 * `.ipynb`, the cell and its line).
 */
function placeOfLine(notebook: Notebook, line: number): string {
  for (const cell of notebook.cells) {
    const start = fileLine(cell, 1)
    const count = cell.source.split('\n').length
    if (line >= start && line < start + count)
      return notebookPlace(notebook, cell, line - start + 1)
  }
  return `${notebook.path}:${line}`
}
