import type { TableLocation } from '../flow/index.js'
import type { DataDiff, DiffColumn, TableDiff } from '../report/index.js'
import { orderByChange } from '../report/index.js'
import { comparedColumns, diffColumns, missingKey } from './columns.js'
import { placeOf, reportLine } from './plan.js'
import type { DataDiffPlan, DiffTarget } from './plan.js'
import {
  readKeyedDiff,
  renderCountQuery,
  renderKeyedDiffQuery
} from './query.js'
import type { SqlDialect } from './query.js'

/**
 * Where an engine's diff reads tables and runs the comparison's SQL: the
 * local engine's DuckDB, or a test's. The Databricks diff notebook does
 * the same steps in Python (`dtflw_data_diff.py`), with the same SQL.
 */
export interface DiffSource {
  readonly dialect: SqlDialect
  /** The relation that reads a location (a table name, a file reader). */
  relation(location: TableLocation): Promise<string>
  exists(location: TableLocation): Promise<boolean>
  describe(relation: string): Promise<DiffColumn[]>
  /** The rows of a query, each by column name. */
  query(sql: string): Promise<Record<string, unknown>[]>
}

/**
 * Compares each table of the plan, one after another (each is one join:
 * running them together would only share the same cores), and stops
 * beginning new ones when the budget's time is spent. A table that cannot
 * be compared says why and never fails the others or the run.
 */
export async function compareTables(
  plan: DataDiffPlan,
  source: DiffSource,
  now: () => number = Date.now,
  onTable?: (table: string) => void
): Promise<DataDiff> {
  const started = now()
  const tables: TableDiff[] = []
  for (const target of plan.tables) {
    const where = placeOf(target)
    if (now() - started > plan.timeoutMs) {
      tables.push({
        ...where,
        status: 'not-compared',
        reason: `the diff's time budget of ${Math.round(plan.timeoutMs / 1000)} s (diff.timeout_seconds) ran out before this table`
      })
      continue
    }
    onTable?.(target.table)
    try {
      tables.push({ ...where, ...(await compareTable(target, plan, source)) })
    } catch (error) {
      tables.push({
        ...where,
        status: 'not-compared',
        reason: reportLine((error as Error).message)
      })
    }
  }
  return {
    against: plan.against,
    tables: orderByChange(tables),
    durationMs: Math.round(now() - started)
  }
}

type Compared = Omit<TableDiff, 'table' | 'head' | 'base'>

async function compareTable(
  target: DiffTarget,
  plan: DataDiffPlan,
  source: DiffSource
): Promise<Compared> {
  const count = async (relation: string): Promise<number> =>
    Number((await source.query(renderCountQuery(relation)))[0]?.n ?? 0)
  const head = await source.relation(target.head)
  const headColumns = await source.describe(head)
  const headRows = await count(head)
  if (!(await source.exists(target.base)))
    return { status: 'new-table', rows: { head: headRows } }
  const base = await source.relation(target.base)
  const baseColumns = await source.describe(base)
  const rows = { base: await count(base), head: headRows }
  const compared: Compared = {
    status: 'compared',
    rows,
    columns: diffColumns(baseColumns, headColumns)
  }
  const key = target.key ?? []
  if (key.length === 0) return compared
  const missing = [
    ...new Set([
      ...missingKey(baseColumns, key),
      ...missingKey(headColumns, key)
    ])
  ]
  if (missing.length > 0)
    return {
      ...compared,
      reason: `the key column ${missing.join(', ')} is missing, so rows were not matched by key`
    }
  if (rows.base + rows.head > plan.maxRows)
    return {
      ...compared,
      reason: `${rows.base + rows.head} rows, over the budget of ${plan.maxRows} (diff.max_rows): rows were not matched by key`
    }
  const query = {
    dialect: source.dialect,
    base,
    head,
    key,
    columns: comparedColumns(baseColumns, headColumns, key)
  }
  const [row] = await source.query(renderKeyedDiffQuery(query))
  return { ...compared, keyed: readKeyedDiff(query, row ?? {}, rows) }
}
