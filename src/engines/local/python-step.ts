import { spawn } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import type { Notebook } from '../../notebooks/index.js'
import { PYTHON_HARNESS } from './python-harness.js'
import { fileLine } from './sql-step.js'
import { StepFailure } from './step-failure.js'
import { bindSql, splitSql } from './sql-params.js'
import type { SqlParameter } from './sql-params.js'
import type { DuckdbStepSql } from './step-tables.js'

/** Which `spark` a Python step gets. */
export type SparkChoice = 'auto' | 'pyspark' | 'duckdb'

/** What a Python step needs. */
export interface PythonStepInput {
  readonly root: string
  readonly python: string
  readonly spark: SparkChoice
  readonly notebook: Notebook
  /** The values `dbutils.widgets.get` returns. */
  readonly parameters: Readonly<Record<string, string>>
  /** The same parameters as `%sql` cells bind them. */
  readonly sqlParameters: Readonly<Record<string, SqlParameter>>
  readonly duckdb: DuckdbStepSql
  readonly threads: number
  /** A private folder for the spec and result files. */
  readonly workDir: string
  readonly signal: AbortSignal
  readonly log: (line: string) => void
}

/** Seconds between SIGTERM and SIGKILL when a step is aborted. */
const KILL_GRACE_MS = 3000
/** Lines of stderr kept for an error that left no result. */
const STDERR_TAIL = 40

interface HarnessResult {
  readonly exitValue?: string
  readonly error?: {
    readonly type: string
    readonly message: string
    readonly line: number | null
    readonly traceback: string
  }
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
        message: `${notebook.path}:${fileLine(cell, bound.line)}: ${bound.message}`
      })
    }
    const at = (s: { text: string; line: number }): object => ({
      text: s.text,
      fileLine: fileLine(cell, s.line)
    })
    return [
      {
        kind: 'sql',
        statements: bound.statements.map(at),
        rawStatements: splitSql(cell.source).map(at)
      }
    ]
  })
}

/**
 * Runs a notebook with python3 and the harness, the repository root as
 * working folder, so relative paths in parameters work as given. Output and
 * error lines go to `log`; a notebook error becomes a `notebook` failure
 * with the traceback as detail; aborting kills the process. Resolves with
 * the value passed to `dbutils.notebook.exit`, if any.
 */
export async function executePythonStep(
  input: PythonStepInput
): Promise<{ exitValue?: string }> {
  const { notebook, signal, log } = input
  await mkdir(input.workDir, { recursive: true })
  const specFile = path.join(input.workDir, 'spec.json')
  const resultFile = path.join(input.workDir, 'result.json')
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
    exports: input.duckdb.exports,
    result: resultFile
  }
  await writeFile(specFile, JSON.stringify(spec))
  try {
    const stderrTail: string[] = []
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        input.python,
        ['-u', '-c', PYTHON_HARNESS, specFile],
        {
          cwd: input.root,
          stdio: ['ignore', 'pipe', 'pipe']
        }
      )
      let killTimer: NodeJS.Timeout | undefined
      const kill = (): void => {
        child.kill('SIGTERM')
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS)
        killTimer.unref()
      }
      if (signal.aborted) kill()
      signal.addEventListener('abort', kill, { once: true })
      createInterface({ input: child.stdout }).on('line', (line) => log(line))
      createInterface({ input: child.stderr }).on('line', (line) => {
        stderrTail.push(line)
        if (stderrTail.length > STDERR_TAIL) stderrTail.shift()
        log(line)
      })
      child.once('error', (error) => {
        signal.removeEventListener('abort', kill)
        reject(error)
      })
      child.once('close', (exitCode) => {
        signal.removeEventListener('abort', kill)
        if (killTimer) clearTimeout(killTimer)
        resolve(exitCode)
      })
    }).catch((error: NodeJS.ErrnoException) => {
      throw new StepFailure({
        kind: 'engine',
        message:
          error.code === 'ENOENT'
            ? `${input.python} was not found: the local engine runs Python notebooks with it; install Python 3 or point the engine at another interpreter.`
            : `${input.python} could not be started: ${error.message}`
      })
    })
    if (signal.aborted) return {}

    const result = await readResult(resultFile)
    if (!result) {
      throw new StepFailure({
        kind: 'engine',
        message: `${input.python} ended (exit code ${code}) before ${notebook.path} finished.`,
        detail: stderrTail.join('\n')
      })
    }
    if (result.error) {
      const where = result.error.line
        ? `${notebook.path}:${result.error.line}`
        : notebook.path
      throw new StepFailure({
        kind: 'notebook',
        message: `${where}: ${lastLine(result.error.message)}`,
        detail: result.error.traceback || result.error.message
      })
    }
    return result.exitValue !== undefined ? { exitValue: result.exitValue } : {}
  } finally {
    await rm(input.workDir, { recursive: true, force: true })
  }
}

async function readResult(file: string): Promise<HarnessResult | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as HarnessResult
  } catch {
    return undefined
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n')
  return lines[lines.length - 1]
}
