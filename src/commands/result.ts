import type { Diagnostic } from '../diagnostics/index.js'
import type { CleanupResult } from '../engines/index.js'
import type { Plan } from '../flow/index.js'
import type {
  DatasetNamingOptions,
  Lineage,
  LineageDiff
} from '../lineage/index.js'
import type { ExplainRow } from '../profiles/index.js'
import type { BuildRecord, DeployResult, RunReport } from '../report/index.js'
import type { LineageFormat } from './request/index.js'

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
