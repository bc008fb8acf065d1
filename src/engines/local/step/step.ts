import type { PlannedStep } from '../../../flow/index.js'
import type { Notebook } from '../../../notebooks/index.js'
import type { StepResult } from '../../../report/index.js'
import { stageOutputs } from '../tables/index.js'
import type { StagedOutput } from '../tables/index.js'
import { checkRun, publishOutputs } from './check.js'
import { runGuarded } from './execute.js'
import { checkOutputs } from './output-checks.js'
import { isLazySkip, prepareInputs, resolveOutputs } from './prepare.js'
import { prepareNotebook, withStaging } from './stage.js'
import { cleanUpStep, failStep, stopStep } from './step-end.js'
import { stepWorkDir } from './step-files.js'
import { openStepRecord } from './step-record.js'
import type { LocalStepSettings, StepRun } from './step-run.js'
import { startTimeout } from './step-timeout.js'

/**
 * One step on the local engine, as dtflw's `LazyNotebook.run`, in phases:
 * the lazy skip (every output present); inputs checked; outputs staged;
 * the notebook (DuckDB or python3) writing to staging while the run guard
 * watches everything else; the run, output and column checks; then the
 * outputs published into place, and the step's folders cleaned up however
 * it ended. Resolves with the step's result; `cancelled` when `signal`
 * aborted it, `failed` when it ran longer than `timeoutSeconds`.
 */
export async function executeLocalStep(
  settings: LocalStepSettings,
  step: PlannedStep,
  notebook: Notebook,
  signal: AbortSignal
): Promise<StepResult> {
  const record = await openStepRecord(settings, step)
  const timeout = startTimeout(signal, settings.timeoutSeconds)
  const tmp = stepWorkDir(settings.runDir, step.key)
  const run: StepRun = {
    settings,
    step,
    notebook,
    record,
    tmp,
    signal: timeout.signal
  }
  let staged: StagedOutput[] = []
  try {
    const targets = resolveOutputs(settings.root, step)
    if (await isLazySkip(settings.lazy, targets)) {
      record.write(
        `Skipped run: ${step.notebook} (--lazy: every output exists)`
      )
      return record.finish('lazy')
    }
    record.start()
    record.write(`Running: ${step.notebook}`)
    const reads = await prepareInputs(run, targets)
    staged = await stageOutputs(targets.map((o) => o.table.path))
    const outputs = withStaging(run, targets, staged, reads.prior)
    const call = await prepareNotebook(run, outputs)
    const end = await runGuarded(run, reads, outputs, call)
    if (timeout.signal.aborted) return stopStep(run, signal)
    const exitValue = await checkRun(settings.root, end)
    const writes = await checkOutputs(settings.inspector, outputs)
    if (timeout.signal.aborted) return stopStep(run, signal)
    return await publishOutputs(run, reads.inputs, outputs, writes, exitValue)
  } catch (error) {
    if (timeout.signal.aborted) return stopStep(run, signal)
    return failStep(run, error)
  } finally {
    timeout.clear()
    await cleanUpStep(run, staged)
  }
}
