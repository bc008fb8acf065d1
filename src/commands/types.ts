import type { Diagnostic } from '../diagnostics/index.js'
import type { RunEvent } from '../engines/engine.js'
import type { Plan } from '../flow/index.js'
import type { ExplainRow } from '../profiles/index.js'
import type { RunReport } from '../report/types.js'

/** The commands of dtflw (DESIGN.md section 4). */
export type CommandName = 'validate' | 'plan' | 'explain' | 'run' | 'lineage'

/** Lineage output formats. */
export type LineageFormat = 'markdown' | 'mermaid' | 'openlineage' | 'json'

/**
 * One request, built by the CLI from argv or by the Action from its inputs.
 * Below this point nothing reads `process.env`, argv or Action inputs.
 */
export interface CommandRequest {
  readonly command: CommandName
  /** Manifest path, relative to `cwd`. */
  readonly manifest: string
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
}

/** What the outside world gives a command: environment, clock, progress sink. */
export interface CommandDeps {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly toolVersion: string
  readonly signal?: AbortSignal
  readonly onEvent?: (event: RunEvent) => void
  /** Cores on this machine: the default parallelism. */
  readonly cores: number
}

/** The payload a command returns for its entry point to render. */
export type CommandData =
  | {
      readonly kind: 'validate'
      readonly profiles: readonly string[]
      readonly steps: number
      readonly errors: number
      readonly warnings: number
    }
  | {
      readonly kind: 'plan'
      readonly plan: Plan
      readonly changed?: ChangedSummary
    }
  | {
      readonly kind: 'explain'
      readonly profile: string
      readonly rows: readonly ExplainRow[]
    }
  | {
      readonly kind: 'run'
      readonly plan: Plan
      readonly report: RunReport
      readonly reportPath: string
    }
  | {
      readonly kind: 'lineage'
      readonly format: LineageFormat
      readonly text: string
    }

/** What `--changed-since` found. */
export interface ChangedSummary {
  readonly base: string
  readonly changed: readonly string[]
  readonly added: readonly string[]
  readonly selected: readonly string[]
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
