/** A column as an engine describes it: a name and a Spark type. */
export interface DiffColumn {
  readonly name: string
  readonly type: string
}

/** How the columns of a table changed. */
export interface ColumnChanges {
  readonly added: readonly DiffColumn[]
  readonly removed: readonly DiffColumn[]
  readonly retyped: readonly {
    readonly name: string
    readonly from: string
    readonly to: string
  }[]
}

/** What changed row by row, matched on the output's declared key. */
export interface KeyedChanges {
  readonly key: readonly string[]
  /** Keys only the head (the change) has. */
  readonly added: number
  /** Keys only the base has. */
  readonly removed: number
  /** Keys both have, with at least one column that differs. */
  readonly changed: number
  readonly unchanged: number
  /** Per column both sides have: rows whose value differs. */
  readonly byColumn: Readonly<Record<string, number>>
  /** A few keys of each kind (the least and greatest), as text. */
  readonly examples: {
    readonly added: readonly string[]
    readonly removed: readonly string[]
    readonly changed: readonly string[]
  }
  /**
   * The key is not unique on a side: rows matched more than once, so the
   * counts above are of matches, not of rows.
   */
  readonly duplicateKeys?: true
}

/**
 * What a change did to one table: its rows before and after, its columns,
 * and with a key the rows added, removed and changed. `new-table` when the
 * environment the change will reach has no such table yet; `not-compared`
 * when the budget or an error stopped the comparison (`reason` says which).
 */
export interface TableDiff {
  readonly table: string
  /** Where the change wrote it and what it is compared with. */
  readonly head: string
  readonly base: string
  readonly status: 'compared' | 'new-table' | 'not-compared'
  readonly reason?: string
  readonly rows?: { readonly base?: number; readonly head: number }
  readonly columns?: ColumnChanges
  readonly keyed?: KeyedChanges
}

/** The data diff of a run: one entry per table it wrote, biggest first. */
export interface DataDiff {
  /** What the tables were compared with: a profile, or its tables. */
  readonly against: string
  readonly tables: readonly TableDiff[]
  /** How long the comparison took, where the engine timed it. */
  readonly durationMs?: number
}

/**
 * How much a table changed, for ordering: rows added, removed and changed
 * (or the change of the row count without a key), and each column change
 * counted as a row of its own, so a schema change never sinks to the end.
 */
export function changeSize(diff: TableDiff): number {
  if (diff.status === 'new-table') return diff.rows?.head ?? 0
  if (diff.status !== 'compared') return 0
  const columns =
    (diff.columns?.added.length ?? 0) +
    (diff.columns?.removed.length ?? 0) +
    (diff.columns?.retyped.length ?? 0)
  const rows = diff.keyed
    ? diff.keyed.added + diff.keyed.removed + diff.keyed.changed
    : Math.abs((diff.rows?.head ?? 0) - (diff.rows?.base ?? 0))
  return rows + columns
}

/** The tables, biggest change first; unchanged ones last, by name. */
export function orderByChange(tables: readonly TableDiff[]): TableDiff[] {
  return [...tables].sort(
    (a, b) => changeSize(b) - changeSize(a) || (a.table < b.table ? -1 : 1)
  )
}
