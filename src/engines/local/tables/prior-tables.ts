import type { PlannedStep } from '../../../flow/index.js'
import { quoteIdentifier } from '../sql/index.js'
import type { PriorTable, StepInput } from './step-tables.js'
import { grantFor, readExpression, tableExists } from './tables.js'
import type { LocalTable } from './tables.js'

/**
 * dtflw's read-and-rewrite rule: a step that lists a table as input and as
 * output reads the table as it is and writes its next version. On
 * Databricks both parameters name one table, so `MERGE INTO
 * IDENTIFIER(:t_out)`, `INSERT INTO` and `CREATE TABLE IF NOT EXISTS` act
 * on the rows already there. Locally an output is a fresh DuckDB table
 * copied to its file after the step; so that the notebook's statements give
 * what they give on Databricks, such an output starts as a copy of the
 * table's current rows:
 *
 * - from the input that has the output's location, when the step reads it;
 * - else, when the step lists the table as an input that has no location
 *   (an optional input no earlier step writes: the step keeps the table
 *   itself, as an SCD2 dimension does), from the file a previous run of
 *   the step left, if any. On the first run there is none, and the output
 *   starts absent, as on Databricks.
 *
 * Returns one entry per output, undefined where the output starts absent.
 */
export async function planPriorTables(
  step: PlannedStep,
  inputs: readonly StepInput[],
  outputs: readonly { readonly table: LocalTable }[]
): Promise<(PriorTable | undefined)[]> {
  return Promise.all(
    step.outputs.map(async (output, i): Promise<PriorTable | undefined> => {
      const table = outputs[i].table
      const same = inputs.find((input) => input.table.path === table.path)
      if (same) return { from: quoteIdentifier(same.input.param) }
      const kept = step.inputs.some(
        (input) => input.table === output.alias && !input.location
      )
      if (!kept || !(await tableExists(table))) return undefined
      return {
        from: await readExpression(table),
        table,
        grant: await grantFor(table)
      }
    })
  )
}
