import { readFile } from 'node:fs/promises'
import { UsageError } from '../diagnostics/index.js'

/** The pull request a workflow runs for. */
export interface PullRequestContext {
  readonly number: number
  readonly baseSha: string
  readonly headSha: string
  readonly baseRef: string
  /** True when the head is in another repository: no secrets, read-only token. */
  readonly fromFork: boolean
}

/** What the Action knows of the workflow run, read once from its environment. */
export interface GitHubContext {
  readonly eventName: string
  readonly sha: string
  readonly ref?: string
  readonly owner: string
  readonly repo: string
  readonly actor?: string
  readonly serverUrl: string
  readonly apiUrl: string
  readonly runId?: string
  readonly runAttempt?: string
  /** The workflow run's page, linked from the comment. */
  readonly runUrl?: string
  readonly pullRequest?: PullRequestContext
  /** On `push`: the commit before the push, the base of `changed-only`. */
  readonly before?: string
}

interface EventPayload {
  readonly pull_request?: {
    readonly number?: number
    readonly base?: {
      readonly sha?: string
      readonly ref?: string
      readonly repo?: { readonly full_name?: string }
    }
    readonly head?: {
      readonly sha?: string
      readonly repo?: { readonly full_name?: string } | null
    }
  }
  readonly before?: string
}

/** A sha that means "nothing before" (a new branch). */
const ZERO_SHA = /^0+$/

/**
 * Reads the run's context from the variables a runner sets and the event
 * payload at `GITHUB_EVENT_PATH` (pull_request, pull_request_target, push,
 * workflow_dispatch, release, schedule). Called once, in `main`: nothing
 * below reads the environment (no import-time `context` singleton).
 */
export async function loadGitHubContext(
  env: Readonly<Record<string, string | undefined>>
): Promise<GitHubContext> {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/')
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  let payload: EventPayload = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(
        await readFile(env.GITHUB_EVENT_PATH, 'utf8')
      ) as EventPayload
    } catch (error) {
      throw new UsageError(
        `cannot read the event payload at GITHUB_EVENT_PATH (${(error as Error).message.split('\n')[0]}); the Action runs inside a GitHub Actions job.`
      )
    }
  }
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const pr = payload.pull_request
  const pullRequest: PullRequestContext | undefined =
    pr?.number !== undefined && pr.base?.sha && pr.head?.sha
      ? {
          number: pr.number,
          baseSha: pr.base.sha,
          headSha: pr.head.sha,
          baseRef: pr.base.ref ?? '',
          fromFork:
            (pr.head.repo?.full_name ?? '') !== (pr.base.repo?.full_name ?? '')
        }
      : undefined
  const before =
    payload.before && !ZERO_SHA.test(payload.before)
      ? payload.before
      : undefined
  return {
    eventName,
    sha: pullRequest?.headSha ?? env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF,
    owner,
    repo,
    actor: env.GITHUB_ACTOR,
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    runUrl: env.GITHUB_RUN_ID
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined,
    ...(pullRequest ? { pullRequest } : {}),
    ...(before ? { before } : {})
  }
}
