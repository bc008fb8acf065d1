import type { GitHubClient, RepoRef } from './client.js'
import { toGitHubApiError } from './errors.js'

/** The states dtflw records; GitHub also has `pending` and `queued`. */
export type DeploymentState =
  'in_progress' | 'success' | 'failure' | 'error' | 'inactive'

/** A deployment of one build to one environment. */
export interface DeploymentRecord extends RepoRef {
  /** The commit sha deployed (a sha, so GitHub never merges a branch for it). */
  readonly ref: string
  /** The GitHub environment, e.g. `test`, `acceptance` or `pr-7`. */
  readonly environment: string
  readonly description: string
  readonly state: DeploymentState
  /** The run's page (Databricks run or workflow run). */
  readonly logUrl?: string
  /** Where the deployed notebooks are (the workspace folder's page). */
  readonly environmentUrl?: string
  /** A pull-request preview: GitHub may mark it inactive once removed. */
  readonly transient?: boolean
  readonly production?: boolean
  /** Free JSON kept with the deployment (e.g. the evidence record's path). */
  readonly payload?: Readonly<Record<string, unknown>>
}

/** A later state of a recorded deployment. */
export interface DeploymentStatusRecord extends RepoRef {
  readonly deploymentId: number
  readonly state: DeploymentState
  readonly description?: string
  readonly logUrl?: string
  readonly environmentUrl?: string
}

/** The deployment and the status that were recorded. */
export interface RecordedDeployment {
  readonly deploymentId: number
  /** The API URL of the deployment. */
  readonly deploymentUrl: string
  readonly statusId: number
  readonly statusUrl: string
}

// GitHub's limit on a deployment's and a status's description.
const DESCRIPTION_CHARS = 140

/**
 * Records a deployment and its first status. `auto_merge: false` and
 * `required_contexts: []` because dtflw deploys exactly the given sha and
 * runs its own gate (promotion evidence) instead of commit statuses.
 */
export async function recordDeployment(
  octokit: GitHubClient,
  record: DeploymentRecord
): Promise<RecordedDeployment> {
  const what = `record a deployment of ${record.ref.slice(0, 7)} to "${record.environment}"`
  let id: number
  let url: string
  try {
    const { data } = await octokit.rest.repos.createDeployment({
      owner: record.owner,
      repo: record.repo,
      ref: record.ref,
      environment: record.environment,
      description: shorten(record.description),
      auto_merge: false,
      required_contexts: [],
      transient_environment: record.transient ?? false,
      production_environment: record.production ?? false,
      task: 'deploy',
      ...(record.payload && { payload: { ...record.payload } })
    })
    // 202 (a merge in progress) has no id; with auto_merge off it does not happen.
    if (!('id' in data))
      throw Object.assign(new Error(data.message ?? ''), { status: 202 })
    id = data.id
    url = data.url
  } catch (error) {
    throw toGitHubApiError(error, what)
  }
  const status = await recordDeploymentStatus(octokit, {
    owner: record.owner,
    repo: record.repo,
    deploymentId: id,
    state: record.state,
    description: record.description,
    logUrl: record.logUrl,
    environmentUrl: record.environmentUrl
  })
  return { deploymentId: id, deploymentUrl: url, ...status }
}

/** Adds a status to a recorded deployment, e.g. `in_progress` → `success`. */
export async function recordDeploymentStatus(
  octokit: GitHubClient,
  record: DeploymentStatusRecord
): Promise<{ statusId: number; statusUrl: string }> {
  try {
    const { data } = await octokit.rest.repos.createDeploymentStatus({
      owner: record.owner,
      repo: record.repo,
      deployment_id: record.deploymentId,
      state: record.state,
      ...(record.description !== undefined && {
        description: shorten(record.description)
      }),
      ...(record.logUrl !== undefined && { log_url: record.logUrl }),
      ...(record.environmentUrl !== undefined && {
        environment_url: record.environmentUrl
      })
    })
    return { statusId: data.id, statusUrl: data.url }
  } catch (error) {
    throw toGitHubApiError(
      error,
      `record the state "${record.state}" of deployment ${record.deploymentId}`
    )
  }
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= DESCRIPTION_CHARS
    ? flat
    : flat.slice(0, DESCRIPTION_CHARS - 1) + '…'
}
