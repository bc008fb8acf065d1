import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { END_OF_JOB } from './sql-job.js'
import { createWorkerPool } from '../../worker-pool.js'
import type { WorkerPool } from '../../worker-pool.js'
import type {
  DescribedRelation,
  SqlJob,
  SqlJobError,
  SqlWorkerMessage,
  SqlWorkerRequest
} from './sql-job.js'

/** How a SQL job ended: done (maybe with an error), or its process died. */
export type SqlJobResult =
  | {
      readonly error?: SqlJobError
      readonly described?: readonly DescribedRelation[]
      readonly crashed?: undefined
    }
  | { readonly crashed: string }

/** A SQL worker process: one job at a time. */
export interface SqlWorker {
  readonly alive: boolean
  run(
    job: SqlJob,
    onLog: (line: string) => void,
    onOutput: (line: string) => void
  ): Promise<SqlJobResult>
  /** Each query's rows, from a database of the engine's own (never a notebook's). */
  inspect(queries: readonly string[]): Promise<unknown[][][]>
  /** Interrupts the running statement (DuckDB's interrupt). */
  interrupt(): void
  /** Stops the process now. */
  kill(): void
  close(): void
}

/**
 * `sql-worker.js` beside this module (`lib/`, or `dist/cli/` where the
 * bundle builds it), else `sql-worker.ts` in the sources, which Node runs
 * by stripping its types.
 */
export function sqlWorkerScript(): string {
  const compiled = fileURLToPath(new URL('./sql-worker.js', import.meta.url))
  if (existsSync(compiled)) return compiled
  return fileURLToPath(new URL('./sql-worker.ts', import.meta.url))
}

/**
 * Starts a SQL worker with a clean environment (nothing of the CLI's but
 * PATH, HOME and LANG); it loads DuckDB at once, from `searchFrom` (the
 * pipeline repository) when dtflw has none of its own (the bundle). Its
 * stdout and stderr (what DuckDB prints itself: `PRAGMA enable_profiling`,
 * an abort's message) go to the running job's step log; a job is over once its `done` message and the end marker on
 * both streams have arrived, so no line lands in the wrong step.
 */
export function startSqlWorker(
  env: Readonly<Record<string, string>>,
  searchFrom?: string
): SqlWorker {
  let closed = false
  let exited = false
  let current:
    | {
        id: number
        onLog: (line: string) => void
        onOutput: (line: string) => void
        waiting: Set<'done' | 'stdout' | 'stderr'>
        result?: SqlJobResult
        resolve: (result: SqlJobResult) => void
      }
    | undefined
  const outputTail: string[] = []
  const inspections = new Map<
    number,
    { resolve: (rows: unknown[][][]) => void; reject: (error: Error) => void }
  >()
  let inspected = 0

  const child = fork(sqlWorkerScript(), searchFrom ? [searchFrom] : [], {
    execArgv: [],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json'
  })
  const settle = (part: 'done' | 'stdout' | 'stderr'): void => {
    if (!current) return
    current.waiting.delete(part)
    if (current.waiting.size > 0) return
    const finished = current
    current = undefined
    hold(false)
    finished.resolve(finished.result ?? {})
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    createInterface({ input: child[stream]! }).on('line', (line) => {
      if (line === END_OF_JOB) return settle(stream)
      outputTail.push(line)
      if (outputTail.length > 20) outputTail.shift()
      current?.onOutput(line)
    })
  }
  child.on('message', (message: SqlWorkerMessage) => {
    if (message.type === 'inspected') {
      const waiting = inspections.get(message.id)
      inspections.delete(message.id)
      if (inspections.size === 0 && !current) hold(false)
      if (message.error !== undefined) {
        waiting?.reject(new Error(message.error))
      } else waiting?.resolve((message.results ?? []) as unknown[][][])
      return
    }
    if (!current || message.id !== current.id) return
    if (message.type === 'log') current.onLog(message.line)
    else {
      current.result = {
        ...(message.error ? { error: message.error } : {}),
        ...(message.described ? { described: message.described } : {})
      }
      settle('done')
    }
  })
  child.once('close', (code, signal) => {
    exited = true
    for (const waiting of inspections.values()) {
      waiting.reject(new Error(`the SQL worker ended (${signal ?? code})`))
    }
    inspections.clear()
    if (!current) return
    const finished = current
    current = undefined
    const why = signal ? `killed by signal ${signal}` : `exit code ${code}`
    const tail = outputTail.filter((l) => l.trim()).join('\n')
    finished.resolve({ crashed: tail ? `${why}: ${tail}` : why })
  })
  child.on('error', () => undefined)
  // An idle worker never keeps the engine's process alive; a busy one does.
  const hold = (on: boolean): void => {
    for (const handle of [child, child.channel, child.stdout, child.stderr]) {
      const h = handle as { ref?: () => void; unref?: () => void } | null
      if (on) h?.ref?.()
      else h?.unref?.()
    }
  }
  hold(false)

  const request = (message: SqlWorkerRequest): void => {
    if (!exited && child.connected) child.send(message)
  }
  return {
    get alive() {
      return !closed && !exited
    },
    run(job, onLog, onOutput) {
      if (exited) return Promise.resolve({ crashed: 'the worker had ended' })
      outputTail.length = 0
      hold(true)
      return new Promise<SqlJobResult>((resolve) => {
        current = {
          id: job.id,
          onLog,
          onOutput,
          waiting: new Set(['done', 'stdout', 'stderr']),
          resolve
        }
        request({ type: 'run', job })
      })
    },
    inspect(queries) {
      if (exited) return Promise.reject(new Error('the SQL worker had ended'))
      const id = ++inspected
      hold(true)
      return new Promise<unknown[][][]>((resolve, reject) => {
        inspections.set(id, { resolve, reject })
        request({ type: 'inspect', id, queries })
      })
    },
    interrupt() {
      request({ type: 'interrupt' })
    },
    kill() {
      closed = true
      if (!exited) child.kill('SIGKILL')
    },
    close() {
      closed = true
      if (!exited) child.disconnect()
    }
  }
}

const shared = new Map<string, WorkerPool<SqlWorker>>()

/**
 * How long an idle SQL worker waits for the next run. Runs back to back (a
 * bench, a test file) reuse it; after that it ends. Kept until the process
 * exited, idle workers piled up wherever this module is loaded more than
 * once (each of jest's module registries made a pool of its own): a dozen
 * DuckDB processes of ~120 MB per test worker, whose teardown outlasted
 * jest's 500 ms exit grace.
 */
const SQL_WORKER_IDLE_MS = 2000

/**
 * This process's SQL workers for an environment. Idle workers stay for the
 * next run (a process that runs several flows, like a test suite, starts
 * DuckDB once per parallel slot, not once per run) for
 * `SQL_WORKER_IDLE_MS`; being unreferenced, they never keep the process
 * alive, and they exit with it.
 */
export function sharedSqlWorkers(
  env: Readonly<Record<string, string>>,
  searchFrom: string
): WorkerPool<SqlWorker> {
  const key = JSON.stringify([env, searchFrom])
  let pool = shared.get(key)
  if (!pool) {
    pool = createWorkerPool(() => startSqlWorker(env, searchFrom), {
      idleMs: SQL_WORKER_IDLE_MS
    })
    shared.set(key, pool)
  }
  return pool
}

/**
 * The SQL workers of the local engine for the repository at `root`: the
 * shared pool, with nothing of the caller's environment but the home
 * folder (DuckDB's extension and secret folders live there).
 */
export function localSqlWorkers(
  root: string,
  env: Readonly<Record<string, string | undefined>>
): WorkerPool<SqlWorker> {
  return sharedSqlWorkers(
    {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: env.HOME ?? tmpdir(),
      LANG: 'C.UTF-8'
    },
    root
  )
}
