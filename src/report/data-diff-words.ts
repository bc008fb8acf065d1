import { formatCount, plural } from '../diagnostics/index.js'
import type { KeyedChanges, TableDiff } from './data-diff.js'

/** How a renderer marks a name: backticks in Markdown, nothing on a terminal. */
export type MarkName = (name: string) => string

const asIs: MarkName = (name) => name

/** Example keys shown per kind, changed columns shown per table. */
const EXAMPLES = 3
const COLUMNS_SHOWN = 5

/**
 * One table's data diff in words, shared by the pull request's "Data
 * changes" section and `dtflw diff`: a summary (`1,000 → 950 rows (-50)`,
 * `new table, 12 rows`, `not compared: …`), the columns that changed, and
 * with a key the rows added, removed and changed, the columns that
 * differ most and a few example keys.
 */
export interface TableDiffWords {
  readonly summary: string
  readonly columns?: string
  readonly keyed: readonly string[]
}

/** `1,000 → 950 rows (-50)`, `new table, 12 rows`, `not compared: …`. */
function summaryOf(diff: TableDiff): string {
  if (diff.status === 'not-compared')
    return `not compared: ${diff.reason ?? 'no reason given'}`
  const head = diff.rows?.head ?? 0
  if (diff.status === 'new-table') return `new table, ${formatCount(head)} rows`
  const base = diff.rows?.base ?? 0
  const delta = head - base
  const sign = delta > 0 ? '+' : ''
  return `${formatCount(base)} → ${formatCount(head)} rows${delta === 0 ? '' : ` (${sign}${formatCount(delta)})`}`
}

function columnsOf(diff: TableDiff, mark: MarkName): string | undefined {
  const c = diff.columns
  if (!c) return undefined
  const parts = [
    ...c.added.map((col) => `+${mark(col.name)} ${col.type}`),
    ...c.removed.map((col) => `−${mark(col.name)}`),
    ...c.retyped.map((col) => `${mark(col.name)} ${col.from} → ${col.to}`)
  ]
  return parts.length > 0 ? parts.join(', ') : undefined
}

/** ` (16%)`: what share of the rows both sides have differ in a column. */
function share(count: number, of: number): string {
  if (of === 0) return ''
  const percent = (count / of) * 100
  if (percent >= 10) return ` (${Math.round(percent)}%)`
  if (percent >= 0.1) return ` (${Number(percent.toFixed(1))}%)`
  return ' (<0.1%)'
}

function keyedOf(diff: TableDiff, mark: MarkName): string[] {
  const k = diff.keyed
  if (!k) return diff.reason && diff.status === 'compared' ? [diff.reason] : []
  const lines = [
    `by ${k.key.map(mark).join(', ')}: ${formatCount(k.added)} added, ${formatCount(k.removed)} removed, ${formatCount(k.changed)} changed, ${formatCount(k.unchanged)} unchanged${k.duplicateKeys ? ' (the key is not unique: counts are of matches)' : ''}`
  ]
  const columns = Object.entries(k.byColumn).sort((a, b) => b[1] - a[1])
  if (columns.length > 0) {
    const matched = k.changed + k.unchanged
    const shown = columns
      .slice(0, COLUMNS_SHOWN)
      .map(
        ([name, count]) =>
          `${mark(name)} ${formatCount(count)}${share(count, matched)}`
      )
    const more = columns.length - shown.length
    lines.push(
      `changed columns: ${shown.join(', ')}${more > 0 ? `, and ${plural(more, 'more')}` : ''}`
    )
  }
  const examples = (['added', 'removed', 'changed'] as const)
    .filter((kind) => k.examples[kind].length > 0)
    .map(
      (kind) =>
        `${kind} ${k.examples[kind].slice(0, EXAMPLES).map(mark).join(', ')}`
    )
  if (examples.length > 0) lines.push(`e.g. ${examples.join('; ')}`)
  return lines
}

/** One table's data diff in words; `mark` sets names apart. */
export function describeTableDiff(
  diff: TableDiff,
  mark: MarkName = asIs
): TableDiffWords {
  const columns = columnsOf(diff, mark)
  return {
    summary: summaryOf(diff),
    ...(columns ? { columns } : {}),
    keyed: keyedOf(diff, mark)
  }
}

/** `+50 −100 ~143`: rows added, removed and changed by key. */
export function keyedCounts(keyed: KeyedChanges): string {
  return `+${formatCount(keyed.added)} −${formatCount(keyed.removed)} ~${formatCount(keyed.changed)}`
}

/** Whether the change did anything to the table that a reviewer should see. */
export function isChanged(diff: TableDiff): boolean {
  if (diff.status === 'new-table') return true
  if (diff.status !== 'compared') return false
  const k = diff.keyed
  return (
    (k !== undefined && k.added + k.removed + k.changed > 0) ||
    (diff.rows?.base ?? 0) !== (diff.rows?.head ?? 0) ||
    columnsOf(diff, asIs) !== undefined
  )
}
