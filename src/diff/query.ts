import type { KeyedChanges } from '../report/index.js'

/**
 * The SQL of a data diff, in the one form DuckDB (the local engine) and
 * Databricks SQL both run, so what is tested locally is what runs in the
 * workspace. Each table is compared in one pass: a full outer join of the
 * two sides on the output's key, folded into sums (no rows come back but
 * one), with the least and greatest key of each kind as examples. Nothing
 * is sorted or collected, so its cost is that of the join.
 */

/** Whose SQL: how identifiers are quoted differs. */
export type SqlDialect = 'duckdb' | 'databricks'

/** A column both sides have and how to compare it. */
export interface ComparedColumn {
  readonly name: string
  /**
   * Compare as text: the type changed (a number became a decimal), or a
   * map, which Spark cannot compare for equality.
   */
  readonly asText: boolean
}

/** What one keyed comparison reads. */
export interface KeyedDiffQuery {
  readonly dialect: SqlDialect
  /** The table before the change: a relation (a name or a file reader). */
  readonly base: string
  /** The table the change wrote. */
  readonly head: string
  readonly key: readonly string[]
  readonly columns: readonly ComparedColumn[]
}

/** An identifier as the dialect quotes it. */
export function quoteName(dialect: SqlDialect, name: string): string {
  return dialect === 'duckdb'
    ? `"${name.replaceAll('"', '""')}"`
    : `\`${name.replaceAll('`', '``')}\``
}

const SIDE = '__dtflw_side'

/** `SELECT count(*)` of a relation. */
export function renderCountQuery(relation: string): string {
  return `SELECT count(*) AS n FROM ${relation}`
}

/** The one query of a keyed comparison; `readKeyedDiff` reads its row. */
export function renderKeyedDiffQuery(q: KeyedDiffQuery): string {
  const name = (n: string) => quoteName(q.dialect, n)
  const side = name(SIDE)
  const picked = [...q.key, ...q.columns.map((c) => c.name)].map(name)
  const project = (relation: string) =>
    `SELECT ${[...picked, `1 AS ${side}`].join(', ')} FROM ${relation}`
  const on = q.key
    .map((k) => `b.${name(k)} IS NOT DISTINCT FROM h.${name(k)}`)
    .join(' AND ')
  const text = (alias: string, column: string) =>
    `CAST(${alias}.${name(column)} AS STRING)`
  const keyText = (alias: string) =>
    q.key.map((k) => `COALESCE(${text(alias, k)}, 'null')`).join(` || '|' || `)
  const differs = (c: ComparedColumn) =>
    c.asText
      ? `${text('b', c.name)} IS DISTINCT FROM ${text('h', c.name)}`
      : `b.${name(c.name)} IS DISTINCT FROM h.${name(c.name)}`
  const both = `b.${side} IS NOT NULL AND h.${side} IS NOT NULL`
  const anyDiffers =
    q.columns.length > 0 ? `(${q.columns.map(differs).join(' OR ')})` : 'FALSE'
  const count = (condition: string, alias: string) =>
    `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${alias}`
  // One key column is compared as itself (order 9 before 10), several as
  // the text that joins them.
  const example = (condition: string, alias: string, of: string) =>
    ['MIN', 'MAX'].map((fn) => {
      const end = `${alias}_${fn.toLowerCase()}`
      return q.key.length === 1
        ? `CAST(${fn}(CASE WHEN ${condition} THEN ${of}.${name(q.key[0])} END) AS STRING) AS ${end}`
        : `${fn}(CASE WHEN ${condition} THEN ${keyText(of)} END) AS ${end}`
    })
  const changed = `${both} AND ${anyDiffers}`
  const select = [
    count(`b.${side} IS NULL`, 'added'),
    count(`h.${side} IS NULL`, 'removed'),
    count(changed, 'changed'),
    count(both, 'matched'),
    count(`b.${side} IS NOT NULL`, 'base_rows'),
    count(`h.${side} IS NOT NULL`, 'head_rows'),
    ...q.columns.map((c, i) => count(`${both} AND ${differs(c)}`, `c_${i}`)),
    ...example(`b.${side} IS NULL`, 'added', 'h'),
    ...example(`h.${side} IS NULL`, 'removed', 'b'),
    ...example(changed, 'changed', 'b')
  ]
  return [
    `SELECT`,
    `  ${select.join(',\n  ')}`,
    `FROM (${project(q.base)}) AS b`,
    `FULL OUTER JOIN (${project(q.head)}) AS h`,
    `  ON ${on}`
  ].join('\n')
}

const toNumber = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value)

const examples = (row: Readonly<Record<string, unknown>>, kind: string) => {
  const out: string[] = []
  for (const end of ['min', 'max']) {
    const value = row[`${kind}_${end}`]
    if (value !== null && value !== undefined && !out.includes(String(value)))
      out.push(String(value))
  }
  return out
}

/**
 * The row of `renderKeyedDiffQuery` as counts. `rows` are the sides' row
 * counts (`renderCountQuery`): a side joined more often than it has rows
 * means a key that is not unique, which the result says.
 */
export function readKeyedDiff(
  q: KeyedDiffQuery,
  row: Readonly<Record<string, unknown>>,
  rows: { readonly base: number; readonly head: number }
): KeyedChanges {
  const matched = toNumber(row.matched)
  const changed = toNumber(row.changed)
  const byColumn: Record<string, number> = {}
  q.columns.forEach((c, i) => {
    const n = toNumber(row[`c_${i}`])
    if (n > 0) byColumn[c.name] = n
  })
  const duplicated =
    toNumber(row.base_rows) !== rows.base ||
    toNumber(row.head_rows) !== rows.head
  return {
    key: q.key,
    added: toNumber(row.added),
    removed: toNumber(row.removed),
    changed,
    unchanged: matched - changed,
    byColumn,
    examples: {
      added: examples(row, 'added'),
      removed: examples(row, 'removed'),
      changed: examples(row, 'changed')
    },
    ...(duplicated ? { duplicateKeys: true as const } : {})
  }
}
