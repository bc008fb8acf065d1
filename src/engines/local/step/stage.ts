import { mkdir } from 'node:fs/promises'
import {
  applyWidgetDefaults,
  findWidgetDefaults,
  planRunMode
} from '../notebook/index.js'
import { withStagedOutputs } from '../tables/index.js'
import type { StagedOutput, StepOutput } from '../tables/index.js'
import type {
  NotebookCall,
  ResolvedOutput,
  StepReads,
  StepRun
} from './step-run.js'

/**
 * The outputs as the notebook writes them: each at its staging place
 * (`stageOutputs`), starting as the rows of the table it rewrites.
 */
export function withStaging(
  run: StepRun,
  outputs: readonly ResolvedOutput[],
  staged: readonly StagedOutput[],
  prior: StepReads['prior']
): StepOutput[] {
  const staging = outputs.map((o, i) => ({
    ...o,
    staging: staged[i],
    ...(prior[i] ? { prior: prior[i] } : {})
  }))
  for (const o of staging) {
    if (o.prior) {
      run.record.write(
        `${o.output.param}: starts as the rows of the table it rewrites`
      )
    }
  }
  return staging
}

/**
 * The step's private folder, and the call: a widget the flow does not pass
 * takes the notebook's default, as on Databricks (that is how a notebook
 * run as it stands gets its values).
 */
export async function prepareNotebook(
  run: StepRun,
  outputs: readonly StepOutput[]
): Promise<NotebookCall> {
  const { settings, step, notebook, record } = run
  await mkdir(run.tmp, { recursive: true })
  const mode = planRunMode(notebook)
  const { parameters: given, applied } = applyWidgetDefaults(
    withStagedOutputs(settings.root, step, record.parameters, outputs),
    findWidgetDefaults(notebook)
  )
  for (const w of applied) {
    record.write(
      `${w.name}: not passed by the flow, so the notebook's default "${w.value}" (${notebook.path}:${w.line})`
    )
  }
  const staging = outputs.map((o) => o.staging.stagingDir)
  return { mode, given, writable: [run.tmp, ...new Set(staging)] }
}
