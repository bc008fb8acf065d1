import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'

/** Lines kept in memory for the report's `output` of a step. */
const TAIL_LINES = 50
/** Characters at most in that tail. */
const TAIL_CHARS = 4000

/** A step's captured output: the log file, plus the last lines in memory. */
export interface StepLog {
  write(line: string): void
  /** The last lines written, for the report. */
  tail(): string
  close(): Promise<void>
}

/** Opens `file` for a step's output, replacing what an earlier run left. */
export async function openStepLog(file: string): Promise<StepLog> {
  await mkdir(path.dirname(file), { recursive: true })
  const stream = createWriteStream(file)
  const last: string[] = []
  return {
    write(line) {
      stream.write(`${line}\n`)
      last.push(line)
      if (last.length > TAIL_LINES) last.shift()
    },
    tail() {
      const text = last.join('\n')
      return text.length > TAIL_CHARS ? `…${text.slice(-TAIL_CHARS)}` : text
    },
    close() {
      return new Promise((resolve, reject) => {
        stream.once('error', reject)
        stream.end(() => resolve())
      })
    }
  }
}
