// What one step's phases share: the run's settings, the step as they see it,
// and what each phase hands the next.
import type {
  PlannedOutput,
  PlannedSource,
  PlannedStep
} from '../../../flow/index.js'
import type { Notebook } from '../../../notebooks/index.js'
import type { StepResult } from '../../../report/index.js'
import type { RunMode } from '../notebook/index.js'
import type { GuardVerdict, RunGuard, SqlInputCopies } from '../guard/index.js'
import type {
  PythonRunner,
  SandboxLevel,
  SparkChoice
} from '../python/index.js'
import type { SqlWorker } from '../sql/index.js'
import type {
  LocalTable,
  PriorTable,
  StepInput,
  TableInspector
} from '../tables/index.js'

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

/** A step's log and the result it ends with. */
export interface StepRecord {
  /**
   * The parameters the report shows: the plan's values, and `""` for a
   * missing optional input (set as inputs are resolved).
   */
  readonly parameters: Record<string, string>
  /** A line for the step's log (masked there) and the run's events. */
  write(line: string): void
  /** Marks the step started, once: a lazy skip never starts. */
  start(): void
  /** The step's result; every end but a lazy skip follows a start. */
  finish(status: StepResult['status'], extra?: Partial<StepResult>): StepResult
  close(): Promise<void>
}

/** A declared output and the local table it becomes. */
export interface ResolvedOutput {
  readonly output: PlannedOutput
  readonly table: LocalTable
}

/** What a step reads: its inputs, and where rewritten outputs start from. */
export interface StepReads {
  readonly inputs: readonly StepInput[]
  /** Per output: the rows it starts as, when the step rewrites it. */
  readonly prior: readonly (PriorTable | undefined)[]
}

/** How the notebook is called: its language, parameters and writable folders. */
export interface NotebookCall {
  readonly mode: RunMode
  /** The parameters it gets: outputs at their staging, widget defaults filled in. */
  readonly given: Readonly<Record<string, string>>
  /** Folders it may write: its private folder first, then the staging folders. */
  readonly writable: readonly string[]
}

/** How the notebook ended: with its exit value, or what it threw. */
export type NotebookEnd =
  { readonly exitValue?: string } | { readonly error: unknown }

/** The notebook's end, as the run guard saw it. */
export interface GuardedEnd {
  readonly verdict: GuardVerdict
  readonly ended: NotebookEnd
  /** The copies a SQL step read instead of its inputs. */
  readonly held?: SqlInputCopies
}
