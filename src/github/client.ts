import type { getOctokit } from '@actions/github'

/**
 * The Octokit that `@actions/github`'s `getOctokit(token, { baseUrl })`
 * returns. The Action builds it and passes it in; nothing here reads the
 * environment or the import-time `context`.
 */
export type GitHubClient = ReturnType<typeof getOctokit>

/** A repository, as `owner/name`. */
export interface RepoRef {
  readonly owner: string
  readonly repo: string
}

/** A pull request (or issue) of a repository. */
export interface PullRequestRef extends RepoRef {
  readonly issueNumber: number
}
