import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import type { CommandResult } from '../commands/index.js'
import { recordDeployment, recordDeploymentStatus } from '../github/index.js'
import type { GitHubContext } from './context.js'
import type { ActionSettings } from './inputs.js'

/** A GitHub deployment the Action opened for a promotion. */
export interface OpenDeployment {
  finish(result: CommandResult): Promise<void>
}

/**
 * Opens a GitHub deployment (in progress) for a promotion of the commit to
 * an environment, so the repository's Environments page shows what runs
 * where; `finish` sets success or failure with a link to the run. GitHub
 * refusing (no `deployments: write`) is a warning, never the step's
 * failure: the promotion itself is what counts.
 */
export async function openDeployment(
  settings: ActionSettings,
  context: GitHubContext,
  sha: string
): Promise<OpenDeployment | undefined> {
  if (!settings.githubToken || !settings.to) return undefined
  const octokit = getOctokit(settings.githubToken, { baseUrl: context.apiUrl })
  const repo = { owner: context.owner, repo: context.repo }
  let id: number
  try {
    const opened = await recordDeployment(octokit, {
      ...repo,
      ref: sha,
      environment: settings.to,
      description: `dtflw promote ${sha.slice(0, 7)} to ${settings.to}`,
      state: 'in_progress',
      ...(context.runUrl ? { logUrl: context.runUrl } : {}),
      production: settings.to === 'production'
    })
    id = opened.deploymentId
  } catch (error) {
    core.warning(`no GitHub deployment recorded: ${(error as Error).message}`)
    return undefined
  }
  return {
    async finish(result) {
      const data = result.data
      const report = data?.kind === 'promote' ? data.report : undefined
      try {
        await recordDeploymentStatus(octokit, {
          ...repo,
          deploymentId: id,
          state: result.exitCode === 0 ? 'success' : 'failure',
          description:
            result.exitCode === 0
              ? `promoted to ${settings.to}`
              : `promotion to ${settings.to} ${report?.status ?? 'refused'}`,
          ...(report?.runUrl
            ? { logUrl: report.runUrl }
            : context.runUrl
              ? { logUrl: context.runUrl }
              : {})
        })
      } catch (error) {
        core.warning(
          `the GitHub deployment's status was not recorded: ${(error as Error).message}`
        )
      }
    }
  }
}
