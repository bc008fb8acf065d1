import { describeEvent, seconds } from '../report/index.js'
import type { RunEvent } from '../report/index.js'

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
        case 'run-started':
          total = event.steps.length
          if (sink.isTTY) timer = setInterval(draw, 250)
          break
        case 'step-started':
          running.set(event.key, now())
          // On a terminal the live block shows it; elsewhere a line does.
          if (sink.isTTY) {
            draw()
            return
          }
          break
        case 'step-finished':
          running.delete(event.key)
          done++
          break
        case 'run-finished':
          if (timer) clearInterval(timer)
          clear()
          // The summary follows on stdout.
          return
        default:
          break
      }
      const text = describeEvent(event)
      if (text !== undefined) line(text)
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
