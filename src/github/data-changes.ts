import { formatCount } from '../diagnostics/index.js'
import {
  describeTableDiff,
  isChanged,
  keyedCounts,
  orderByChange
} from '../report/index.js'
import type { DataDiff, TableDiff } from '../report/index.js'
import { textSize } from './limits.js'
import { code, codeCell, plural } from './markdown.js'

/** How much of the data diff a page shows, richest first. */
export const DATA_CHANGES_LEVELS = ['full', 'table', 'counts'] as const
/** One of `DATA_CHANGES_LEVELS`. */
export type DataChangesLevel = (typeof DATA_CHANGES_LEVELS)[number]

function renderFull(tables: readonly TableDiff[]): string {
  return tables
    .map((t) => {
      const words = describeTableDiff(t, code)
      const lines = [`- ${code(t.table)}: ${words.summary}`]
      if (words.columns) lines.push(`  - columns: ${words.columns}`)
      for (const line of words.keyed) lines.push(`  - ${line}`)
      return lines.join('\n')
    })
    .join('\n')
}

function renderTable(tables: readonly TableDiff[]): string {
  const rows = tables.map((t) => {
    const k = t.keyed
    const keyed = k ? keyedCounts(k) : ''
    const columns = t.columns
      ? t.columns.added.length +
        t.columns.removed.length +
        t.columns.retyped.length
      : 0
    return `| ${codeCell(t.table)} | ${describeTableDiff(t).summary} | ${keyed} | ${columns || ''} |`
  })
  return [
    '| table | rows | by key (+ − ~) | columns changed |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

function renderCounts(tables: readonly TableDiff[]): string {
  const changed = tables.filter(isChanged)
  const names = changed.slice(0, 5).map((t) => code(t.table))
  const unknown = tables.filter((t) => t.status === 'not-compared').length
  return `${plural(changed.length, 'table')} of ${formatCount(tables.length)} changed${names.length > 0 ? `, the most: ${names.join(', ')}` : ''}${unknown > 0 ? `; ${formatCount(unknown)} not compared` : ''}.`
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
