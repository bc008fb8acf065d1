import { UsageError } from '../diagnostics/index.js'
import type { Plan, TableLocation } from '../flow/index.js'
import { locationValue } from '../flow/index.js'
import type { ResolvedProfile } from '../profiles/index.js'
import type { StepResult } from '../report/index.js'

/** One table to compare: where the change wrote it, and where it was. */
export interface DiffTarget {
  /** The output's alias, as the run report and the lineage name it. */
  readonly table: string
  readonly step: string
  readonly head: TableLocation
  readonly base: TableLocation
  readonly key?: readonly string[]
  /** How the report names the base, when not by its location. */
  readonly baseLabel?: string
}

/** Where a compared table is and what it is compared with, as a report says. */
export function placeOf(target: DiffTarget): {
  table: string
  head: string
  base: string
} {
  return {
    table: target.table,
    head: locationValue(target.head),
    base: target.baseLabel ?? locationValue(target.base)
  }
}

/** Characters of an outside text (a reason, an example key) a report keeps. */
const LINE_KEPT = 300

/** Outside text for one field of a data diff: its first line, bounded. */
export function reportLine(text: string): string {
  const line = text.split('\n')[0]
  return line.length > LINE_KEPT ? `${line.slice(0, LINE_KEPT - 3)}…` : line
}

/** How much a data diff may do (the profile's `diff:`). */
export interface DiffBudget {
  /**
   * Rows of both sides of a table together above which its rows are
   * counted and its columns compared, but rows are not matched by key.
   */
  readonly maxRows: number
  /** Tables not begun after this long are reported as not compared. */
  readonly timeoutMs: number
}

/** What an engine compares after a preview's steps: `planDataDiff`. */
export interface DataDiffPlan extends DiffBudget {
  /** What the tables are compared with: the environment's name. */
  readonly against: string
  readonly tables: readonly DiffTarget[]
  /**
   * Each table is compared with itself as it was before the run (a run
   * on a branch, on the local engine): the engine keeps the version each
   * promotion replaces and compares with that.
   */
  readonly before?: true
}

/** 100M rows: a 5M-row table diffs in seconds; a billion would take minutes. */
export const DEFAULT_DIFF_BUDGET: DiffBudget = {
  maxRows: 100_000_000,
  timeoutMs: 600_000
}

const sameLocation = (a: TableLocation, b: TableLocation): boolean =>
  a.kind === 'path' && b.kind === 'path'
    ? a.uri === b.uri
    : a.kind === 'table' && b.kind === 'table' && a.name === b.name

/**
 * Each table the run will write, paired with the same step's output in
 * the environment's plan. An output that lands where the environment's
 * does (`tables: { preview: shared }`) has nothing left to compare with
 * and is left out, as is one the environment's plan does not have (a
 * step the change adds writes a new table: it is compared with where
 * the environment would put it, which does not exist, and reads so).
 */
export function planDataDiff(
  head: Plan,
  base: Plan,
  against: string,
  budget: DiffBudget = DEFAULT_DIFF_BUDGET
): DataDiffPlan | undefined {
  const baseOutputs = new Map(
    base.steps.flatMap((step) =>
      step.outputs.map((o) => [`${step.key}\0${o.name}`, o.location] as const)
    )
  )
  const tables: DiffTarget[] = []
  for (const step of head.steps) {
    for (const output of step.outputs) {
      const where = baseOutputs.get(`${step.key}\0${output.name}`)
      if (!where || sameLocation(where, output.location)) continue
      tables.push({
        table: output.alias,
        step: step.key,
        head: output.location,
        base: where,
        ...(output.key ? { key: output.key } : {})
      })
    }
  }
  return tables.length > 0 ? { against, ...budget, tables } : undefined
}

/**
 * A run on a branch writes over the environment's own tables (on a laptop,
 * the local profile's): each is compared with the version it replaced.
 */
export function planBeforeDiff(
  head: Plan,
  against: string,
  budget: DiffBudget = DEFAULT_DIFF_BUDGET
): DataDiffPlan | undefined {
  const tables = head.steps.flatMap((step) =>
    step.outputs.map((output): DiffTarget => ({
      table: output.alias,
      step: step.key,
      head: output.location,
      base: output.location,
      ...(output.key ? { key: output.key } : {})
    }))
  )
  if (tables.length === 0) return undefined
  return { against, ...budget, tables, before: true }
}

/**
 * The profile's `diff:` as a budget, or `false` when it says `diff: false`.
 * The profile's schema has checked the types.
 */
export function readDiffBudget(profile: ResolvedProfile): DiffBudget | false {
  const value = profile.values.diff
  if (value === false) return false
  if (value == null || value === true) return DEFAULT_DIFF_BUDGET
  if (typeof value !== 'object') {
    throw new UsageError(
      `diff of profile "${profile.name}" must be false or a map with max_rows and timeout_seconds, got ${JSON.stringify(value)}.`,
      profile.locate('diff')
    )
  }
  const { max_rows: maxRows, timeout_seconds: seconds } = value as Record<
    string,
    unknown
  >
  return {
    maxRows:
      typeof maxRows === 'number' ? maxRows : DEFAULT_DIFF_BUDGET.maxRows,
    timeoutMs:
      typeof seconds === 'number'
        ? seconds * 1000
        : DEFAULT_DIFF_BUDGET.timeoutMs
  }
}

/**
 * The plan's tables whose step ran to the end (or was lazily kept): a
 * table a failed or skipped step did not write is not compared.
 */
export function onlyWritten(
  plan: DataDiffPlan,
  steps: readonly StepResult[]
): DataDiffPlan | undefined {
  const wrote = new Set(
    steps
      .filter((s) => s.status === 'succeeded' || s.status === 'lazy')
      .map((s) => s.key)
  )
  const tables = plan.tables.filter((t) => wrote.has(t.step))
  return tables.length > 0 ? { ...plan, tables } : undefined
}
