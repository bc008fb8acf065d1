import { placeOf, reportLine } from '../../diff/index.js'
import type { DataDiffPlan } from '../../diff/index.js'
import { orderByChange } from '../../report/index.js'
import type {
  ColumnChanges,
  DataDiff,
  DiffColumn,
  KeyedChanges,
  TableDiff
} from '../../report/index.js'

/**
 * Every table of the plan as not compared, for one reason (the diff task
 * failed, returned nothing dtflw can read, or never ran).
 */
export function notCompared(diff: DataDiffPlan, reason: string): DataDiff {
  return {
    against: diff.against,
    tables: orderByChange(
      diff.tables.map((t) => ({
        ...placeOf(t),
        status: 'not-compared',
        reason: reportLine(reason)
      }))
    )
  }
}

/**
 * The diff task's exit value as the run's data diff: each table of the
 * plan with what the notebook found, checked field by field (it crossed
 * a process and a platform); where it is said to be is the plan's, not
 * the notebook's relation. A value that is not the notebook's JSON makes
 * every table not compared, a table it lacks or garbles that table;
 * nothing here throws. Biggest changes first.
 */
export function readDiffOutput(
  diff: DataDiffPlan,
  value: string | undefined,
  truncated = false
): DataDiff {
  if (value === undefined || value.trim() === '')
    return notCompared(diff, 'the data diff task returned no value')
  if (truncated)
    return notCompared(
      diff,
      'the data diff task returned more than Databricks keeps of an exit value (5 MB); compare fewer tables at once'
    )
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return notCompared(
      diff,
      `the data diff task returned a value that is not JSON: ${JSON.stringify(value.slice(0, 80))}`
    )
  }
  const tables = (parsed as { tables?: unknown } | null)?.tables
  if (!Array.isArray(tables))
    return notCompared(
      diff,
      'the data diff task returned JSON without a list of tables'
    )
  const byName = new Map<string, unknown>()
  for (const entry of tables) {
    const name = (entry as { table?: unknown } | null)?.table
    if (typeof name === 'string' && !byName.has(name)) byName.set(name, entry)
  }
  return {
    against: diff.against,
    tables: orderByChange(
      diff.tables.map((target): TableDiff => {
        const entry = byName.get(target.table)
        const read = entry === undefined ? undefined : readTable(entry)
        return read
          ? { ...placeOf(target), ...read }
          : {
              ...placeOf(target),
              status: 'not-compared',
              reason:
                entry === undefined
                  ? 'the data diff task did not report this table'
                  : 'the data diff task reported this table in a form dtflw cannot read'
            }
      })
    )
  }
}

type Found = Omit<TableDiff, 'table' | 'head' | 'base'>

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0
const isText = (v: unknown): v is string => typeof v === 'string'
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const texts = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every(isText) ? v.map((t) => reportLine(t)) : undefined

/** One table's entry, or undefined when any field is not what it must be. */
function readTable(entry: unknown): Found | undefined {
  if (!isObject(entry)) return undefined
  const { status, reason } = entry
  if (
    status !== 'compared' &&
    status !== 'new-table' &&
    status !== 'not-compared'
  )
    return undefined
  if (reason !== undefined && !isText(reason)) return undefined
  const out: { -readonly [K in keyof Found]: Found[K] } = { status }
  if (reason !== undefined) out.reason = reportLine(reason)
  if (entry.rows !== undefined) {
    const rows = entry.rows
    if (!isObject(rows) || !isCount(rows.head)) return undefined
    if (rows.base !== undefined && !isCount(rows.base)) return undefined
    out.rows = {
      ...(rows.base !== undefined ? { base: rows.base } : {}),
      head: rows.head
    }
  } else if (status !== 'not-compared') return undefined
  if (entry.columns !== undefined) {
    const columns = readColumns(entry.columns)
    if (!columns) return undefined
    out.columns = columns
  }
  if (entry.keyed !== undefined) {
    const keyed = readKeyed(entry.keyed)
    if (!keyed) return undefined
    out.keyed = keyed
  }
  return out
}

function readColumns(value: unknown): ColumnChanges | undefined {
  if (!isObject(value)) return undefined
  const list = (v: unknown): DiffColumn[] | undefined =>
    Array.isArray(v) &&
    v.every((c) => isObject(c) && isText(c.name) && isText(c.type))
      ? v.map((c) => ({ name: c.name, type: c.type }))
      : undefined
  const added = list(value.added)
  const removed = list(value.removed)
  const retyped = value.retyped
  if (
    !added ||
    !removed ||
    !Array.isArray(retyped) ||
    !retyped.every(
      (c) => isObject(c) && isText(c.name) && isText(c.from) && isText(c.to)
    )
  )
    return undefined
  return {
    added,
    removed,
    retyped: retyped.map((c) => ({ name: c.name, from: c.from, to: c.to }))
  }
}

function readKeyed(value: unknown): KeyedChanges | undefined {
  if (!isObject(value)) return undefined
  const key = texts(value.key)
  const { added, removed, changed, unchanged, byColumn, examples } = value
  if (
    !key ||
    !isCount(added) ||
    !isCount(removed) ||
    !isCount(changed) ||
    !isCount(unchanged) ||
    !isObject(byColumn) ||
    !Object.values(byColumn).every(isCount) ||
    !isObject(examples)
  )
    return undefined
  const kinds = {
    added: texts(examples.added),
    removed: texts(examples.removed),
    changed: texts(examples.changed)
  }
  if (!kinds.added || !kinds.removed || !kinds.changed) return undefined
  return {
    key,
    added,
    removed,
    changed,
    unchanged,
    byColumn: byColumn as Record<string, number>,
    examples: {
      added: kinds.added,
      removed: kinds.removed,
      changed: kinds.changed
    },
    ...(value.duplicateKeys === true ? { duplicateKeys: true as const } : {})
  }
}
