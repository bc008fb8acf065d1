import { plural } from '../diagnostics/index.js'
import type { CommandData } from '../commands/index.js'
import {
  describeTableDiff,
  isChanged,
  keyedCounts,
  orderByChange,
  seconds
} from '../report/index.js'
import type { DataDiff } from '../report/index.js'

/** Tables the end of a run names before pointing at `dtflw diff`. */
const BRIEF_TABLES = 5

/**
 * `dtflw diff` for a person: per table, biggest change first, its rows
 * before and after, then the columns and the rows by key that changed.
 */
export function renderDataDiff(
  data: Extract<CommandData, { kind: 'diff' }>
): string {
  const diff = data.dataDiff
  const of = data.preview ? ` (preview ${data.preview})` : ''
  const lines = [
    `Data changes of run ${data.runId}${of} against ${diff.against}: ${plural(diff.tables.filter(isChanged).length, 'table')} of ${diff.tables.length} changed.`
  ]
  for (const table of orderByChange(diff.tables)) {
    const words = describeTableDiff(table)
    lines.push('', `${table.table}  ${words.summary}`)
    lines.push(`  ${table.base} → ${table.head}`)
    if (words.columns) lines.push(`  columns: ${words.columns}`)
    for (const line of words.keyed) lines.push(`  ${line}`)
  }
  lines.push('', `Report: ${data.reportPath}`)
  return lines.join('\n')
}

/**
 * The lines a preview's run ends with: the tables that changed most, in
 * one line each, and where the rest is.
 */
export function renderDataDiffBrief(diff: DataDiff): string[] {
  const tables = orderByChange(diff.tables)
  const changed = tables.filter(isChanged)
  const lines = [
    `Data changes against ${diff.against}: ${plural(changed.length, 'table')} of ${tables.length} changed${diff.durationMs === undefined ? '' : ` (compared in ${seconds(diff.durationMs)})`}.`
  ]
  const shown = tables.filter(
    (t) => isChanged(t) || t.status === 'not-compared'
  )
  for (const table of shown.slice(0, BRIEF_TABLES)) {
    const keyed = table.keyed ? `; by key ${keyedCounts(table.keyed)}` : ''
    lines.push(`  ${table.table}: ${describeTableDiff(table).summary}${keyed}`)
  }
  if (shown.length > BRIEF_TABLES)
    lines.push(`  and ${plural(shown.length - BRIEF_TABLES, 'more')}`)
  lines.push('  Details: dtflw diff')
  return lines
}
