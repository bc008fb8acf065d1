import { tokenizeSql } from '../../../notebooks/index.js'
import type { SqlToken } from '../../../notebooks/index.js'
import type { SqlJobStatement } from './sql-job.js'

/** What `CREATE …` defines, for the statements that shape a table. */
const SHAPING = new Set([
  'view',
  'macro',
  'function',
  'type',
  'schema',
  'sequence'
])

const solid = (t: SqlToken): boolean =>
  t.kind !== 'space' && t.kind !== 'comment'

const word = (t: SqlToken | undefined): string =>
  t?.kind === 'word' ? t.text.toLowerCase() : ''

/** The index of the last token of a (maybe qualified) name starting at `at`. */
function nameEnd(tokens: readonly SqlToken[], at: number): number {
  let end = at
  while (tokens[end + 1]?.text === '.' && tokens[end + 2]) end += 2
  return end
}

/**
 * A statement as it runs when the step is only described: a `CREATE
 * [OR REPLACE] [TEMP] TABLE t [IF NOT EXISTS] AS <query>` becomes the same
 * `VIEW`, which DuckDB binds (so its columns and their types are known)
 * without running the query; a table with listed columns, a view, macro,
 * type, schema or sequence is created as written; anything else (queries,
 * `INSERT`, `MERGE`, `UPDATE`, `DELETE`, `COPY`, `SET`, `ATTACH`, widgets)
 * is left out: it changes rows or files, not the shape of a table.
 * Undefined for a statement left out.
 */
export function shapeStatement(text: string): string | undefined {
  const tokens = tokenizeSql(text).filter(solid)
  if (word(tokens[0]) !== 'create') return undefined
  let at = 1
  const orReplace = word(tokens[1]) === 'or' && word(tokens[2]) === 'replace'
  if (orReplace) at = 3
  const temporary = ['temp', 'temporary'].includes(word(tokens[at]))
  if (temporary) at++
  const kind = word(tokens[at])
  if (SHAPING.has(kind)) return text
  if (kind !== 'table') return undefined
  at++
  const ifNotExists =
    word(tokens[at]) === 'if' &&
    word(tokens[at + 1]) === 'not' &&
    word(tokens[at + 2]) === 'exists'
  if (ifNotExists) at += 3
  const name = tokens[at]
  if (!name || (name.kind !== 'word' && name.kind !== 'quoted')) return text
  const after = tokens[nameEnd(tokens, at) + 1]
  if (word(after) !== 'as') return text
  // A repeated `CREATE TABLE t AS` replaces the view, as a DROP before it
  // (left out) would have let it; IF NOT EXISTS keeps the first, as DuckDB
  // does with tables.
  const create = [
    'CREATE',
    ...(ifNotExists ? [] : ['OR REPLACE']),
    ...(temporary ? ['TEMPORARY'] : []),
    'VIEW',
    ...(ifNotExists ? ['IF NOT EXISTS'] : [])
  ].join(' ')
  return `${text.slice(0, tokens[0].start)}${create} ${text.slice(name.start)}`
}

/**
 * The statements of a SQL step that shape its tables, each rewritten by
 * `shapeStatement` (`shown` keeps what the notebook holds, for a message
 * that points at it). Widget statements are left out too.
 */
export function planShapeStatements(
  statements: readonly SqlJobStatement[]
): SqlJobStatement[] {
  const kept: SqlJobStatement[] = []
  for (const statement of statements) {
    if (statement.skip) continue
    const text = shapeStatement(statement.text)
    if (text === undefined) continue
    kept.push({
      ...statement,
      text,
      ...(text !== statement.text ? { shown: statement.text } : {})
    })
  }
  return kept
}
