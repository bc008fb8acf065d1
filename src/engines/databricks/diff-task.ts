import type { DataDiffPlan } from '../../diff/index.js'
import { DATA_DIFF_NOTEBOOK } from '../../diff/index.js'
import type { Plan, TableLocation } from '../../flow/index.js'
import type { SubmitTask } from './api/index.js'
import { DTFLW_FOLDER, remoteNotebookPath } from './paths.js'
import { computeFields } from './submit.js'
import type { ComputeSpec } from './settings.js'

/**
 * Where a preview's deploy puts the data diff notebook, as if it were a
 * repository file: `<root>/.dtflw/dtflw_data_diff`, beside the deploy
 * state, where no notebook of the repository can be.
 */
export const DIFF_NOTEBOOK_PATH = `${DTFLW_FOLDER}/${DATA_DIFF_NOTEBOOK}`

/** The diff task's key: `dtflw_data_diff`, unless a step has that key. */
export function diffTaskKey(plan: Plan): string {
  const taken = new Set(plan.steps.map((s) => s.key))
  let key = 'dtflw_data_diff'
  for (let n = 2; taken.has(key); n++) key = `dtflw_data_diff_${n}`
  return key
}

const quotePart = (part: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(part)
    ? part
    : `\`${part.replaceAll('`', '``')}\``

/**
 * The relation Spark SQL reads a location with: a table's name (each
 * part quoted when it needs to be), or a path as its format reads it,
 * e.g. delta.`abfss://…/orders.delta`.
 */
export function sparkRelation(location: TableLocation): string {
  if (location.kind === 'table')
    return location.name.split('.').map(quotePart).join('.')
  return `${location.format}.\`${location.uri.replaceAll('`', '``')}\``
}

/**
 * The diff notebook's `plan` widget: the tables as Spark reads them, and
 * the budget. `baseKind` tells the notebook how to ask whether the base
 * exists (the catalog for a table, a read for a path).
 */
export function renderDiffParameter(diff: DataDiffPlan): string {
  return JSON.stringify({
    against: diff.against,
    maxRows: diff.maxRows,
    timeoutMs: diff.timeoutMs,
    tables: diff.tables.map((t) => ({
      table: t.table,
      base: sparkRelation(t.base),
      baseKind: t.base.kind,
      head: sparkRelation(t.head),
      key: t.key ?? []
    }))
  })
}

/**
 * The task that compares a preview's tables with the environment's, added
 * to the (last) run of the preview's steps: after every task of that run
 * that writes a compared table, whatever their outcome (`ALL_DONE`: a
 * failed step must not hide the other tables' changes; dtflw drops the
 * failed step's tables from the result, see `collectDataDiff`). Its time
 * is bounded: twice the budget after which it begins no new table, and at
 * least ten minutes, so one slow join cannot hold a pull request's check.
 */
export function planDiffTask(input: {
  readonly diff: DataDiffPlan
  readonly key: string
  /** The steps of the run the task is part of. */
  readonly keys: ReadonlySet<string>
  readonly root: string
  readonly compute: ComputeSpec
}): SubmitTask {
  const after = [
    ...new Set(
      input.diff.tables.map((t) => t.step).filter((k) => input.keys.has(k))
    )
  ].sort()
  return {
    task_key: input.key,
    description: `dtflw: what this pull request changes in the tables, against ${input.diff.against}`,
    ...(after.length > 0
      ? { depends_on: after.map((task_key) => ({ task_key })) }
      : {}),
    run_if: 'ALL_DONE',
    notebook_task: {
      notebook_path: remoteNotebookPath(input.root, DIFF_NOTEBOOK_PATH),
      base_parameters: { plan: renderDiffParameter(input.diff) },
      source: 'WORKSPACE'
    },
    timeout_seconds: Math.max(
      600,
      Math.ceil((input.diff.timeoutMs * 2) / 1000)
    ),
    ...computeFields(input.compute)
  }
}
