import path from 'node:path'
import { tokenizeSql } from '../../../notebooks/index.js'
import type { SqlToken } from '../../../notebooks/index.js'

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

/**
 * The solid tokens, with string literals that DuckDB joins (two literals
 * with only blanks and comments between them, a line break among them)
 * made one string token.
 */
function joinLiterals(tokens: readonly SqlToken[]): SqlToken[] {
  const out: SqlToken[] = []
  let gap = ''
  for (const t of tokens) {
    if (!solid(t)) {
      gap += t.kind === 'comment' ? '' : t.text
      continue
    }
    const last = out[out.length - 1]
    if (
      t.kind === 'string' &&
      last?.kind === 'string' &&
      literal(last) !== undefined &&
      literal(t) !== undefined &&
      gap.includes('\n')
    ) {
      out[out.length - 1] = { ...last, value: last.value! + t.value! }
    } else {
      out.push(t)
    }
    gap = ''
  }
  return out
}

/**
 * The statement a wrapper runs: `EXPLAIN [ANALYZE] s` and `PREPARE p AS s`
 * run `s`; `EXECUTE p` runs what was prepared, which this guard cannot see
 * (DuckDB's sandbox holds it anyway).
 */
function unwrap(tokens: readonly SqlToken[]): readonly SqlToken[] {
  let at = 0
  for (;;) {
    const first = word(tokens[at])
    if (first === 'explain') {
      at += word(tokens[at + 1]) === 'analyze' ? 2 : 1
    } else if (first === 'prepare' && word(tokens[at + 2]) === 'as') {
      at += 3
    } else if (first === 'prepare' && tokens[at + 2]?.text === '(') {
      // PREPARE p (types) AS s
      let i = at + 2
      while (i < tokens.length && tokens[i].text !== ')') i++
      if (word(tokens[i + 1]) !== 'as') return tokens.slice(at)
      at = i + 2
    } else {
      return tokens.slice(at)
    }
  }
}

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

/** A folder of copies a step reads, and the folder its files came from. */
export interface ReadOnlyFolder {
  readonly copy: string
  readonly original: string
}

/**
 * Why the local engine refuses to run a notebook statement, or undefined:
 * an early, friendly message, not the sandbox. DuckDB's sandbox is what
 * holds a step (a SQL step reads copies of its inputs and may write only
 * its staging and private folders, whatever SQL runs); this reads the
 * statement's text and names the file a `COPY … TO`, `EXPORT` or `ATTACH`
 * aims at outside `writable`, or at a copy in `readOnly` (named by the
 * file it stands for), before anything has run. Relative paths resolve
 * against `cwd`, as DuckDB resolves them in the worker. Calls of
 * `REFUSED_FUNCTIONS` are refused wherever they appear.
 */
export function checkSqlStatement(
  text: string,
  writable: readonly string[],
  cwd: string,
  readOnly: readonly ReadOnlyFolder[] = []
): string | undefined {
  const tokens = joinLiterals(tokenizeSql(text))
  for (const t of tokens) {
    const name = word(t)
    if (REFUSED_FUNCTIONS.has(name)) {
      return `${name}() is refused by the local engine: it changes DuckDB’s logging for the whole process; remove the call (local runs keep each step’s output in its log).`
    }
  }
  const target = writtenFile(unwrap(tokens))
  if (!target.ok) {
    return `${target.reason}; a SQL step writes only its declared outputs (CREATE OR REPLACE TABLE IDENTIFIER(:name_out) AS …).`
  }
  if (target.file === undefined) return undefined
  const file = target.file
  const resolved =
    file.includes('://') || file.startsWith('~')
      ? undefined
      : path.resolve(cwd, file)
  const input = resolved
    ? readOnly.find((r) => inside(resolved, r.copy))
    : undefined
  const shown = input
    ? path.join(input.original, path.relative(input.copy, resolved!))
    : file
  if (!input && resolved && writable.some((dir) => inside(resolved, dir))) {
    return undefined
  }
  return `'${shown}' is outside what this step may write: inputs and sources are read-only, and a SQL step writes only its declared outputs (CREATE OR REPLACE TABLE IDENTIFIER(:name_out) AS …).`
}
