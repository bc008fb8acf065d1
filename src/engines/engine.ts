import type { Plan } from '../flow/index.js'
import type { EngineName, ResolvedProfile } from '../profiles/index.js'
import type { DtflwError } from '../diagnostics/index.js'
import type { DataDiffPlan } from '../diff/index.js'
import type {
  DataDiff,
  DeployResult,
  RemoteRun,
  RunEvent,
  StepEvent,
  StepResult
} from '../report/index.js'

export type { DeployResult, RunEvent, StepEvent }

/** How to deploy a plan's notebooks. */
export interface DeployOptions {
  /** A pull-request preview: notebooks go under `<root>/previews/<name>`. */
  readonly preview?: string
  readonly signal?: AbortSignal
  /** Progress of a long deploy (a line per batch), for the terminal. */
  readonly onProgress?: (message: string) => void
  /** Decide what would change, write nothing. */
  readonly dryRun?: boolean
  /** `--force-lock`: take the deploy lock over whoever holds it. */
  readonly forceLock?: boolean
  /** The command line that deploys here again, for the lock's message. */
  readonly command?: string
}

/**
 * What an engine gets for one run. The command layer owns the run folder,
 * the event log and the report; an engine only runs steps and says how
 * each ended.
 */
export interface RunContext {
  readonly runId: string
  /** This run's folder (`.dtflw/runs/<run-id>`), for step logs and work files. */
  readonly runDir: string
  /** Where `deploy` put the notebooks. */
  readonly deployed: DeployResult
  /** Steps at most running at once. */
  readonly parallelism: number
  /** Stop everything at the first failure instead of finishing independent branches. */
  readonly failFast: boolean
  /** Skip a step whose outputs all exist (a step with no outputs always runs). */
  readonly lazy: boolean
  /** Aborting cancels the run, remotely too, before `run` resolves. */
  readonly signal: AbortSignal
  readonly emit: (event: StepEvent) => void
  /** Hides secrets in what the engine writes itself (step logs). */
  readonly mask: (text: string) => string
  readonly now: () => Date
  /**
   * A preview's: the tables to compare with the environment's once the
   * steps are done (`planDataDiff`); the engine returns `dataDiff`.
   */
  readonly diff?: DataDiffPlan
  /** What the engine is doing between steps (comparing tables). */
  readonly onProgress?: (message: string) => void
}

/** What an engine's run produced: one result per planned step. */
export interface EngineRun {
  readonly steps: readonly StepResult[]
  /** The platform's id and page of the whole run, where there is one. */
  readonly remoteRunId?: string
  readonly runUrl?: string
  /** Every platform run, when the flow ran as several. */
  readonly remoteRuns?: readonly RemoteRun[]
  /**
   * Set when the engine stopped following before the run ended: why, the
   * runs it could not stop, and the error to end the command with (none
   * for an interruption, whose exit code the signal gives).
   */
  /** What `context.diff` found, when the run got that far. */
  readonly dataDiff?: DataDiff
  readonly stopped?: {
    readonly reason: string
    readonly stillRunning: readonly RemoteRun[]
    readonly error?: DtflwError
  }
}

/** Which remote run `cancel` stops (the Action's post step is another process). */
export interface CancelTarget {
  readonly remoteRunId: string
}

/** What `cleanup` removes: one preview, or every preview older than a bound. */
export type CleanupTarget =
  { readonly preview: string } | { readonly olderThanMs: number }

/** What `cleanup` removed and what it left. */
export interface CleanupResult {
  readonly removed: readonly string[]
  readonly kept: readonly string[]
  /** The removed previews' schemas dropped with them (catalog layout). */
  readonly droppedSchemas?: readonly string[]
  /** Schemas named as a removed preview's that dtflw did not make: kept. */
  readonly keptSchemas?: readonly string[]
}

/**
 * Small JSON records kept where the engine deploys (promotion evidence),
 * by path relative to the profile's root. Created once, never rewritten.
 */
export interface RecordStore {
  /** Writes a record unless one is there: `exists` then, and nothing changes. */
  create(relativePath: string, content: string): Promise<'created' | 'exists'>
  read(relativePath: string): Promise<string | undefined>
  /** Names in a folder; empty when it does not exist. */
  list(relativeFolder: string): Promise<string[]>
  /** Who the engine acts as (for the record's `who`). */
  identity(): Promise<string | undefined>
  /** Where the records live, for messages. */
  where(): Promise<string>
}

/**
 * Where a flow runs. Every engine consumes the same plan and returns step
 * results the command layer turns into the one run report; none rebuilds
 * the graph (the plan's `dependsOn` is the graph).
 */
export interface Engine {
  readonly name: EngineName
  deploy(plan: Plan, options: DeployOptions): Promise<DeployResult>
  run(plan: Plan, context: RunContext): Promise<EngineRun>
  cancel(target: CancelTarget): Promise<void>
  cleanup(target: CleanupTarget): Promise<CleanupResult>
  /** Promotion evidence, on engines whose environments can be promoted. */
  readonly records?: RecordStore
}

/** Explicit Databricks credentials (the Action's inputs), winning over the environment. */
export interface ExplicitCredentials {
  readonly host?: string
  readonly token?: string
  readonly clientId?: string
  readonly clientSecret?: string
  /** How messages name each value, e.g. `the input databricks-token`. */
  readonly names?: Readonly<
    Partial<Record<'host' | 'token' | 'clientId' | 'clientSecret', string>>
  >
}

/** What building an engine for a profile needs from the outside world. */
export interface EngineSetup {
  /** Absolute repository root (the folder of `dtflw.yaml`). */
  readonly root: string
  /** The manifest's `pipeline:` name. */
  readonly pipeline: string
  readonly profile: ResolvedProfile
  /** The commit being run, recorded with deploys. */
  readonly gitSha?: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly toolVersion: string
  readonly credentials?: ExplicitCredentials
  /** How long a run waits for another run of the profile to end (else refused). */
  readonly waitMs?: number
  /** Called with every secret the engine comes to hold, so outputs mask it. */
  readonly onSecret?: (value: string) => void
}

/** Builds the engine a profile names. */
export type EngineFactory = (setup: EngineSetup) => Promise<Engine>
