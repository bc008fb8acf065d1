import { displayText, plural } from '../diagnostics/index.js'
import type { RunEvent } from './run-events.js'

/** Characters of a notebook's message a progress line shows. */
export const MESSAGE_SHOWN = 300
/** Characters of a URL a progress line shows (a workspace's answer). */
export const URL_SHOWN = 500

/** A URL from a platform, for one line. */
function url(text: string | undefined): string {
  return text ? displayText(text, URL_SHOWN) : ''
}

/** Seconds with one decimal, for durations a person reads. */
export function seconds(ms: number | undefined): string {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(1)}s`
}

/**
 * One plain line for a run event, as a CI log shows progress (the CLI
 * off a terminal, the Action); undefined for events not worth a line.
 */
export function describeEvent(event: RunEvent): string | undefined {
  switch (event.type) {
    case 'deploy-started':
      // The local engine runs notebooks where they are.
      return event.engine === 'local'
        ? undefined
        : `Deploying ${event.notebooks} notebooks to ${event.engine}`
    case 'deploy-finished': {
      const r = event.result
      if (r.uploaded.length + r.removed.length === 0 && !r.requests) {
        return undefined
      }
      const requests =
        r.requests !== undefined ? ` (${plural(r.requests, 'request')})` : ''
      const took = r.lockTakenOver
        ? `; took over the deploy lock of ${r.lockTakenOver.holder} (${r.lockTakenOver.reason})`
        : ''
      return `Deployed to ${r.root}: ${r.uploaded.length} uploaded, ${r.unchanged.length} unchanged, ${r.removed.length} removed${requests}${took}`
    }
    case 'run-submitted':
      return `Submitted run ${displayText(event.remoteRunId, 100)}${event.url ? `: ${url(event.url)}` : ''}`
    case 'run-started':
      return `Running ${plural(event.steps.length, 'step')} (run ${event.runId})`
    case 'step-started':
      return `started   ${event.key}${event.url ? `  ${url(event.url)}` : ''}`
    case 'step-finished': {
      const r = event.result
      if (r.status === 'lazy') return `skipped (outputs exist) ${event.key}`
      const why = r.error
        ? `: ${displayText(r.error.message, MESSAGE_SHOWN)}`
        : r.skippedBecause
          ? `: because ${r.skippedBecause} did not succeed`
          : ''
      return `${r.status.padEnd(10)}${event.key} ${seconds(r.durationMs)}${why}`
    }
    case 'run-finished':
      return `Run ${event.report.runId} ${event.report.status} in ${seconds(event.report.durationMs)}`
    case 'step-log':
      return undefined
  }
}
