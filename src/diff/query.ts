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

/**
 * The one query of a keyed comparison; `readKeyedDiff` reads its row. In
 * three layers, so each comparison is made once a row: the join says for
 * each row which side has it and which columns differ, the middle layer
 * whether it changed, and the sums count. The join is an equality on the
 * key, the one a hash join takes: a row whose key is NULL matches nothing
 * and counts as removed and added.
 */
export function renderKeyedDiffQuery(q: KeyedDiffQuery): string {
  const name = (n: string) => quoteName(q.dialect, n)
  const side = name(SIDE)
  const picked = [...q.key, ...q.columns.map((c) => c.name)].map(name)
  const project = (relation: string) =>
    `SELECT ${[...picked, `1 AS ${side}`].join(', ')} FROM ${relation}`
  const on = q.key.map((k) => `b.${name(k)} = h.${name(k)}`).join(' AND ')
  const text = (expr: string) => `CAST(${expr} AS STRING)`
  const differs = (c: ComparedColumn) =>
    c.asText
      ? `${text(`b.${name(c.name)}`)} IS DISTINCT FROM ${text(`h.${name(c.name)}`)}`
      : `b.${name(c.name)} IS DISTINCT FROM h.${name(c.name)}`
  const keyOf = (alias: string) => q.key.map((_, i) => `${alias}_k${i}`)
  const joined = [
    `b.${side} IS NULL AS is_added`,
    `h.${side} IS NULL AS is_removed`,
    `b.${side} IS NOT NULL AND h.${side} IS NOT NULL AS is_matched`,
    ...q.columns.map((c, i) => `${differs(c)} AS d_${i}`),
    ...q.key.map((k, i) => `b.${name(k)} AS b_k${i}`),
    ...q.key.map((k, i) => `h.${name(k)} AS h_k${i}`)
  ]
  const anyDiffers =
    q.columns.length > 0
      ? `(${q.columns.map((_, i) => `d_${i}`).join(' OR ')})`
      : 'FALSE'
  const flagged = [
    'is_added',
    'is_removed',
    'is_matched',
    `is_matched AND ${anyDiffers} AS is_changed`,
    ...q.columns.map((_, i) => `is_matched AND d_${i} AS d_${i}`),
    ...keyOf('b'),
    ...keyOf('h')
  ]
  const count = (condition: string, alias: string) =>
    `COUNT(CASE WHEN ${condition} THEN 1 END) AS ${alias}`
  // One key column is compared as itself (9 before 10); several as the
  // text that joins them, made only for the rows of the kind.
  const keyValue = (alias: string) =>
    q.key.length === 1
      ? `${alias}_k0`
      : keyOf(alias)
          .map((k) => `COALESCE(${text(k)}, 'null')`)
          .join(` || '|' || `)
  const example = (condition: string, alias: string, of: string) =>
    ['MIN', 'MAX'].map((fn) => {
      const value = `${fn}(CASE WHEN ${condition} THEN ${keyValue(of)} END)`
      const end = `${alias}_${fn.toLowerCase()}`
      return q.key.length === 1
        ? `${text(value)} AS ${end}`
        : `${value} AS ${end}`
    })
  const select = [
    count('is_added', 'added'),
    count('is_removed', 'removed'),
    count('is_changed', 'changed'),
    count('is_matched', 'matched'),
    count('NOT is_added', 'base_rows'),
    count('NOT is_removed', 'head_rows'),
    ...q.columns.map((_, i) => count(`d_${i}`, `c_${i}`)),
    ...example('is_added', 'added', 'h'),
    ...example('is_removed', 'removed', 'b'),
    ...example('is_changed', 'changed', 'b')
  ]
  return [
    `SELECT`,
    `  ${select.join(',\n  ')}`,
    `FROM (`,
    `  SELECT ${flagged.join(', ')}`,
    `  FROM (`,
    `    SELECT ${joined.join(', ')}`,
    `    FROM (${project(q.base)}) AS b`,
    `    FULL OUTER JOIN (${project(q.head)}) AS h`,
    `      ON ${on}`,
    `  ) AS joined`,
    `) AS flagged`
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
