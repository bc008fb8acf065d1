import type { Identity } from './reply.js'

/** A request the server answered, for assertions. Tokens are never kept. */
export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly status: number
  /** Which kind of token came with it. */
  readonly token: 'write' | 'read' | 'none' | 'wrong'
  /** Who the token is (its login), when it was one the server knows. */
  readonly login?: string
  /** For an edit or deletion of a comment: that comment's author. */
  readonly changed?: string
  /** The JSON body, when there was one. */
  readonly body?: unknown
}

/** An issue or pull-request comment as the server holds it. */
export interface StoredComment {
  readonly id: number
  /** `owner/name` */
  readonly repo: string
  readonly issue: number
  body: string
  readonly login: string
  readonly createdAt: string
  updatedAt: string
}

/** A deployment as the server holds it. */
export interface StoredDeployment {
  readonly id: number
  readonly repo: string
  readonly sha: string
  readonly ref: string
  readonly task: string
  readonly environment: string
  readonly description: string | null
  readonly payload: unknown
  readonly transientEnvironment: boolean
  readonly productionEnvironment: boolean
  readonly requiredContexts: readonly string[] | undefined
  readonly autoMerge: boolean
  readonly createdAt: string
}

/** A deployment status as the server holds it. */
export interface StoredDeploymentStatus {
  readonly id: number
  readonly deploymentId: number
  readonly state: string
  readonly description: string
  readonly logUrl: string
  readonly environmentUrl: string
  readonly createdAt: string
}

/** What a request looks like to a latency function or a fault rule. */
export interface RequestView {
  readonly method: string
  readonly path: string
  readonly body: unknown
  /** The token the request carried. */
  readonly token?: string
}

/** Milliseconds before the server answers, fixed or per request. */
export type Latency = number | ((request: RequestView) => number)

/** Answer matching requests with an error instead of handling them. */
export interface FaultRule {
  readonly method: string
  /** The path, or a pattern it matches. */
  readonly path: string | RegExp
  readonly status: number
  /** How many matching requests fail; default 1. */
  readonly times?: number
}

/** Options of `startGitHubServer`. */
export interface GitHubServerOptions {
  /** Tokens that may read and write; default `[WRITE_TOKEN]`. */
  readonly writeTokens?: readonly string[]
  /** Tokens that may only read, like a fork's `GITHUB_TOKEN`; default `[READ_TOKEN]`. */
  readonly readTokens?: readonly string[]
  readonly latency?: Latency
  /**
   * Who the tokens are that `identities` does not name: the job's
   * `GITHUB_TOKEN`, an installation token; default `github-actions[bot]`.
   */
  readonly login?: string
  /**
   * Tokens that are someone else, e.g. a person's token: what they create
   * is theirs. `USER_TOKEN` is `maintainer`'s personal token by default.
   */
  readonly identities?: Readonly<Record<string, Identity>>
  /** Origin of `html_url`s; default `https://github.com`. */
  readonly htmlOrigin?: string
}

/** A loopback GitHub REST API for tests. */
export interface GitHubServer {
  /** Base URL: `getOctokit(token, { baseUrl })` or `GITHUB_API_URL`. */
  readonly url: string
  readonly requests: readonly RecordedRequest[]
  /** Adds comments as if posted earlier, oldest first; a string is a body by another user. */
  seedComments(
    repo: string,
    issue: number,
    comments: readonly (string | { body: string; login?: string })[]
  ): StoredComment[]
  /** The comments of an issue now, oldest first (copies). */
  comments(repo: string, issue: number): StoredComment[]
  /** The deployments of a repository, oldest first. */
  deployments(repo: string): StoredDeployment[]
  /** The statuses of a deployment, oldest first. */
  deploymentStatuses(deploymentId: number): StoredDeploymentStatus[]
  setLatency(latency: Latency): void
  fail(rule: FaultRule): void
  clearRequests(): void
  close(): Promise<void>
}
