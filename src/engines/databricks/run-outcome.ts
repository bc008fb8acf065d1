import {
  DtflwError,
  InternalError,
  PlatformError
} from '../../diagnostics/index.js'
import type { Plan } from '../../flow/index.js'
import { notRunResult } from '../../report/index.js'
import type { RemoteRun, StepResult } from '../../report/index.js'
import type { EngineRun } from '../engine.js'

/** What `run` returns: a result per step, the runs, why it stopped. */
export function outcome(
  plan: Plan,
  results: ReadonlyMap<string, StepResult>,
  remoteRuns: readonly RemoteRun[] = [],
  stopped?: EngineRun['stopped']
): EngineRun {
  const first = remoteRuns[0]
  return {
    steps: plan.steps.map(
      (step) => results.get(step.key) ?? notRunResult(step, 'pending')
    ),
    ...(first
      ? {
          remoteRunId: first.remoteRunId,
          ...(first.url ? { runUrl: first.url } : {})
        }
      : {}),
    ...(remoteRuns.length > 0 ? { remoteRuns } : {}),
    ...(stopped ? { stopped } : {})
  }
}

/**
 * Why following stopped on an error, as the command will say it: the
 * error, and plainly whether the runs were cancelled or still run, with
 * their pages.
 */
export function stoppedBy(
  error: unknown,
  stillRunning: readonly RemoteRun[],
  runs: readonly RemoteRun[],
  profile: string
): NonNullable<EngineRun['stopped']> {
  const cause =
    error instanceof DtflwError
      ? error.message
      : String((error as Error)?.message ?? error)
  if (runs.length === 0)
    // Nothing was started (a submit refused): the error as it is.
    return {
      reason: cause,
      stillRunning: [],
      error:
        error instanceof DtflwError
          ? error
          : new InternalError(cause, { cause: error })
    }
  const pages = runs.map((r) => r.url ?? r.remoteRunId).join(', ')
  const left =
    stillRunning.length > 0
      ? describeStillRunning(stillRunning, profile)
      : runs.length === 1
        ? `The Databricks run was cancelled (${pages})`
        : `The Databricks runs were cancelled (${pages})`
  const reason = `dtflw stopped following the run: ${cause.replace(/\.$/, '')}. ${left}.`
  return {
    reason,
    stillRunning,
    error:
      error instanceof DtflwError
        ? new StoppedFollowingError(reason, error)
        : new InternalError(cause, { cause: error })
  }
}

export function describeStillRunning(
  runs: readonly RemoteRun[],
  profile: string
): string {
  return runs
    .map(
      (r) =>
        `Databricks run ${r.remoteRunId} still runs${r.url ? ` (${r.url})` : ''}: cancel it on its page or with dtflw cancel --profile ${profile} --run-id ${r.remoteRunId}`
    )
    .join('; ')
}

/** Following a run ended on a platform error; keeps its exit code. */
class StoppedFollowingError extends PlatformError {
  constructor(message: string, cause: DtflwError) {
    super(message, { cause })
    this.name = 'StoppedFollowingError'
  }
}
