import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { planBwrapArgs, probeBwrap } from './bwrap.js'
import { planPythonEnv, probePython } from './python-env.js'
import type { PythonInterpreter } from './python-env.js'
import {
  pythonHarnessDir,
  pythonWorkerScript,
  startPythonWorker
} from './python-worker.js'
import type {
  PythonWorker,
  WorkerDone,
  WorkerRequest
} from './python-worker.js'
import { StepFailure } from '../failure/index.js'
import { createWorkerPool } from '../../worker-pool.js'

/**
 * How much a Python step is kept apart from the machine:
 * - `standard`: a clean environment, a process of its own (forked from a
 *   warm worker) that ends with everything it started and dies with the
 *   engine; the run guard fails it, and puts the file back, when it
 *   changed a table or source it does not declare as an output;
 * - `strict`: all of that, in a `bwrap` namespace where only the step's
 *   inputs and the rest of the repository are readable, the table root and
 *   undeclared sources are hidden, and only its staging folders are
 *   writable: the engine holds it.
 */
export type SandboxLevel = 'standard' | 'strict'

/** How a run starts Python. */
export interface PythonRunnerOptions {
  readonly root: string
  /** The interpreter to start (a name on PATH or a path). */
  readonly command: string
  /** Run the command's real executable (resolved once) instead of the command. */
  readonly resolve: boolean
  readonly sandbox: SandboxLevel
  /** Keep one warm worker per parallel slot; false starts one per step. */
  readonly warm: boolean
  /** The CLI's environment: only the interpreter's lookup and a few names use it. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** A folder for the workers' own temporary files. */
  readonly workDir: string
}

/** What a strict step may read and write besides the repository. */
export interface StepAccess {
  readonly readOnly: readonly string[]
  readonly writable: readonly string[]
  /** Files of the repository it must not see (sources it does not declare). */
  readonly hiddenFiles?: readonly string[]
  /** Folders of the repository it must see empty (the table root). */
  readonly hiddenFolders?: readonly string[]
}

/** Runs Python steps for one run. */
export interface PythonRunner {
  run(
    request: WorkerRequest,
    access: StepAccess,
    onOutput: (stream: 'stdout' | 'stderr', line: string) => void,
    signal: AbortSignal
  ): Promise<WorkerDone>
  /** The interpreter as the step log names it. */
  describe(): Promise<string>
  close(): void
}

/** Starts the run's Python steps; nothing is started until the first one. */
export function createPythonRunner(options: PythonRunnerOptions): PythonRunner {
  let interpreter: Promise<PythonInterpreter> | undefined
  let bwrapProblem: Promise<string | undefined> | undefined
  const lookup = (): Promise<PythonInterpreter> =>
    (interpreter ??= probePython(options.command, options.env))
  const executableOf = (found: PythonInterpreter): string =>
    options.resolve ? found.executable : options.command

  const workerFactory = async (): Promise<() => PythonWorker> => {
    const found = await lookup()
    const executable = executableOf(found)
    const env = {
      ...planPythonEnv({
        executable,
        home: options.env.HOME ?? options.workDir,
        tmp: options.workDir,
        from: options.env
      }),
      DTFLW_PARENT_PID: String(process.pid)
    }
    const script = pythonWorkerScript()
    return () =>
      startPythonWorker({
        file: executable,
        args: ['-u', script],
        env,
        cwd: options.root
      })
  }
  let pool: ReturnType<typeof createWorkerPool<PythonWorker>> | undefined
  let starter: Promise<() => PythonWorker> | undefined

  const strictWorker = async (
    request: WorkerRequest,
    access: StepAccess
  ): Promise<PythonWorker> => {
    bwrapProblem ??= probeBwrap()
    const problem = await bwrapProblem
    if (problem) {
      throw new StepFailure({
        kind: 'engine',
        message: `the profile asks for sandbox: strict, and ${problem}; install bubblewrap, or set sandbox: standard in the profile.`
      })
    }
    const found = await lookup()
    const executable = executableOf(found)
    const script = pythonWorkerScript()
    const inRepo = (p: string): boolean =>
      p.startsWith(options.root + path.sep) && existsSync(p)
    const hidden = [
      ...['.env', '.env.local', '.databrickscfg'].map((name) =>
        path.join(options.root, name)
      ),
      ...(access.hiddenFiles ?? [])
    ].filter(inRepo)
    const empty = path.join(request.tmp, '.empty')
    await writeFile(empty, '')
    const args = planBwrapArgs({
      root: options.root,
      hidden,
      hiddenFolders: (access.hiddenFolders ?? []).filter(inRepo),
      empty,
      system: [
        ...found.folders,
        path.dirname(executable),
        path.dirname(found.executable),
        pythonHarnessDir()
      ].filter((p) => path.isAbsolute(p) && existsSync(p)),
      readOnly: access.readOnly.filter((p) => existsSync(p)),
      writable: [request.tmp, ...access.writable]
    })
    return startPythonWorker({
      file: 'bwrap',
      args: [...args, '--', executable, '-u', script],
      env: planPythonEnv({
        executable,
        home: request.tmp,
        tmp: request.tmp,
        from: options.env
      }),
      cwd: options.root
    })
  }

  return {
    async run(request, access, onOutput, signal) {
      let worker: PythonWorker
      if (options.sandbox === 'strict') {
        worker = await strictWorker(request, access)
      } else if (options.warm) {
        starter ??= workerFactory()
        const create = await starter
        pool ??= createWorkerPool(create)
        worker = pool.acquire()
      } else {
        worker = (await workerFactory())()
      }
      const kill = (): void => worker.kill()
      if (signal.aborted) kill()
      signal.addEventListener('abort', kill, { once: true })
      try {
        return await worker.run(request, onOutput)
      } finally {
        signal.removeEventListener('abort', kill)
        if (pool && options.sandbox !== 'strict' && options.warm) {
          pool.release(worker)
        } else {
          worker.close()
        }
      }
    },
    async describe() {
      const found = await lookup()
      const shown = executableOf(found)
      return options.sandbox === 'strict' ? `${shown} (sandbox: strict)` : shown
    },
    close() {
      pool?.close()
    }
  }
}
