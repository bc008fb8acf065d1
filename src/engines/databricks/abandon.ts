import { notRunResult } from '../../report/index.js'
import type { PlannedStep } from '../../flow/index.js'
import type { StepResult } from '../../report/index.js'
import type { DatabricksClient } from './api/index.js'
import type { RunHandle } from './follow-io.js'

/** A run as the watch keeps it. */
export interface WatchedRun {
  readonly runId: number
  readonly url?: string
  /** The steps submitted in it. */
  readonly keys: ReadonlySet<string>
}

/**
 * What is left when following stops on an error: each run still going is
 * cancelled (with a short signal of its own, since the watch's is done),
 * and its steps without a result are settled: cancelled when the cancel
 * went through, pending when it did not, for the run still runs. Returns
 * the runs left running, so the caller can say so with their pages.
 */
export async function abandonRuns(
  client: DatabricksClient,
  going: readonly WatchedRun[],
  results: Map<string, StepResult>,
  byKey: ReadonlyMap<string, PlannedStep>
): Promise<RunHandle[]> {
  const stillRunning: RunHandle[] = []
  for (const run of going) {
    let cancelled = true
    try {
      await client.jobs.cancelRun(run.runId, {
        signal: AbortSignal.timeout(10_000)
      })
    } catch {
      cancelled = false
      stillRunning.push(handleOf(run))
    }
    for (const key of run.keys)
      if (!results.has(key))
        results.set(
          key,
          notRunResult(byKey.get(key)!, cancelled ? 'cancelled' : 'pending', {
            error: cancelled
              ? {
                  kind: 'cancelled',
                  message: 'cancelled because dtflw stopped following the run'
                }
              : {
                  kind: 'engine',
                  message:
                    'still running on Databricks when dtflw stopped following it'
                }
          })
        )
  }
  return stillRunning
}

/** A run's id and page. */
export function handleOf(run: { runId: number; url?: string }): RunHandle {
  return { runId: run.runId, ...(run.url ? { url: run.url } : {}) }
}
