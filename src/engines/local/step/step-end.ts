import { rm } from 'node:fs/promises'
import type { StepError, StepResult } from '../../../report/index.js'
import { StepFailure } from '../failure/index.js'
import { discardStaging } from '../tables/index.js'
import type { StagedOutput } from '../tables/index.js'
import type { StepRun } from './step-run.js'

/** Cancelled by the run (`cancelled` aborted), or stopped by its timeout. */
export function stopStep(run: StepRun, cancelled: AbortSignal): StepResult {
  const { step, record } = run
  if (cancelled.aborted) {
    record.write('Cancelled')
    return record.finish('cancelled', {
      error: {
        kind: 'cancelled',
        message: `step "${step.key}" was cancelled.`
      }
    })
  }
  const message = `step "${step.key}" timed out after ${run.settings.timeoutSeconds} s (timeout_seconds of the profile) and was stopped, with everything it started.`
  record.write(`Failed: ${message}`)
  return record.finish('failed', { error: { kind: 'timeout', message } })
}

/**
 * Failed: with the error a `StepFailure` carries, or, for any other error,
 * as the engine's own failure with its stack.
 */
export function failStep(run: StepRun, error: unknown): StepResult {
  const failure: StepError =
    error instanceof StepFailure
      ? error.error
      : {
          kind: 'engine',
          message: `the local engine failed while running step "${run.step.key}": ${(error as Error).message}`,
          ...((error as Error).stack ? { detail: (error as Error).stack } : {})
        }
  run.record.write(`Failed: ${failure.message}`)
  // The whole of what the engine said (DuckDB's excerpt, a traceback):
  // the one line above is the summary.
  if (failure.detail) run.record.write(failure.detail)
  return run.record.finish('failed', { error: failure })
}

/**
 * However the step ended: its staging folders go, its private folder is
 * removed in the background (freeing a large copy takes a file system a
 * while, and the next step need not wait for it), its log is closed.
 */
export async function cleanUpStep(
  run: StepRun,
  staged: readonly StagedOutput[]
): Promise<void> {
  await discardStaging(staged)
  run.settings.later(rm(run.tmp, { recursive: true, force: true }))
  await run.record.close()
}
