import { InternalError } from '../diagnostics/index.js'
import type { GitHubClient, PullRequestRef } from './client.js'
import { planComment } from './comment-plan.js'
import type {
  CommentNoneReason,
  CommentToWrite,
  ExistingComment
} from './comment-plan.js'
import { toGitHubApiError } from './errors.js'
import { findCommentAuthor } from './identity.js'

/** What `upsertComment` did with the run's report. */
export interface UpsertResult {
  /**
   * `create` or `update` when the report was written; `none` when the
   * comment already held it (`unchanged`) or holds a newer run's report
   * (`newer-report`).
   */
  readonly action: 'create' | 'update' | 'none'
  readonly reason?: CommentNoneReason
  /** The comment that holds the newest report. */
  readonly id: number
  readonly url: string
}

/** Rounds of list → plan → write before giving up on a busy pull request. */
const MAX_ROUNDS = 4

/**
 * Brings the pull request's comment to the newest report: finds the
 * account the token posts as (`findCommentAuthor`), lists every comment
 * (100 a page), plans with `planComment` among that account's comments
 * only, writes, and repeats until the plan is `none`. A comment anyone
 * else wrote, marker or not, is never read as a report, edited or deleted. The repeat is the check after a write: it folds a
 * duplicate a racing run created, and it restores a newer report that an
 * older run overwrote before that check.
 *
 * What is guaranteed, since GitHub has no compare-and-swap for comments:
 * an older run never overwrites a report that was on the pull request when
 * it listed the comments, and two runs that both create a comment end with
 * one. An older run whose write lands after the newer run's last check can
 * still win; a workflow `concurrency` group per pull request closes that
 * window.
 */
export async function upsertComment(
  octokit: GitHubClient,
  target: PullRequestRef,
  next: CommentToWrite
): Promise<UpsertResult> {
  if (!next.body.startsWith(next.marker))
    throw new InternalError('a comment body must start with its marker')
  const where = `pull request #${target.issueNumber}`
  const author = await findCommentAuthor(octokit)
  let first: Pick<UpsertResult, 'action' | 'reason'> | undefined
  let last: { id: number; url: string } | undefined

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const existing = await listComments(octokit, target, where)
    const plan = planComment(existing, next, author)
    if (plan.action === 'none') {
      return {
        ...(first ?? { action: 'none', reason: plan.reason }),
        id: plan.id,
        url: urlOf(existing, plan.id)
      }
    }
    if (plan.action === 'create') {
      last = await createComment(octokit, target, next.body, where)
      first ??= { action: 'create' }
      continue
    }
    const keeper = existing.find((c) => c.id === plan.id)!
    const body = plan.body ?? keeper.body
    first ??=
      body !== next.body
        ? { action: 'none', reason: 'newer-report' }
        : plan.body === undefined
          ? { action: 'none', reason: 'unchanged' }
          : { action: 'update' }
    last = { id: plan.id, url: keeper.url ?? '' }
    if (plan.body !== undefined) {
      const updated = await updateComment(
        octokit,
        target,
        plan.id,
        plan.body,
        where
      )
      // Deleted meanwhile: the next round plans again.
      if (!updated) continue
      last = updated
    }
    for (const id of plan.remove)
      await deleteComment(octokit, target, id, where)
  }
  if (!first || !last)
    throw new InternalError('upsertComment ended without a comment')
  return { ...first, ...last }
}

async function listComments(
  octokit: GitHubClient,
  target: PullRequestRef,
  where: string
): Promise<ExistingComment[]> {
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: 100
    })
    return comments.map((c) => ({
      id: c.id,
      body: c.body ?? '',
      url: c.html_url,
      author: c.user?.login ?? ''
    }))
  } catch (error) {
    throw toGitHubApiError(error, `list the comments of ${where}`)
  }
}

async function createComment(
  octokit: GitHubClient,
  target: PullRequestRef,
  body: string,
  where: string
): Promise<{ id: number; url: string }> {
  try {
    const { data } = await octokit.rest.issues.createComment({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      body
    })
    return { id: data.id, url: data.html_url }
  } catch (error) {
    throw toGitHubApiError(error, `comment on ${where}`)
  }
}

/** Undefined when the comment no longer exists. */
async function updateComment(
  octokit: GitHubClient,
  target: PullRequestRef,
  id: number,
  body: string,
  where: string
): Promise<{ id: number; url: string } | undefined> {
  try {
    const { data } = await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: id,
      body
    })
    return { id: data.id, url: data.html_url }
  } catch (error) {
    if (statusOf(error) === 404) return undefined
    throw toGitHubApiError(error, `update comment ${id} on ${where}`)
  }
}

async function deleteComment(
  octokit: GitHubClient,
  target: PullRequestRef,
  id: number,
  where: string
): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: id
    })
  } catch (error) {
    // A racing run folded the same duplicate first.
    if (statusOf(error) === 404) return
    throw toGitHubApiError(error, `delete duplicate comment ${id} on ${where}`)
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' ? status : undefined
}

function urlOf(comments: readonly ExistingComment[], id: number): string {
  return comments.find((c) => c.id === id)?.url ?? ''
}
