import { UsageError } from '../../diagnostics/index.js'
import type { ResolvedProfile } from '../../profiles/index.js'
import { planPythonCommand } from './python/index.js'
import type { PythonCommand, SandboxLevel } from './python/index.js'
import { WAREHOUSE_DIR } from './tables/index.js'

/** The environment of the process that runs dtflw. */
export type ProcessEnv = Readonly<Record<string, string | undefined>>

/**
 * What the local engine takes from a profile and the environment, read
 * once where the engine is built (`readLocalEngineSettings`); below it,
 * nothing reads `process.env` or the profile's values.
 */
export interface LocalEngineSettings {
  /**
   * The interpreter of Python notebooks: `DTFLW_PYTHON`, else the
   * profile's `python:`, else `python3` resolved once per run to its real
   * executable.
   */
  readonly python: PythonCommand
  /** How Python steps are isolated (the profile's `sandbox:`). */
  readonly sandbox: SandboxLevel
  /** The profile's table root (`tables.root`, or the catalog's warehouse folder), which a run locks. */
  readonly tablesRoot?: string
  /** A step running longer fails (the profile's `timeout_seconds`); absent: none. */
  readonly timeoutSeconds?: number
  /**
   * The CLI's environment, which only processes see: the interpreter
   * lookup whole (a pyenv shim needs its variables), Python steps `TZ`,
   * `JAVA_HOME` and `SPARK_HOME` of it, SQL workers and Python steps HOME.
   */
  readonly env: ProcessEnv
}

/**
 * The local engine's settings of a profile whose `engine` is `local`. The
 * profile's schema has checked each value's type; a value of another type
 * would be a usage error at its `file:line` all the same.
 */
export function readLocalEngineSettings(
  profile: ResolvedProfile,
  env: ProcessEnv
): LocalEngineSettings {
  const { python, sandbox, timeout_seconds: timeout } = profile.values
  const wrong = (key: string, expected: string): UsageError =>
    new UsageError(
      `${key} of profile "${profile.name}" must be ${expected}, got ${JSON.stringify(profile.values[key])}.`,
      profile.locate(key)
    )
  if (python != null && typeof python !== 'string') {
    throw wrong('python', 'the command of a Python interpreter')
  }
  if (sandbox != null && sandbox !== 'standard' && sandbox !== 'strict') {
    throw wrong('sandbox', 'standard or strict')
  }
  if (timeout != null && typeof timeout !== 'number') {
    throw wrong('timeout_seconds', 'a whole number of seconds')
  }
  const tables = profile.tables
  return {
    python: planPythonCommand(python ?? undefined, env.DTFLW_PYTHON),
    sandbox: sandbox ?? 'standard',
    // Catalog layout keeps a profile's tables under its catalog's folder.
    tablesRoot:
      tables.layout === 'path'
        ? tables.root
        : `${WAREHOUSE_DIR}/${tables.catalog}`,
    // Databricks cancels a run after it; locally each step gets it.
    ...(timeout != null && timeout > 0 ? { timeoutSeconds: timeout } : {}),
    env
  }
}
