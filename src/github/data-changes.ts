import { orderByChange } from '../report/index.js'
import type { DataDiff, TableDiff } from '../report/index.js'
import { textSize } from './limits.js'
import { code, codeCell, plural } from './markdown.js'

/** How much of the data diff a page shows, richest first. */
export const DATA_CHANGES_LEVELS = ['full', 'table', 'counts'] as const
/** One of `DATA_CHANGES_LEVELS`. */
export type DataChangesLevel = (typeof DATA_CHANGES_LEVELS)[number]

const EXAMPLES = 3
const COLUMNS_SHOWN = 5

const n = (value: number) => value.toLocaleString('en-US')

/** `1,000 → 950 rows (-50)`. */
function rowsLine(diff: TableDiff): string {
  const head = diff.rows?.head ?? 0
  if (diff.status === 'new-table') return `new table, ${n(head)} rows`
  const base = diff.rows?.base ?? 0
  const delta = head - base
  const sign = delta > 0 ? '+' : ''
  return `${n(base)} → ${n(head)} rows${delta === 0 ? '' : ` (${sign}${n(delta)})`}`
}

function columnsLine(diff: TableDiff): string | undefined {
  const c = diff.columns
  if (!c) return undefined
  const parts = [
    ...c.added.map((col) => `+${code(col.name)} ${col.type}`),
    ...c.removed.map((col) => `−${code(col.name)}`),
    ...c.retyped.map((col) => `${code(col.name)} ${col.from} → ${col.to}`)
  ]
  return parts.length > 0 ? parts.join(', ') : undefined
}

function keyedLines(diff: TableDiff): string[] {
  const k = diff.keyed
  if (!k) return []
  const lines = [
    `by ${k.key.map(code).join(', ')}: ${n(k.added)} added, ${n(k.removed)} removed, ${n(k.changed)} changed, ${n(k.unchanged)} unchanged${k.duplicateKeys ? ' (the key is not unique: counts are of matches)' : ''}`
  ]
  const columns = Object.entries(k.byColumn).sort((a, b) => b[1] - a[1])
  if (columns.length > 0) {
    const shown = columns
      .slice(0, COLUMNS_SHOWN)
      .map(([name, count]) => `${code(name)} ${n(count)}`)
    const more = columns.length - shown.length
    lines.push(
      `changed columns: ${shown.join(', ')}${more > 0 ? `, and ${plural(more, 'more')}` : ''}`
    )
  }
  const examples = (['added', 'removed', 'changed'] as const)
    .filter((kind) => k.examples[kind].length > 0)
    .map(
      (kind) =>
        `${kind} ${k.examples[kind].slice(0, EXAMPLES).map(code).join(', ')}`
    )
  if (examples.length > 0) lines.push(`e.g. ${examples.join('; ')}`)
  return lines
}

function summaryOf(diff: TableDiff): string {
  if (diff.status === 'not-compared')
    return `not compared: ${diff.reason ?? 'no reason given'}`
  return rowsLine(diff)
}

function renderFull(tables: readonly TableDiff[]): string {
  return tables
    .map((t) => {
      const lines = [`- ${code(t.table)}: ${summaryOf(t)}`]
      const columns = columnsLine(t)
      if (columns) lines.push(`  - columns: ${columns}`)
      for (const line of keyedLines(t)) lines.push(`  - ${line}`)
      return lines.join('\n')
    })
    .join('\n')
}

function renderTable(tables: readonly TableDiff[]): string {
  const rows = tables.map((t) => {
    const k = t.keyed
    const keyed = k ? `+${n(k.added)} −${n(k.removed)} ~${n(k.changed)}` : ''
    const columns = t.columns
      ? t.columns.added.length +
        t.columns.removed.length +
        t.columns.retyped.length
      : 0
    return `| ${codeCell(t.table)} | ${summaryOf(t)} | ${keyed} | ${columns || ''} |`
  })
  return [
    '| table | rows | by key (+ − ~) | columns changed |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

function renderCounts(tables: readonly TableDiff[]): string {
  const changed = tables.filter(
    (t) =>
      t.status === 'new-table' ||
      (t.status === 'compared' &&
        ((t.keyed && t.keyed.added + t.keyed.removed + t.keyed.changed > 0) ||
          (t.rows?.base ?? 0) !== (t.rows?.head ?? 0) ||
          (columnsLine(t) ?? '') !== ''))
  )
  const names = changed.slice(0, 5).map((t) => code(t.table))
  const unknown = tables.filter((t) => t.status === 'not-compared').length
  return `${plural(changed.length, 'table')} of ${n(tables.length)} changed${names.length > 0 ? `, the most: ${names.join(', ')}` : ''}${unknown > 0 ? `; ${n(unknown)} not compared` : ''}.`
}

/**
 * The "Data changes" section: what the change did to each table it
 * wrote, against the environment it will reach, the biggest changes
 * first; at the richest level that fits `budget` (per table with changed
 * columns and example keys, then one table row each, then counts).
 */
export function renderDataChanges(
  diff: DataDiff,
  budget: number
): { text: string; level: DataChangesLevel } | undefined {
  if (diff.tables.length === 0) return undefined
  const tables = orderByChange(diff.tables)
  const head = `### Data changes\n\nAgainst ${code(diff.against)}, biggest changes first.\n\n`
  const bodies: Record<DataChangesLevel, () => string> = {
    full: () => renderFull(tables),
    table: () => renderTable(tables),
    counts: () => renderCounts(tables)
  }
  for (const level of DATA_CHANGES_LEVELS) {
    const text = head + bodies[level]()
    if (textSize(text) <= budget || level === 'counts') return { text, level }
  }
  return undefined
}
