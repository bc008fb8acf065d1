import type { TableAccess } from '../../../report/index.js'
import { checkColumns } from '../../columns.js'
import { tableExists } from '../tables/index.js'
import type { StepInput, StepOutput, TableInspector } from '../tables/index.js'
import { StepFailure } from '../failure/index.js'

/**
 * After the notebook: every output was written and has its declared
 * columns. All problems are gathered into one failure; a missing output
 * wins over column problems, being the more basic one.
 */
export async function checkOutputs(
  inspector: TableInspector,
  outputs: readonly StepOutput[]
): Promise<TableAccess[]> {
  const missing: StepOutput[] = []
  const mismatched: { output: StepOutput; problems: string[] }[] = []
  const writes: TableAccess[] = []
  for (const o of outputs) {
    const stagedTable = { ...o.table, path: o.staging.staged }
    if (!(await tableExists(stagedTable))) {
      missing.push(o)
      continue
    }
    if (o.output.columns && o.output.columns.length > 0) {
      const actual = await inspector.describe(stagedTable)
      const problems = checkColumns(actual, o.output.columns, o.output.strict)
      if (problems.length > 0) mismatched.push({ output: o, problems })
    }
    writes.push({
      table: o.output.alias,
      param: o.output.param,
      location: o.output.location,
      rows: await inspector.countRows(stagedTable)
    })
  }
  if (missing.length > 0) {
    const first = missing[0].output
    const names = missing.map((o) => `"${o.output.alias}"`).join(', ')
    throw new StepFailure({
      kind: 'output-missing',
      table: first.alias,
      message: `${missing.length === 1 ? 'output' : 'outputs'} ${names} ${missing.length === 1 ? 'was' : 'were'} not written by the notebook: in SQL create it with CREATE OR REPLACE TABLE IDENTIFIER(:${first.param}) AS …, in Python write to dbutils.widgets.get("${first.param}").`
    })
  }
  if (mismatched.length > 0) {
    const first = mismatched[0].output.output
    throw new StepFailure({
      kind: 'columns',
      table: first.alias,
      message: mismatched
        .map(
          (m) =>
            `output "${m.output.output.alias}" does not have its declared columns: ${m.problems.join('; ')}.`
        )
        .join(' ')
    })
  }
  return writes
}

/** Declared reads, with row counts where Parquet metadata gives them. */
export async function countReads(
  inspector: TableInspector,
  declared: readonly TableAccess[],
  inputs: readonly StepInput[]
): Promise<TableAccess[]> {
  return Promise.all(
    declared.map(async (access) => {
      const input = inputs.find((i) => i.input.param === access.param)
      if (!input || input.table.format !== 'parquet') return access
      const rows = await inspector.countRows(input.table)
      return { ...access, rows }
    })
  )
}
