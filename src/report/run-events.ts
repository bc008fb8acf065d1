import type { EngineName } from '../profiles/index.js'
import type { DeployResult } from './deploy.js'
import type { LogRecord } from './events.js'
import type { RunReport, StepResult } from './types.js'

/**
 * Something a deploy or a running flow tells whoever is watching (progress
 * views, the event log, the Action's state). Engines emit the step events;
 * the command layer emits the run and deploy ones around them.
 */
export type RunEvent =
  | {
      readonly type: 'deploy-started'
      readonly at: string
      readonly engine: EngineName
      readonly notebooks: number
    }
  | {
      readonly type: 'deploy-finished'
      readonly at: string
      readonly result: DeployResult
    }
  | {
      readonly type: 'run-started'
      readonly at: string
      readonly runId: string
      readonly steps: readonly string[]
    }
  | {
      /** The engine handed the flow to a platform that runs it remotely. */
      readonly type: 'run-submitted'
      readonly at: string
      /** The platform's id of the run (e.g. a Databricks run id). */
      readonly remoteRunId: string
      readonly url?: string
    }
  | {
      readonly type: 'step-started'
      readonly key: string
      readonly at: string
      readonly attempt: number
      readonly url?: string
    }
  | {
      readonly type: 'step-log'
      readonly key: string
      readonly at: string
      readonly line: string
    }
  | {
      readonly type: 'step-finished'
      readonly key: string
      readonly at: string
      readonly result: StepResult
    }
  | {
      readonly type: 'run-finished'
      readonly at: string
      readonly report: RunReport
    }

/** The events an engine emits while it runs a plan. */
export type StepEvent = Extract<
  RunEvent,
  { type: 'run-submitted' | 'step-started' | 'step-log' | 'step-finished' }
>

/** A run event as one line of `events.jsonl`. */
export function toLogRecord(runId: string, event: RunEvent): LogRecord {
  const base = { '@timestamp': event.at, type: event.type, run: runId }
  switch (event.type) {
    case 'deploy-started':
      return { ...base, engine: event.engine, notebooks: event.notebooks }
    case 'deploy-finished':
      return {
        ...base,
        root: event.result.root,
        uploaded: event.result.uploaded.length,
        removed: event.result.removed.length,
        unchanged: event.result.unchanged.length
      }
    case 'run-started':
      return { ...base, steps: event.steps }
    case 'run-submitted':
      return {
        ...base,
        remoteRunId: event.remoteRunId,
        ...(event.url ? { url: event.url } : {})
      }
    case 'step-started':
      return {
        ...base,
        key: event.key,
        attempt: event.attempt,
        ...(event.url ? { url: event.url } : {})
      }
    case 'step-log':
      return { ...base, key: event.key, line: event.line }
    case 'step-finished': {
      const r = event.result
      return {
        ...base,
        key: event.key,
        status: r.status,
        ...(r.durationMs !== undefined ? { durationMs: r.durationMs } : {}),
        ...(r.exitValue !== undefined ? { exitValue: r.exitValue } : {}),
        ...(r.runUrl ? { runUrl: r.runUrl } : {}),
        ...(r.skippedBecause ? { skippedBecause: r.skippedBecause } : {}),
        ...(r.error ? { error: r.error } : {})
      }
    }
    case 'run-finished':
      return {
        ...base,
        status: event.report.status,
        durationMs: event.report.durationMs,
        ...(event.report.runUrl ? { runUrl: event.report.runUrl } : {}),
        ...(event.report.resume ? { resume: event.report.resume } : {})
      }
  }
}
