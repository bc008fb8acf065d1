import type { PlannedStep } from '../../../flow/index.js'
import { LOCAL_FORMATS } from '../../../profiles/index.js'
import { StepFailure } from '../failure/index.js'
import {
  planPriorTables,
  resolveInputs,
  resolveLocalTable,
  tableExists
} from '../tables/index.js'
import { isSafeFileName } from './step-files.js'
import type { ResolvedOutput, StepReads, StepRun } from './step-run.js'

/**
 * The step's outputs as local tables. A key that cannot name the step's
 * log and work folder fails the step here, before anything is written.
 */
export function resolveOutputs(
  root: string,
  step: PlannedStep
): ResolvedOutput[] {
  if (!isSafeFileName(step.key)) {
    throw new StepFailure({
      kind: 'engine',
      message: `step key ${JSON.stringify(step.key)} cannot name the step's log and work folder: set key: on the step in dtflw.yaml to letters, digits, "_" and "-".`
    })
  }
  return step.outputs.map((output) => ({
    output,
    table: resolveLocalTable(root, output.location)
  }))
}

/** `--lazy`: the step has outputs, and every one of them exists. */
export async function isLazySkip(
  lazy: boolean,
  outputs: readonly ResolvedOutput[]
): Promise<boolean> {
  if (!lazy || outputs.length === 0) return false
  const present = await Promise.all(outputs.map((o) => tableExists(o.table)))
  return present.every(Boolean)
}

/**
 * Before anything is staged: each output in a format the engine writes,
 * each input that must exist present (a missing optional one is given as
 * `""`, in the record's parameters), and the rows each output the step
 * rewrites starts as.
 */
export async function prepareInputs(
  run: StepRun,
  outputs: readonly ResolvedOutput[]
): Promise<StepReads> {
  const { settings, step } = run
  for (const o of outputs) {
    if (!LOCAL_FORMATS.includes(o.table.format)) {
      throw new StepFailure({
        kind: 'engine',
        table: o.output.alias,
        message: `output "${o.output.alias}" has format "${o.table.format}", which the local engine cannot write (parquet, csv, json); use parquet for local profiles.`
      })
    }
  }
  const inputs = await resolveInputs(
    settings.root,
    settings.sources,
    step,
    run.record.parameters
  )
  const prior = await planPriorTables(step, inputs, outputs)
  return { inputs, prior }
}
