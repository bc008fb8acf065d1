import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'

/**
 * The folder of `dtflw_worker.py` and `dtflw_harness.py`: this module's
 * own in the sources and in `lib/`; in a bundle, where this module is part
 * of a chunk, `python/` beside the chunk (the build copies them there).
 */
export function pythonHarnessDir(): string {
  const here = fileURLToPath(new URL('./', import.meta.url))
  return existsSync(`${here}dtflw_worker.py`)
    ? here
    : fileURLToPath(new URL('./python/', import.meta.url))
}

/** The worker script, checked so a broken install says what is missing. */
export function pythonWorkerScript(): string {
  const script = `${pythonHarnessDir()}dtflw_worker.py`
  if (!existsSync(script)) {
    throw new Error(
      `the Python harness of the local engine is missing (${script}); reinstall dtflw.`
    )
  }
  return script
}

/** One step for a worker: the notebook spec and the step's folders. */
export interface WorkerRequest {
  readonly spec: unknown
  /** The notebook's working folder (the repository root). */
  readonly cwd: string
  /** The step's private temporary folder. */
  readonly tmp: string
}

/** How a step ended in a worker. */
export interface WorkerDone {
  readonly exitValue?: string
  readonly error?: {
    readonly type: string
    readonly message: string
    readonly line: number | null
    readonly traceback: string
  }
  /** The worker died before the step's result (how it ended). */
  readonly crashed?: string
}

/** A started `dtflw_worker.py`: runs one request at a time. */
export interface PythonWorker {
  readonly pid: number | undefined
  /** False once the process exited or was told to end. */
  readonly alive: boolean
  run(
    request: WorkerRequest,
    onOutput: (stream: 'stdout' | 'stderr', line: string) => void
  ): Promise<WorkerDone>
  /** Ends the worker (closes its input: it exits at once). */
  close(): void
  /** Stops the worker and its step now: SIGTERM, then SIGKILL. */
  kill(): void
}

/** What starts a worker: a command line, its environment and folder. */
export interface WorkerCommand {
  readonly file: string
  readonly args: readonly string[]
  readonly env: Readonly<Record<string, string>>
  readonly cwd: string
}

/** Written by the worker on stdout and stderr after each step, with its nonce. */
const END_OF_STEP = '\u0000dtflw-end-of-step '
const KILL_GRACE_MS = 3000
/** How long after a worker exits its pipes are still read (its last lines). */
const EXIT_DRAIN_MS = 500

type Part = 'done' | 'stdout' | 'stderr'

/**
 * Starts a worker (see `dtflw_worker.py` for the protocol): requests on
 * its stdin, the notebook's lines on stdout and stderr, results on fd 3.
 * Each request carries a nonce the notebook never sees: a step is over
 * once the result and the end marker on both streams carrying that nonce
 * have arrived, so no line lands in another step's log and nothing the
 * notebook prints or writes ends its step. When the worker exits, its
 * pipes are closed on this side too: a process it left behind cannot keep
 * the engine alive. A failure to start (ENOENT) rejects the first `run`.
 */
export function startPythonWorker(command: WorkerCommand): PythonWorker {
  let closed = false
  let exited = false
  let startError: NodeJS.ErrnoException | undefined
  const tail: string[] = []
  let current:
    | {
        nonce: string
        onOutput: (stream: 'stdout' | 'stderr', line: string) => void
        waiting: Set<Part>
        done?: WorkerDone
        resolve: (done: WorkerDone) => void
        reject: (error: Error) => void
      }
    | undefined

  const child: ChildProcess = spawn(command.file, [...command.args], {
    cwd: command.cwd,
    env: command.env,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe']
  })
  child.stdin!.on('error', () => undefined)
  const settle = (part: Part): void => {
    if (!current) return
    current.waiting.delete(part)
    if (current.waiting.size > 0) return
    const finished = current
    current = undefined
    finished.resolve(withTail(finished.done ?? { crashed: 'no result' }))
  }
  // A worker's own report of a step that died says how; the lines the
  // step printed last say why.
  const withTail = (done: WorkerDone): WorkerDone => {
    if (done.crashed === undefined) return done
    const said = tail
      .filter((l) => l.trim())
      .slice(-5)
      .join('\n')
    return said ? { ...done, crashed: `${done.crashed}: ${said}` } : done
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    createInterface({ input: child[stream]! }).on('line', (line) => {
      const marker = current ? `${END_OF_STEP}${current.nonce}` : undefined
      if (marker && line.endsWith(marker)) {
        const before = line.slice(0, -marker.length)
        if (before) current!.onOutput(stream, before)
        return settle(stream)
      }
      tail.push(line)
      if (tail.length > 20) tail.shift()
      current?.onOutput(stream, line)
    })
  }
  createInterface({ input: child.stdio[3] as Readable }).on('line', (line) => {
    if (!current || !line) return
    let message: { done?: WorkerDone; nonce?: unknown }
    try {
      message = JSON.parse(line) as typeof message
    } catch {
      return
    }
    if (message.nonce !== current.nonce || !message.done) return
    current.done = message.done
    settle('done')
  })
  child.once('error', (error: NodeJS.ErrnoException) => {
    startError = error
    exited = true
    current?.reject(error)
    current = undefined
  })
  child.once('exit', () => {
    exited = true
    // A process the step left behind may still hold these pipes; reading
    // them further would keep the engine's process alive.
    setTimeout(() => {
      for (const stream of [child.stdout, child.stderr, child.stdio[3]]) {
        ;(stream as Readable | null)?.destroy()
      }
    }, EXIT_DRAIN_MS).unref()
  })
  child.once('close', (code, signal) => {
    exited = true
    if (!current) return
    const finished = current
    current = undefined
    const why = signal ? `killed by signal ${signal}` : `exit code ${code}`
    const said = tail
      .filter((l) => l.trim())
      .slice(-5)
      .join('\n')
    finished.resolve({ crashed: said ? `${why}: ${said}` : why })
  })

  return {
    get pid() {
      return child.pid
    },
    get alive() {
      return !closed && !exited
    },
    run(request, onOutput) {
      if (startError) return Promise.reject(startError)
      if (exited) return Promise.resolve({ crashed: 'the worker had ended' })
      tail.length = 0
      const nonce = randomBytes(16).toString('hex')
      return new Promise<WorkerDone>((resolve, reject) => {
        current = {
          nonce,
          onOutput,
          waiting: new Set(['done', 'stdout', 'stderr']),
          resolve,
          reject
        }
        child.stdin!.write(`${JSON.stringify({ ...request, nonce })}\n`)
      })
    },
    close() {
      closed = true
      child.stdin!.end()
    },
    kill() {
      closed = true
      if (exited) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => {
        if (!exited) child.kill('SIGKILL')
      }, KILL_GRACE_MS)
      timer.unref()
    }
  }
}
