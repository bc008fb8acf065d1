import type { DataDiffPlan, DiffSource, DiffTarget } from '../../diff/index.js'
import { locationValue } from '../../flow/index.js'
import type { StepResult } from '../../report/index.js'
import type { SqlWorker } from './sql/index.js'
import {
  describeRelation,
  inspectQuery,
  readExpression,
  resolveLocalTable,
  tableExists
} from './tables/index.js'
import type { WorkerPool } from '../worker-pool.js'

/**
 * The data diff's tables as the local engine has them: files under the
 * repository, read by DuckDB in an idle SQL worker's own database (the one
 * that reads the shape of outputs), so this process never loads DuckDB.
 */
export function localDiffSource(
  root: string,
  workers: WorkerPool<SqlWorker>
): DiffSource {
  const rows = inspectQuery(workers)
  return {
    dialect: 'duckdb',
    relation: (location) => readExpression(resolveLocalTable(root, location)),
    exists: (location) => tableExists(resolveLocalTable(root, location)),
    describe: (relation) => describeRelation(rows, relation),
    // Each row as one JSON object, so columns come back by name whatever
    // their order, and 128-bit sums as plain numbers.
    async query(sql) {
      const result = await rows(
        `SELECT CAST(to_json(q) AS VARCHAR) FROM (${sql}) AS q`
      )
      return result.map(
        ([json]) => JSON.parse(String(json)) as Record<string, unknown>
      )
    }
  }
}

/**
 * A run on a branch's diff, each table against the version its promotion
 * replaced (`kept`: target file → where that version was kept). A table
 * with no kept version had none: a new table. A step that kept its
 * outputs (`--lazy`) changed nothing, and is left out.
 */
export function againstKept(
  root: string,
  plan: DataDiffPlan,
  kept: ReadonlyMap<string, string>,
  steps: readonly StepResult[]
): DataDiffPlan | undefined {
  const lazy = new Set(
    steps.filter((s) => s.status === 'lazy').map((s) => s.key)
  )
  const tables = plan.tables.flatMap((target): DiffTarget[] => {
    if (lazy.has(target.step)) return []
    const head = resolveLocalTable(root, target.head)
    const before = kept.get(head.path) ?? `${head.path}.none-before-this-run`
    return [
      {
        ...target,
        base: { kind: 'path', uri: before, format: head.format },
        baseLabel: `${locationValue(target.head)} before this run`
      }
    ]
  })
  return tables.length > 0 ? { ...plan, tables } : undefined
}
