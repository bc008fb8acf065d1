import type { Diagnostic } from '../diagnostics/index.js'
import type { Lineage, LineageDiff } from '../lineage/index.js'
import type { RunReport } from '../report/index.js'

/**
 * What the pull-request comment and the job summary are rendered from. Plain
 * data: the Action gathers it from the command result and the event.
 */
export interface GitHubReportInput {
  readonly pipeline: string
  readonly profile: string
  /**
   * The run, when there was one. Without it the status reads "planned"
   * (validate, plan, or a fork pull request that could not run).
   */
  readonly report?: RunReport
  /** Absent when the manifest or profile is invalid, so nothing could be planned. */
  readonly lineage?: Lineage
  /** Head against the base branch. */
  readonly diff?: LineageDiff
  /** The base branch the diff is against, e.g. `main`. */
  readonly baseRef?: string
  /** The commit this report is for. */
  readonly headSha: string
  /**
   * When this workflow run started, ISO 8601. The comment records it so an
   * older run never overwrites a newer report.
   */
  readonly runStartedAt: string
  /** The GitHub Actions run page, which shows the job summary. */
  readonly runUrl?: string
  /** What was skipped and why, one Markdown sentence each. */
  readonly notes: readonly string[]
  /**
   * Manifest and profile problems. Listed with their places (the
   * annotations show at most 10 of each kind); with errors and no run the
   * status reads "invalid".
   */
  readonly diagnostics?: readonly Diagnostic[]
  /** The pull-request preview the run deployed to, e.g. `pr-7`. */
  readonly preview?: string
}
