import type { LogRecord } from '../../report/index.js'
import type { RunEvent } from '../engine.js'

/** A run event as one line of `events.jsonl`. */
export function toLogRecord(runId: string, event: RunEvent): LogRecord {
  const base = { '@timestamp': event.at, type: event.type, run: runId }
  switch (event.type) {
    case 'run-started':
      return { ...base, steps: event.steps }
    case 'step-started':
      return { ...base, key: event.key, attempt: event.attempt }
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
        ...(r.skippedBecause ? { skippedBecause: r.skippedBecause } : {}),
        ...(r.error ? { error: r.error } : {})
      }
    }
    case 'run-finished':
      return {
        ...base,
        status: event.report.status,
        durationMs: event.report.durationMs,
        ...(event.report.resume ? { resume: event.report.resume } : {})
      }
  }
}
