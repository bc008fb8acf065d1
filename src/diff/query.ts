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
  /**
   * Compare a 64-bit hash of it: a text column of the same type on both
   * sides. The join then carries eight bytes of it a row instead of the
   * text, and two different texts hash alike once in 2^64.
   */
  readonly hashed?: boolean
}

/** The dialect's 64-bit hash of a value. */
function hashOf(dialect: SqlDialect, expr: string): string {
  return dialect === 'duckdb' ? `hash(${expr})` : `xxhash64(${expr})`
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

/** Bits of one mask column: its sum of powers of two stays an INT. */
const MASK_BITS = 30

/**
 * The one query of a keyed comparison; `readKeyedDiff` reads its row. The
 * join labels each row once: which side has it (`kind`: 0 both, 1 only
 * the head, 2 only the base) and, as bits of a mask, which columns
 * differ; rows are then grouped by label (a handful of groups), and the
 * groups folded into the counts. Cheaper than a sum per count over every
 * row, since the join's rows are touched by one grouping. The join is an
 * equality on the key, the one a hash join takes: a row whose key is NULL
 * matches nothing and counts as removed and added.
 */
export function renderKeyedDiffQuery(q: KeyedDiffQuery): string {
  const name = (n: string) => quoteName(q.dialect, n)
  const side = name(SIDE)
  const picked = [
    ...q.key.map(name),
    ...q.columns.map((c) =>
      c.hashed
        ? `${hashOf(q.dialect, name(c.name))} AS ${name(c.name)}`
        : name(c.name)
    )
  ]
  const project = (relation: string) =>
    `SELECT ${[...picked, `1 AS ${side}`].join(', ')} FROM ${relation}`
  const on = q.key.map((k) => `b.${name(k)} = h.${name(k)}`).join(' AND ')
  const text = (expr: string) => `CAST(${expr} AS STRING)`
  const differs = (c: ComparedColumn) =>
    c.asText
      ? `${text(`b.${name(c.name)}`)} IS DISTINCT FROM ${text(`h.${name(c.name)}`)}`
      : `b.${name(c.name)} IS DISTINCT FROM h.${name(c.name)}`
  const masks = Array.from(
    { length: Math.max(1, Math.ceil(q.columns.length / MASK_BITS)) },
    (_, m) => q.columns.slice(m * MASK_BITS, (m + 1) * MASK_BITS)
  )
  const maskSum = (columns: readonly ComparedColumn[]) =>
    columns.length === 0
      ? '0'
      : columns
          .map((c, i) => `CASE WHEN ${differs(c)} THEN ${2 ** i} ELSE 0 END`)
          .join(' + ')
  const keyText = (alias: string) =>
    q.key.length === 1
      ? `${alias}.${name(q.key[0])}`
      : q.key
          .map((k) => `COALESCE(${text(`${alias}.${name(k)}`)}, 'null')`)
          .join(` || '|' || `)
  const maskNames = masks.map((_, m) => `mask_${m}`)
  const labelled = [
    `CASE WHEN b.${side} IS NULL THEN 1 WHEN h.${side} IS NULL THEN 2 ELSE 0 END AS kind`,
    ...masks.map(
      (columns, m) =>
        `CASE WHEN b.${side} IS NULL OR h.${side} IS NULL THEN 0 ELSE ${maskSum(columns)} END AS mask_${m}`
    ),
    `CASE WHEN b.${side} IS NULL THEN ${keyText('h')} ELSE ${keyText('b')} END AS k`
  ]
  const changed = `(${maskNames.map((m) => `${m} <> 0`).join(' OR ')})`
  const sum = (condition: string, alias: string) =>
    `SUM(CASE WHEN ${condition} THEN n ELSE 0 END) AS ${alias}`
  const bit = (i: number) =>
    `(mask_${Math.floor(i / MASK_BITS)} & ${2 ** (i % MASK_BITS)}) <> 0`
  // One key column is compared as itself (9 before 10), several as the
  // text that joins them.
  const example = (condition: string, alias: string) =>
    (['MIN', 'MAX'] as const).map((fn) => {
      const value = `${fn}(CASE WHEN ${condition} THEN ${fn === 'MIN' ? 'lo' : 'hi'} END)`
      const end = `${alias}_${fn.toLowerCase()}`
      return q.key.length === 1
        ? `${text(value)} AS ${end}`
        : `${value} AS ${end}`
    })
  const select = [
    sum('kind = 1', 'added'),
    sum('kind = 2', 'removed'),
    sum(`kind = 0 AND ${changed}`, 'changed'),
    sum('kind = 0', 'matched'),
    sum('kind <> 1', 'base_rows'),
    sum('kind <> 2', 'head_rows'),
    ...q.columns.map((_, i) => sum(`kind = 0 AND ${bit(i)}`, `c_${i}`)),
    ...example('kind = 1', 'added'),
    ...example('kind = 2', 'removed'),
    ...example(`kind = 0 AND ${changed}`, 'changed')
  ]
  const groups = ['kind', ...maskNames].join(', ')
  return [
    `SELECT`,
    `  ${select.join(',\n  ')}`,
    `FROM (`,
    `  SELECT ${groups}, COUNT(*) AS n, MIN(k) AS lo, MAX(k) AS hi`,
    `  FROM (`,
    `    SELECT ${labelled.join(', ')}`,
    `    FROM (${project(q.base)}) AS b`,
    `    FULL OUTER JOIN (${project(q.head)}) AS h`,
    `      ON ${on}`,
    `  ) AS labelled`,
    `  GROUP BY ${groups}`,
    `) AS grouped`
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
