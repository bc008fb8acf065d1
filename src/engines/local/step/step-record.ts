import path from 'node:path'
import type { PlannedStep } from '../../../flow/index.js'
import { declaredAccesses } from '../../../report/index.js'
import { stepLogPath } from './step-files.js'
import { openStepLog } from './step-log.js'
import type { LocalStepSettings, StepRecord } from './step-run.js'

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
