import path from 'node:path'
import type { PlannedSource, PlannedStep } from '../../../flow/index.js'
import { toPosixRelative } from '../../../io/index.js'
import { StepFailure } from '../failure/index.js'
import type { StepInput, StepOutput } from './step-tables.js'
import {
  grantFor,
  readExpression,
  resolveLocalTable,
  tableExists
} from './tables.js'

/**
 * Every non-optional input must exist before the step runs (dtflw's
 * "Required input not found"); an optional one that does not exist is
 * given as `""`, as dtflw does.
 */
export async function resolveInputs(
  root: string,
  sources: readonly PlannedSource[],
  step: PlannedStep,
  parameters: Record<string, string>
): Promise<StepInput[]> {
  const inputs: StepInput[] = []
  for (const input of step.inputs) {
    if (!input.location) {
      parameters[input.param] = ''
      continue
    }
    const options = input.isSource
      ? sources.find((s) => s.name === input.table)?.options
      : undefined
    const table = resolveLocalTable(root, input.location, options)
    if (!(await tableExists(table))) {
      if (input.optional) {
        parameters[input.param] = ''
        continue
      }
      const where = toPosixRelative(root, table.path)
      const hint = input.producer
        ? `run step "${input.producer}" first (it writes this table)`
        : input.isSource
          ? `check where the profile says source "${input.table}" lives`
          : 'check its location'
      throw new StepFailure({
        kind: 'input-missing',
        table: input.table,
        message: `input "${input.name}" (table "${input.table}") was not found at ${where}: ${hint}.`
      })
    }
    inputs.push({
      input,
      table,
      reader: await readExpression(table),
      grant: await grantFor(table)
    })
  }
  return inputs
}

/**
 * Path-layout outputs are given to the notebook as their staging path, in
 * the form the plan used (relative to the repository, or absolute), so
 * the notebook writes where promotion picks it up. Catalog-layout outputs
 * keep their table name: the notebook creates the table, the engine copies
 * it out.
 */
export function withStagedOutputs(
  root: string,
  step: PlannedStep,
  parameters: Record<string, string>,
  outputs: readonly StepOutput[]
): Record<string, string> {
  const next = { ...parameters }
  for (const o of outputs) {
    if (o.output.location.kind !== 'path') continue
    const given = step.parameters[o.output.param] ?? ''
    next[o.output.param] = path.isAbsolute(given)
      ? o.staging.staged
      : toPosixRelative(root, o.staging.staged)
  }
  return next
}
