import type { Masker } from '../diagnostics/index.js'
import type {
  DeployOptions,
  EngineFactory,
  ExplicitCredentials
} from '../engines/index.js'
import type { RunEvent } from '../report/index.js'

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
