import path from 'node:path'
import { tokenizeSql } from '../../notebooks/index.js'
import type { SqlToken } from '../../notebooks/index.js'

/**
 * DuckDB table functions a notebook may not call: they change logging for
 * the whole process, and a log folder the sandbox refuses makes DuckDB
 * throw from a destructor, which aborts the process (C++ `terminate`).
 */
const REFUSED_FUNCTIONS = new Set([
  'enable_logging',
  'disable_logging',
  'truncate_duckdb_logs'
])

/** Statements that write a file named by a string: COPY … TO, EXPORT, ATTACH. */
type Target =
  | { readonly ok: true; readonly file?: string }
  | {
      readonly ok: false
      readonly reason: string
    }

const solid = (t: SqlToken): boolean =>
  t.kind !== 'space' && t.kind !== 'comment'

const word = (t: SqlToken | undefined): string =>
  t && (t.kind === 'word' || t.kind === 'quoted')
    ? (t.value ?? t.text).toLowerCase()
    : ''

const literal = (t: SqlToken | undefined): string | undefined =>
  t && (t.kind === 'string' || t.kind === 'dollar-string') && t.closed !== false
    ? t.value
    : undefined

/** The file a statement writes, if it is one that writes a file. */
function writtenFile(tokens: readonly SqlToken[]): Target {
  const first = word(tokens[0])
  if (first === 'copy') {
    let depth = 0
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]
      if (t.text === '(') depth++
      else if (t.text === ')') depth--
      else if (depth === 0 && word(t) === 'to') {
        // COPY FROM DATABASE a TO b copies between attached databases.
        if (word(tokens[1]) === 'from' && word(tokens[2]) === 'database') {
          return { ok: true }
        }
        const file = literal(tokens[i + 1])
        return file === undefined
          ? {
              ok: false,
              reason:
                'COPY … TO must name its file as a string in the step’s output staging folder'
            }
          : { ok: true, file }
      }
    }
    return { ok: true }
  }
  if (first === 'export' || first === 'attach') {
    const file = tokens.map(literal).find((v) => v !== undefined)
    if (file === undefined) {
      return {
        ok: false,
        reason: `${first.toUpperCase()} must name its file as a string`
      }
    }
    if (first === 'attach' && (file === ':memory:' || file === '')) {
      return { ok: true }
    }
    return { ok: true, file }
  }
  return { ok: true }
}

/** True when `file` is `dir` or inside it. */
function inside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file)
  return (
    relative === '' ||
    (!relative.startsWith('..') && !path.isAbsolute(relative))
  )
}

/**
 * Why the local engine refuses to run a notebook statement, or undefined.
 * A statement may write files only inside `writable` (the step's staging
 * folders and private temporary folder): DuckDB's sandbox lets a step
 * write wherever it may read, so without this check `COPY … TO` an input
 * would overwrite it. Relative paths resolve against `cwd`, as DuckDB
 * resolves them in the worker. Calls of `REFUSED_FUNCTIONS` are refused
 * wherever they appear.
 */
export function checkSqlStatement(
  text: string,
  writable: readonly string[],
  cwd: string
): string | undefined {
  const tokens = tokenizeSql(text).filter(solid)
  for (const t of tokens) {
    const name = word(t)
    if (REFUSED_FUNCTIONS.has(name)) {
      return `${name}() is refused by the local engine: it changes DuckDB’s logging for the whole process; remove the call (local runs keep each step’s output in its log).`
    }
  }
  const target = writtenFile(tokens)
  if (!target.ok) {
    return `${target.reason}; a SQL step writes only its declared outputs (CREATE OR REPLACE TABLE IDENTIFIER(:name_out) AS …).`
  }
  if (target.file === undefined) return undefined
  const file = target.file
  const resolved =
    file.includes('://') || file.startsWith('~')
      ? undefined
      : path.resolve(cwd, file)
  if (resolved && writable.some((dir) => inside(resolved, dir))) {
    return undefined
  }
  return `'${file}' is outside what this step may write: inputs and sources are read-only, and a SQL step writes only its declared outputs (CREATE OR REPLACE TABLE IDENTIFIER(:name_out) AS …).`
}
