import { formatLine } from '../diagnostics/index.js'
import type { ResolvedProfile } from './types.js'

/** One line of `dtflw explain`: a resolved value and where it came from. */
export interface ExplainRow {
  /** Dotted path, e.g. `tables.root`. */
  readonly path: string
  /** The value as shown: `***` when it came from a secret-looking variable. */
  readonly value: string
  /** The text as written when it held `${…}`; names, never secrets. */
  readonly written?: string
  /** `file:line` of the definition that won, or `(default)`. */
  readonly from: string
  /** `file:line` of each definition it overrode, nearest parent first. */
  readonly overrides: readonly string[]
  readonly secret: boolean
  /** Loaded offline and a `${…}` had no value: `value` is the template. */
  readonly unresolved?: boolean
}

/** The rows of `dtflw explain` for a loaded profile, sorted by path. */
export function explainProfile(profile: ResolvedProfile): ExplainRow[] {
  return profile.leaves.map((leaf) => ({
    path: leaf.path,
    value: leaf.secret ? '***' : display(leaf.value),
    ...(leaf.written !== undefined ? { written: leaf.written } : {}),
    from: leaf.from[0]
      ? formatLine(leaf.from[0])
      : `(${leaf.origin ?? 'default'})`,
    overrides: leaf.from.slice(1).map(formatLine),
    secret: leaf.secret,
    ...(leaf.unresolved ? { unresolved: true } : {})
  }))
}

function display(value: unknown): string {
  if (typeof value === 'string') {
    return value === '' || /[\n\r\t]/.test(value)
      ? JSON.stringify(value)
      : value
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value)
  }
  return JSON.stringify(value)
}

/**
 * The rows as aligned columns: path, value, the winning `file:line`, then
 * notes: what it overrode, and the template it was written as.
 */
export function renderExplain(rows: readonly ExplainRow[]): string {
  const cells = rows.map((row) => [row.path, row.value, row.from, notes(row)])
  const widths = [0, 1, 2].map((i) =>
    Math.max(0, ...cells.map((c) => c[i].length))
  )
  return cells
    .map((c) =>
      c
        .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]) : cell))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

function notes(row: ExplainRow): string {
  const out: string[] = []
  if (row.overrides.length > 0) {
    out.push(`overrides ${row.overrides.join(', ')}`)
  }
  if (row.unresolved) out.push('not set')
  else if (row.written !== undefined && row.written !== row.value) {
    out.push(`written as ${row.written}`)
  }
  return out.join('; ')
}
