import type { PlannedSource, PlannedStep } from '../../../flow/index.js'
import type { Notebook } from '../../../notebooks/index.js'
import type { RunGuard } from '../guard/index.js'
import type {
  PythonRunner,
  SandboxLevel,
  SparkChoice
} from '../python/index.js'
import type { SqlWorker } from '../sql/index.js'
import type { TableInspector } from '../tables/index.js'
import type { StepRecord } from './step-record.js'

/** What every step of one local run shares. */
export interface LocalStepSettings {
  readonly root: string
  readonly runDir: string
  readonly python: PythonRunner
  /** How Python steps are held; SQL steps are held the same at both levels. */
  readonly sandbox: SandboxLevel
  readonly sqlWorker: () => SqlWorker
  readonly releaseSqlWorker: (worker: SqlWorker) => void
  /** Watches the run's tables and sources, and promotes outputs. */
  readonly guard: RunGuard
  /** The run's table root, hidden from a strict step but for its inputs. */
  readonly tableRoot: string
  readonly spark: SparkChoice
  /** DuckDB threads per step. */
  readonly threads: number
  readonly lazy: boolean
  readonly sources: readonly PlannedSource[]
  readonly inspector: TableInspector
  /** A step running longer is stopped and fails (the profile's `timeout_seconds`). */
  readonly timeoutSeconds?: number
  readonly now: () => Date
  readonly onLog: (key: string, line: string) => void
  /** Hides secrets in the step log file. */
  readonly mask: (text: string) => string
  /** Called once the step really starts (a lazy skip never does). */
  readonly onStarted: (key: string) => void
  /**
   * Work the step need not wait for (removing its private folder and the
   * copies in it), awaited by the run before it ends.
   */
  readonly later: (work: Promise<unknown>) => void
}

/** One step as its phases see it: what it is, and where it runs. */
export interface StepRun {
  readonly settings: LocalStepSettings
  readonly step: PlannedStep
  readonly notebook: Notebook
  /** The step's log and its result. */
  readonly record: StepRecord
  /** The step's private folder (DuckDB's temporary files, HOME). */
  readonly tmp: string
  /** Aborted when the run is cancelled or the step times out. */
  readonly signal: AbortSignal
}
