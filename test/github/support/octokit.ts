import { getOctokit } from '@actions/github'
import type { GitHubClient } from '../../../src/github/index.js'
import type { GitHubServer } from '../../support/github-server/index.js'

/** The Octokit the Action builds, pointed at the loopback server. */
export function octokitFor(server: GitHubServer, token: string): GitHubClient {
  return getOctokit(token, { baseUrl: server.url })
}
