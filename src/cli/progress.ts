import type { RunEvent } from '../report/index.js'
import { seconds } from './render.js'

/** Where progress goes: a stream and whether it is a terminal we may redraw. */
export interface ProgressSink {
  write(text: string): void
  readonly isTTY: boolean
  readonly columns?: number
}

/**
 * Shows a run as it goes. On a terminal: a live block of the running steps
 * with their elapsed time, redrawn in place, and one line per finished
 * step above it. Elsewhere (CI logs): plain lines, one per start and end.
 */
export function createProgress(
  sink: ProgressSink,
  now: () => number = Date.now
) {
  const running = new Map<string, number>()
  let total = 0
  let done = 0
  let drawn = 0
  let timer: NodeJS.Timeout | undefined
  const clear = () => {
    if (!sink.isTTY || drawn === 0) return
    sink.write(`\x1b[${drawn}A\x1b[0J`)
    drawn = 0
  }
  const draw = () => {
    if (!sink.isTTY) return
    clear()
    const lines = [...running.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, start]) => `  running  ${key}  ${seconds(now() - start)}`)
    lines.push(`  ${done}/${total} steps done`)
    sink.write(lines.join('\n') + '\n')
    drawn = lines.length
  }
  const line = (text: string) => {
    clear()
    sink.write(text + '\n')
    draw()
  }
  return {
    onEvent(event: RunEvent): void {
      switch (event.type) {
        case 'deploy-started':
          // The local engine runs notebooks where they are.
          if (event.engine !== 'local') {
            line(`Deploying ${event.notebooks} notebooks to ${event.engine}`)
          }
          break
        case 'deploy-finished': {
          const r = event.result
          if (r.uploaded.length + r.removed.length > 0 || r.requests) {
            line(
              `Deployed: ${r.uploaded.length} uploaded, ${r.unchanged.length} unchanged, ${r.removed.length} removed`
            )
          }
          break
        }
        case 'run-submitted':
          line(
            `Submitted run ${event.remoteRunId}${event.url ? `: ${event.url}` : ''}`
          )
          break
        case 'run-started':
          total = event.steps.length
          if (sink.isTTY) timer = setInterval(draw, 250)
          line(`Running ${total} steps (run ${event.runId})`)
          break
        case 'step-started':
          running.set(event.key, now())
          if (!sink.isTTY) line(`started   ${event.key}`)
          else draw()
          break
        case 'step-finished': {
          running.delete(event.key)
          done++
          const r = event.result
          const why = r.error ? `: ${r.error.message}` : ''
          line(
            r.status === 'lazy'
              ? `skipped (outputs exist) ${event.key}`
              : `${r.status.padEnd(10)}${event.key} ${seconds(r.durationMs)}${why}`
          )
          break
        }
        case 'run-finished':
          if (timer) clearInterval(timer)
          clear()
          break
        default:
          break
      }
    },
    /** A line of progress from long work (e.g. a deploy's uploads). */
    note(text: string): void {
      line(text)
    },
    stop(): void {
      if (timer) clearInterval(timer)
      clear()
    }
  }
}
