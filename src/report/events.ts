import { createWriteStream } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/** One line of the structured log: a timestamp, a type, and plain data. */
export interface LogRecord {
  readonly '@timestamp': string
  readonly type: string
  readonly [field: string]: unknown
}

/** An append-only JSON-lines file (`events.jsonl`). */
export interface EventLog {
  append(record: LogRecord): void
  /** Flushes and closes the file; appends after this are dropped. */
  close(): Promise<void>
}

/**
 * Opens (creating or appending to) a JSON-lines log, with `mask` applied
 * to every line. Appends never wait:
 * the stream keeps their order, and `close` waits for all of them, so a
 * run's log is complete once its report is written.
 */
export async function createEventLog(
  file: string,
  mask: (text: string) => string = (text) => text
): Promise<EventLog> {
  await mkdir(path.dirname(file), { recursive: true })
  const stream = createWriteStream(file, { flags: 'a' })
  let closed = false
  return {
    append(record) {
      if (!closed) stream.write(mask(`${JSON.stringify(record)}\n`))
    },
    close() {
      if (closed) return Promise.resolve()
      closed = true
      return new Promise((resolve, reject) => {
        stream.once('error', reject)
        stream.end(() => resolve())
      })
    }
  }
}

/** Reads a JSON-lines log back; blank lines are ignored. */
export async function readEventLog(file: string): Promise<LogRecord[]> {
  const text = await readFile(file, 'utf8')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogRecord)
}
