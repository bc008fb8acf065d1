import type { Diagnostic, Masker } from '../diagnostics/index.js'
import type {
  CleanupResult,
  DeployOptions,
  EngineFactory,
  ExplicitCredentials
} from '../engines/index.js'
import type { Plan } from '../flow/index.js'
import type {
  DatasetNamingOptions,
  Lineage,
  LineageDiff
} from '../lineage/index.js'
import type { ExplainRow } from '../profiles/index.js'
import type {
  BuildRecord,
  DeployResult,
  RunEvent,
  RunReport
} from '../report/index.js'

/** The commands of dtflw (DESIGN.md section 4). */
export type CommandName =
  | 'validate'
  | 'plan'
  | 'explain'
  | 'deploy'
  | 'run'
  | 'cleanup'
  | 'cancel'
  | 'promote'
  | 'add'
  | 'widgets'
  | 'lineage'

/** Lineage output formats. */
export type LineageFormat = 'markdown' | 'mermaid' | 'openlineage' | 'json'

/**
 * One request, built by the CLI from argv or by the Action from its inputs.
 * Below this point nothing reads `process.env`, argv or Action inputs.
 */
export interface CommandRequest {
  readonly command: CommandName
  /**
   * Manifest path, relative to `cwd`; when absent, `dtflw.yaml` is looked
   * for in `cwd` and the folders above it.
   */
  readonly manifest?: string
  readonly cwd: string
  readonly profile?: string
  readonly select?: string
  readonly changedSince?: string
  readonly deferTo?: string
  readonly lazy?: boolean
  readonly failFast?: boolean
  readonly parallelism?: number
  readonly preview?: string
  readonly format?: LineageFormat
  readonly base?: string
  readonly report?: string
  /** `run --wait 5m`: wait this long for another run of the profile to end. */
  readonly wait?: string
  /** `add STEP`: the new step's key and notebook name. */
  readonly step?: string
  /** `add --inputs a,b`: the tables the new step reads. */
  readonly inputs?: readonly string[]
  /** `add --outputs c`: the tables the new step writes. */
  readonly outputs?: readonly string[]
  /** `add --language sql|python`. */
  readonly language?: string
  /** `add --after STEP`: insert after this step. */
  readonly after?: string
  /** `add --yes`: take the defaults, never ask. */
  readonly yes?: boolean
  /** `add --template NAME`: a notebook template. */
  readonly template?: string
  /** `add --list-templates`: list the templates, add nothing. */
  readonly listTemplates?: boolean
  /** `add --key a,b`: the business key a template keys on. */
  readonly key?: readonly string[]
  /** `add --by a,b`: what the aggregate template groups by. */
  readonly by?: readonly string[]
  /** `add --columns a,b`: the columns of the table a template reads. */
  readonly columns?: readonly string[]
  /** `promote --to ENV`: the environment a build goes to. */
  readonly to?: string
  /** `promote --sha SHA`: the commit to promote (default HEAD). */
  readonly sha?: string
  /** `promote --dry-run`: say what would change, write nothing. */
  readonly dryRun?: boolean
  /**
   * `deploy`/`run`/`promote --force-lock`: take over the deploy lock
   * whoever holds it (after a deploy was killed), as `bundle deploy
   * --force-lock` does.
   */
  readonly forceLock?: boolean
  /** `cancel --run-id N`: the platform's id of the run to cancel. */
  readonly runId?: string
  /** `cleanup --stale 7d`: remove previews older than this. */
  readonly stale?: string
  /**
   * `plan`, `run` and `lineage` also return the lineage view (with the
   * diff against `base` when given), for the pull-request comment.
   */
  readonly lineage?: boolean
}

/** The lineage of a plan or run, and what changed against a base ref. */
export interface LineageView {
  readonly lineage: Lineage
  readonly diff?: LineageDiff
  readonly baseRef?: string
  /** Why there is no diff against `baseRef` (the base does not load). */
  readonly baseProblem?: string
  readonly report?: RunReport
  readonly naming: DatasetNamingOptions
}

/** A request after `dtflw.yaml` was found: what every command receives. */
export type LocatedRequest = CommandRequest & { readonly manifest: string }

/** What the outside world gives a command: environment, clock, progress sink. */
export interface CommandDeps {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly toolVersion: string
  /** Aborted to cancel; its reason `SIGTERM` makes the exit code 143. */
  readonly signal?: AbortSignal
  readonly onEvent?: (event: RunEvent) => void
  /** Lines of progress from long work (a deploy's uploads). */
  readonly onProgress?: DeployOptions['onProgress']
  /** Cores on this machine: the default parallelism. */
  readonly cores: number
  /** Builds the engine of a profile; default: the engines dtflw ships. */
  readonly engines?: EngineFactory
  /** Databricks credentials given explicitly (the Action's inputs). */
  readonly credentials?: ExplicitCredentials
  /**
   * Told every secret value as soon as a command learns it (from the
   * environment, a profile, a credential), so the entry point masks it in
   * everything it prints, as `core.setSecret` does.
   */
  readonly onSecret?: (value: string) => void
  /** Set by `runCommand`: masks what commands write to files. */
  readonly masker?: Masker
  /** The clock (tests pass a fixed one). */
  readonly now?: () => Date
  /** Asks a person for what `add` was not told (a terminal); absent: never ask. */
  readonly ask?: (
    questions: readonly AddQuestion[]
  ) => Promise<Record<string, unknown>>
}

/** One question `add` asks (Inquirer's shape). */
export interface AddQuestion {
  readonly type: 'input'
  readonly name: string
  readonly message: string
  readonly default?: string | ((answers: Record<string, unknown>) => string)
  readonly validate: (
    value: string,
    answers?: Record<string, unknown>
  ) => true | string
  /** Asked only when this holds for the answers so far. */
  readonly when?: (answers: Record<string, unknown>) => boolean
}

/** The payload a command returns for its entry point to render. */
export type CommandData =
  | {
      readonly kind: 'validate'
      /** The manifest's `pipeline:`, when it could be read. */
      readonly pipeline?: string
      readonly profiles: readonly string[]
      readonly steps: number
      readonly errors: number
      readonly warnings: number
    }
  | {
      readonly kind: 'plan'
      readonly plan: Plan
      readonly changed?: ChangedSummary
      readonly lineage?: LineageView
    }
  | {
      readonly kind: 'explain'
      readonly profile: string
      readonly rows: readonly ExplainRow[]
    }
  | {
      readonly kind: 'deploy'
      readonly profile: string
      readonly preview?: string
      readonly result: DeployResult
    }
  | {
      readonly kind: 'run'
      readonly plan: Plan
      readonly report: RunReport
      readonly reportPath: string
      readonly lineage?: LineageView
    }
  | {
      readonly kind: 'promote'
      readonly to: string
      readonly from: string
      readonly sha: string
      /** The previous environment's record that let it through. */
      readonly evidence: BuildRecord
      readonly plan: Plan
      /** `--dry-run`: what the deploy would do. */
      readonly dryRun?: DeployResult
      readonly report?: RunReport
      readonly reportPath?: string
      /** Where the target's own record was written. */
      readonly recorded?: string
    }
  | {
      readonly kind: 'add'
      readonly step: {
        readonly key: string
        readonly notebook: string
        readonly language: string
        readonly inputs: readonly string[]
        readonly outputs: readonly string[]
        readonly after?: string
        readonly manifest: string
        readonly line: number
        readonly template?: string
        readonly profile?: string
        /** Tables whose columns dtflw learned for the template, and from where. */
        readonly learned?: readonly {
          readonly table: string
          readonly from: string
        }[]
      }
      readonly written: readonly string[]
    }
  | {
      readonly kind: 'templates'
      readonly templates: readonly {
        readonly name: string
        readonly summary: string
        readonly languages: readonly string[]
      }[]
    }
  | {
      readonly kind: 'widgets'
      readonly profile: string
      readonly step: string
      readonly notebook: string
      /** What the flow passes the notebook, in the plan's order. */
      readonly parameters: Readonly<Record<string, string>>
    }
  | {
      readonly kind: 'cancel'
      readonly profile: string
      readonly remoteRunId: string
    }
  | {
      readonly kind: 'cleanup'
      readonly profile: string
      readonly result: CleanupResult
    }
  | {
      readonly kind: 'lineage'
      readonly format: LineageFormat
      readonly text: string
      readonly lineage?: LineageView
    }

/** What `--changed-since` found. */
export interface ChangedSummary {
  readonly base: string
  readonly changed: readonly string[]
  readonly added: readonly string[]
  readonly selected: readonly string[]
  /** Why every step counts as changed: the base does not load. */
  readonly baseProblem?: string
}

/**
 * A command never prints: it returns its exit code, every diagnostic and its
 * data, and each entry point renders that its own way.
 */
export interface CommandResult {
  readonly exitCode: number
  readonly diagnostics: readonly Diagnostic[]
  readonly data?: CommandData
}
