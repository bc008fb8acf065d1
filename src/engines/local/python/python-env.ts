import { execFile } from 'node:child_process'
import path from 'node:path'

/** The interpreter a run's Python steps use, as it reported itself. */
export interface PythonInterpreter {
  /** What to execute: the real executable, not a version-manager shim. */
  readonly executable: string
  /** Folders the interpreter needs to see (prefixes, `sys.path`), for a sandbox. */
  readonly folders: readonly string[]
}

/** What a Python step's environment is built from. */
export interface PythonEnvInput {
  readonly executable: string
  readonly home: string
  readonly tmp: string
  /** The CLI's environment, from which only a few harmless names pass. */
  readonly from: Readonly<Record<string, string | undefined>>
}

/** Names that pass from the CLI's environment: none can hold a secret. */
const PASSED = ['TZ', 'JAVA_HOME', 'SPARK_HOME'] as const
const SYSTEM_PATH = ['/usr/local/bin', '/usr/bin', '/bin']

/**
 * The whole environment of a Python step: nothing of the CLI's but the
 * names above, so no token, `.env` value or credential reaches a notebook.
 * PATH is the interpreter's folder and the system's, HOME and TMPDIR are
 * the step's, LANG is UTF-8, and bytecode is not written beside sources.
 */
export function planPythonEnv(input: PythonEnvInput): Record<string, string> {
  const env: Record<string, string> = {
    PATH: [path.dirname(input.executable), ...SYSTEM_PATH].join(path.delimiter),
    HOME: input.home,
    TMPDIR: input.tmp,
    LANG: 'C.UTF-8',
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PYSPARK_PYTHON: input.executable
  }
  for (const name of PASSED) {
    const value = input.from[name]
    if (value) env[name] = value
  }
  return env
}

const PROBE = [
  'import json, sys',
  'print(json.dumps([sys.executable, sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix] + [p for p in sys.path if p]))'
].join('\n')

/**
 * Asks `command` for its real executable and folders, once per run: a
 * `python3` that is a pyenv or asdf shim costs a shell script and a
 * version lookup per start, which the real executable does not. When the
 * interpreter cannot say (missing, broken), the command is used as given
 * and the step reports why it cannot start.
 */
export function probePython(
  command: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<PythonInterpreter> {
  // One lookup per command and PATH in a process (a CLI process is one run).
  const key = `${command}\0${env.PATH ?? ''}`
  let found = probed.get(key)
  if (!found) {
    found = lookup(command, env)
    probed.set(key, found)
  }
  return found
}

const probed = new Map<string, Promise<PythonInterpreter>>()

function lookup(
  command: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<PythonInterpreter> {
  return new Promise((resolve) => {
    execFile(
      command,
      ['-c', PROBE],
      { env: env as NodeJS.ProcessEnv, timeout: 30_000 },
      (error, stdout) => {
        try {
          if (error) throw error
          const [executable, ...folders] = JSON.parse(stdout) as string[]
          if (!executable) throw new Error('no sys.executable')
          resolve({ executable, folders: [...new Set(folders)] })
        } catch {
          resolve({ executable: command, folders: [] })
        }
      }
    )
  })
}

/** The interpreter command of a run, and whether to resolve it first. */
export interface PythonCommand {
  readonly command: string
  /** Ask it for its real executable (`probePython`) and run that. */
  readonly resolve: boolean
}

/**
 * The interpreter a run uses: `DTFLW_PYTHON`, else the profile's
 * `python:`, else `python3`. An explicit choice runs as given (it may be a
 * wrapper on purpose); the default is resolved to its real executable.
 */
export function planPythonCommand(
  profilePython: string | undefined,
  envPython: string | undefined
): PythonCommand {
  if (envPython) return { command: envPython, resolve: false }
  if (profilePython) return { command: profilePython, resolve: false }
  return { command: 'python3', resolve: true }
}
