import type { DataDiff } from './data-diff.js'
import type { EngineName } from '../profiles/index.js'
import type { TableLocation } from '../flow/index.js'

/**
 * How a step ended.
 * - `succeeded`: ran and every output checked out;
 * - `failed`: the notebook failed, or an input or output check failed;
 * - `skipped`: not run because a step it depends on failed or was cancelled;
 * - `lazy`: not run because `--lazy` found all its outputs present;
 * - `cancelled`: stopped by Ctrl-C, `--fail-fast` or the job being cancelled;
 * - `pending`: never reached (e.g. the run was stopped before it).
 */
export type StepStatus =
  'succeeded' | 'failed' | 'skipped' | 'lazy' | 'cancelled' | 'pending'

/** The status of a whole run. */
export type RunStatus = 'succeeded' | 'failed' | 'cancelled'

/** A table a step read or wrote, where, and what the engine saw of it. */
export interface TableAccess {
  readonly table: string
  readonly param: string
  readonly location?: TableLocation
  /** Rows read or written, where the engine knows. */
  readonly rows?: number
  /**
   * Set when the engine could not check that an output exists (e.g. an
   * `abfss://` path with no workspace API to list it): why. Never passed
   * silently as present.
   */
  readonly unchecked?: string
}

/** Why a step failed, in words a user can act on. */
export interface StepError {
  /** `notebook` (the code raised), `input-missing`, `output-missing`, `columns`, `language`, `cancelled`, `engine`, `environment` (the machine lacks what the notebook needs, e.g. a Python package). */
  readonly kind: string
  readonly message: string
  /** Longer text: the notebook's traceback or the engine's error. */
  readonly detail?: string
  /** The table the error is about, for missing inputs/outputs and column checks. */
  readonly table?: string
}

/** The result of one step. */
export interface StepResult {
  readonly key: string
  readonly notebook: string
  readonly status: StepStatus
  readonly startedAt?: string
  readonly finishedAt?: string
  readonly durationMs?: number
  readonly attempt: number
  readonly runUrl?: string
  /**
   * The value passed to `dbutils.notebook.exit`, secrets masked; at most
   * its first `EXIT_VALUE_KEPT` characters (Databricks itself returns at
   * most the first 5 MB).
   */
  readonly exitValue?: string
  /** Set when `exitValue` was cut: the length of the whole value, in characters. */
  readonly exitValueLength?: number
  readonly error?: StepError
  /** For `skipped`: the failed or cancelled step that caused it. */
  readonly skippedBecause?: string
  readonly parameters: Readonly<Record<string, string>>
  readonly reads: readonly TableAccess[]
  readonly writes: readonly TableAccess[]
  /** Path of the step's captured output, relative to the report's folder. */
  readonly log?: string
  /** The last lines of the step's captured output (the whole log is `log`). */
  readonly output?: string
}

/** One run on the platform. */
export interface RemoteRun {
  readonly remoteRunId: string
  readonly url?: string
}

/**
 * The result of a run: the single contract between engines and renderers.
 * Everything the comment, summary and lineage show is rendered from it.
 */
export interface RunReport {
  readonly schemaVersion: 1
  readonly runId: string
  readonly pipeline: string
  readonly profile: string
  readonly engine: EngineName
  readonly toolVersion: string
  readonly gitSha?: string
  /** The pull-request preview the run deployed to, when it was one. */
  readonly preview?: string
  /** Where the notebooks ran from (a workspace folder, or the repository). */
  readonly deployedRoot?: string
  /** The platform's id and page of the whole run (Databricks). */
  readonly remoteRunId?: string
  readonly runUrl?: string
  /**
   * Every platform run, when the flow ran as several (a Databricks run
   * holds at most 1,000 tasks); the first is `remoteRunId`.
   */
  readonly remoteRuns?: readonly RemoteRun[]
  /**
   * Set when dtflw stopped following the run before it ended (an error it
   * could not retry, or an interruption): why, and the platform runs it
   * could not cancel, which still run.
   */
  readonly stopped?: {
    readonly reason: string
    readonly stillRunning: readonly RemoteRun[]
  }
  readonly status: RunStatus
  readonly startedAt: string
  readonly finishedAt: string
  readonly durationMs: number
  /** The planned steps in manifest order (not those a selection left out). */
  readonly steps: readonly StepResult[]
  /** `--select` expression that re-runs what did not succeed, when any. */
  readonly resume?: string
  /**
   * What the run did to the data of each table it wrote, against the
   * environment it will reach (a preview's run), when it was compared.
   */
  readonly dataDiff?: DataDiff
}
