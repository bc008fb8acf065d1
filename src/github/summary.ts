import { JOB_SUMMARY_LIMIT } from './limits.js'
import { renderPage } from './page.js'
import type { GitHubReportInput } from './types.js'

/** Options of `renderJobSummary`. */
export interface JobSummaryOptions {
  /** Defaults to GitHub's 1 MiB a step; tests pass less. */
  readonly limit?: number
}

// The job summary is where every step is listed, so the steps table may
// take most of it; the lineage summary is bounded by Mermaid's limits anyway.
const STEPS_SHARE = 0.75
const LINEAGE_ROWS = 1000

/**
 * The job summary: status, notes, the steps table with durations and run
 * links, the lineage graph and the diff against the base branch. Degrades
 * like the comment, within GitHub's 1 MiB a step.
 */
export function renderJobSummary(
  input: GitHubReportInput,
  options: JobSummaryOptions = {}
): string {
  return renderPage(input, {
    limit: options.limit ?? JOB_SUMMARY_LIMIT,
    stepsShare: STEPS_SHARE,
    maxLineageRows: LINEAGE_ROWS
  }).text
}
