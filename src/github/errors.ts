import { DtflwError, errorAt, ExitCode } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'

/**
 * What kind of failure a GitHub API answer was:
 * - `unauthenticated`: 401, the token is missing, wrong or expired;
 * - `forbidden`: 403, the token may not do this (a fork's read-only token,
 *   or a workflow without the permission);
 * - `not-found`: 404 (GitHub also answers 404 for what the token cannot see);
 * - `invalid`: 422, GitHub refused the content (e.g. a body too long);
 * - `rate-limited`: 429, or 403 with no requests left;
 * - `unavailable`: 5xx or no answer at all;
 * - `unknown`: anything else.
 */
export type GitHubErrorCategory =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'invalid'
  | 'rate-limited'
  | 'unavailable'
  | 'unknown'

const ADVICE: Record<GitHubErrorCategory, string> = {
  unauthenticated:
    'check the "github-token" input (by default the job\'s own token).',
  forbidden:
    'the token may not write here: a pull request from a fork gets a read-only token; ' +
    'otherwise give the workflow "permissions: pull-requests: write" (comments) or "deployments: write" (deployments).',
  'not-found':
    'check the repository and number, and that the token can see the repository.',
  invalid: 'GitHub refused the content.',
  'rate-limited': 'the token ran out of API requests; re-run the job later.',
  unavailable: 'GitHub did not answer; re-run the job.',
  unknown: 're-run the job; if it persists, report it with this message.'
}

/**
 * A GitHub API call failed (exit 3). Keeps the method, path and status only:
 * never headers or the request body, so no token or content leaks.
 */
export class GitHubApiError extends DtflwError {
  readonly exitCode = ExitCode.Platform
  readonly diagnostics: readonly Diagnostic[]
  constructor(
    readonly what: string,
    readonly status: number,
    readonly category: GitHubErrorCategory,
    readonly method: string,
    readonly path: string,
    readonly detail: string
  ) {
    const answer = detail ? `: ${detail}` : ''
    const message =
      `GitHub refused to ${what} (HTTP ${status}, ${method} ${path})${answer}; ` +
      ADVICE[category]
    super(message)
    this.name = 'GitHubApiError'
    this.diagnostics = [errorAt('github-api', message)]
  }
}

/**
 * Turns what Octokit threw into a `GitHubApiError`; `what` says what we
 * tried, e.g. `update comment 123 on pull request #7`.
 */
export function toGitHubApiError(error: unknown, what: string): GitHubApiError {
  const e = error as {
    status?: unknown
    message?: unknown
    request?: { method?: unknown; url?: unknown }
    response?: { headers?: Record<string, unknown>; data?: unknown }
  }
  const status = typeof e?.status === 'number' ? e.status : 0
  const method = typeof e?.request?.method === 'string' ? e.request.method : '?'
  const path = pathOf(e?.request?.url)
  // Without a response (network failure) Octokit's own message says why.
  const detail =
    detailOf(e?.response?.data) ?? (e?.response ? '' : String(e?.message ?? ''))
  const remaining = e?.response?.headers?.['x-ratelimit-remaining']
  return new GitHubApiError(
    what,
    status,
    categorise(status, remaining === '0' || remaining === 0),
    method,
    path,
    detail
  )
}

function categorise(status: number, exhausted: boolean): GitHubErrorCategory {
  if (status === 401) return 'unauthenticated'
  if (status === 429 || (status === 403 && exhausted)) return 'rate-limited'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 422) return 'invalid'
  if (status === 0 || status >= 500) return 'unavailable'
  return 'unknown'
}

/** The path of a request URL, without origin or query. */
function pathOf(url: unknown): string {
  if (typeof url !== 'string') return '?'
  try {
    return new URL(url).pathname
  } catch {
    return url.replace(/\?.*$/, '')
  }
}

/** GitHub's `message` and each `errors[].message`, in one line. */
function detailOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const d = data as { message?: unknown; errors?: unknown }
  const parts = typeof d.message === 'string' ? [d.message] : []
  if (Array.isArray(d.errors)) {
    for (const item of d.errors) {
      const m = (item as { message?: unknown })?.message
      if (typeof m === 'string') parts.push(m)
    }
  }
  return parts.length > 0 ? parts.join('; ').replace(/\s+/g, ' ') : undefined
}
