import { COMMENT_LIMIT } from './limits.js'
import { commentMarker, renderRunStamp } from './comment-plan.js'
import { renderPage } from './page.js'
import type { GitHubReportInput } from './types.js'

/** Options of `renderComment`. */
export interface CommentOptions {
  /** Defaults to GitHub's 65,536; tests pass less. */
  readonly limit?: number
}

// The steps table may take a quarter of the comment before the lineage,
// which holds the graph and the diff a reviewer came for, gets the rest.
const STEPS_SHARE = 0.25
const RESUME_CHARS = 1000

/**
 * The pull-request comment: the hidden marker and run record, the status,
 * notes, the steps table and the lineage summary, degraded as far as needed
 * to stay within GitHub's limit counted in UTF-16 units and UTF-8 bytes.
 * Links point to the job summary (the run page) for what is left out.
 */
export function renderComment(
  input: GitHubReportInput,
  options: CommentOptions = {}
): string {
  return renderPage(input, {
    limit: options.limit ?? COMMENT_LIMIT,
    stepsShare: STEPS_SHARE,
    hidden: [
      commentMarker(input.pipeline, input.profile),
      renderRunStamp(input.headSha, input.runStartedAt)
    ],
    moreUrl: input.runUrl,
    maxResumeChars: RESUME_CHARS
  }).text
}
