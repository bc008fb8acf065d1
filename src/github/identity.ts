import type { GitHubClient } from './client.js'
import { GitHubApiError, toGitHubApiError } from './errors.js'

/**
 * The login that comments posted with this token get as their author, as
 * the REST API shows it: GraphQL's `viewer`, which answers for a personal
 * token, a GitHub App's installation token (`my-app[bot]`) and the job's
 * own `GITHUB_TOKEN` (`github-actions[bot]`) alike, as sticky-comment
 * actions find their comments; then `GET /user`, which only a personal
 * token may call, for a GitHub whose GraphQL API cannot be reached. Throws
 * `GitHubApiError` when neither answers: nothing may then be taken as ours.
 */
export async function findCommentAuthor(
  octokit: GitHubClient
): Promise<string> {
  let first: unknown
  try {
    const data = await octokit.graphql<{ viewer?: { login?: unknown } }>(
      'query { viewer { login } }'
    )
    const login = data?.viewer?.login
    if (typeof login === 'string' && login !== '') return login
  } catch (error) {
    first = error
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    if (data.login) return data.login
  } catch (error) {
    throw toGitHubApiError(first ?? error, WHAT)
  }
  throw new GitHubApiError(WHAT, 200, 'unknown', 'GET', '/user', 'no login')
}

const WHAT = 'tell which account the token posts as'
