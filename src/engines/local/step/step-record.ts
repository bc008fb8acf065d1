import path from 'node:path'
import type { PlannedStep } from '../../../flow/index.js'
import { declaredAccesses } from '../../../report/index.js'
import type { StepResult } from '../../../report/index.js'
import { stepLogPath } from './step-files.js'
import { openStepLog } from './step-log.js'
import type { LocalStepSettings } from './step-run.js'

/** A step's log and the result it ends with. */
export interface StepRecord {
  /**
   * The parameters the report shows: the plan's values, and `""` for a
   * missing optional input (set as inputs are resolved).
   */
  readonly parameters: Record<string, string>
  /** A line for the step's log (masked there) and the run's events. */
  write(line: string): void
  /** Marks the step started, once: a lazy skip never starts. */
  start(): void
  /** The step's result; every end but a lazy skip follows a start. */
  finish(status: StepResult['status'], extra?: Partial<StepResult>): StepResult
  close(): Promise<void>
}

/** Opens the step's log (replacing what an earlier run left) and its clock. */
export async function openStepRecord(
  settings: LocalStepSettings,
  step: PlannedStep
): Promise<StepRecord> {
  const startedAt = settings.now()
  const logFile = stepLogPath(step.key)
  const log = await openStepLog(path.join(settings.runDir, logFile))
  const declared = declaredAccesses(step)
  const parameters: Record<string, string> = { ...step.parameters }
  let started = false
  const start = (): void => {
    if (started) return
    started = true
    settings.onStarted(step.key)
  }
  return {
    parameters,
    write(line) {
      log.write(settings.mask(line))
      settings.onLog(step.key, line)
    },
    start,
    finish(status, extra = {}) {
      if (status !== 'lazy') start()
      const finishedAt = settings.now()
      const output = log.tail()
      return {
        key: step.key,
        notebook: step.notebook,
        status,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        attempt: 1,
        parameters,
        ...declared,
        log: logFile,
        ...(output ? { output } : {}),
        ...extra
      }
    },
    close: () => log.close()
  }
}
