import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  GitHubApiError,
  recordDeployment,
  recordDeploymentStatus
} from '../../src/github/index.js'
import {
  READ_TOKEN,
  startGitHubServer,
  WRITE_TOKEN
} from '../support/github-server/index.js'
import type { GitHubServer } from '../support/github-server/index.js'
import { octokitFor } from './support/octokit.js'

const SHA = '3f2c9d81a4b5e6f708192a3b4c5d6e7f8091a2b3'
const RUN = 'https://adb-1.azuredatabricks.net/?o=1#job/7/run/1000'
const WORKSPACE =
  'https://adb-1.azuredatabricks.net/#workspace/Workspace/Shared/dtflw/sales/acceptance'

describe('recordDeployment through @actions/github against a loopback GitHub', () => {
  let server: GitHubServer
  beforeEach(async () => {
    server = await startGitHubServer()
  })
  afterEach(() => server.close())

  it('records a deployment of the sha and its status, with the run and workspace links', async () => {
    const octokit = octokitFor(server, WRITE_TOKEN)
    const recorded = await recordDeployment(octokit, {
      owner: 'acme',
      repo: 'sales',
      ref: SHA,
      environment: 'acceptance',
      description: 'dtflw promote: sales on acceptance',
      state: 'success',
      logUrl: RUN,
      environmentUrl: WORKSPACE
    })
    const [deployment] = server.deployments('acme/sales')
    expect(deployment).toMatchObject({
      sha: SHA,
      environment: 'acceptance',
      autoMerge: false,
      requiredContexts: [],
      transientEnvironment: false,
      productionEnvironment: false,
      description: 'dtflw promote: sales on acceptance'
    })
    const [status] = server.deploymentStatuses(deployment.id)
    expect(status).toMatchObject({
      state: 'success',
      logUrl: RUN,
      environmentUrl: WORKSPACE
    })
    expect(recorded).toEqual({
      deploymentId: deployment.id,
      deploymentUrl: `${server.url}/repos/acme/sales/deployments/${deployment.id}`,
      statusId: status.id,
      statusUrl: `${server.url}/repos/acme/sales/deployments/${deployment.id}/statuses/${status.id}`
    })

    const { data } = await octokit.rest.repos.getDeploymentStatus({
      owner: 'acme',
      repo: 'sales',
      deployment_id: recorded.deploymentId,
      status_id: recorded.statusId
    })
    expect(data).toMatchObject({ state: 'success', log_url: RUN })
  })

  it('records a preview as transient, in progress and then succeeded', async () => {
    const octokit = octokitFor(server, WRITE_TOKEN)
    const { deploymentId } = await recordDeployment(octokit, {
      owner: 'acme',
      repo: 'sales',
      ref: SHA,
      environment: 'pr-7',
      description: `dtflw run: sales on test, preview pr-7 ${'and a long explanation '.repeat(10)}`,
      state: 'in_progress',
      transient: true
    })
    await recordDeploymentStatus(octokit, {
      owner: 'acme',
      repo: 'sales',
      deploymentId,
      state: 'success',
      logUrl: RUN
    })
    const [deployment] = server.deployments('acme/sales')
    expect(deployment.transientEnvironment).toBe(true)
    expect(deployment.description).toHaveLength(140)
    expect(deployment.description?.endsWith('…')).toBe(true)
    expect(server.deploymentStatuses(deploymentId).map((s) => s.state)).toEqual(
      ['in_progress', 'success']
    )
  })

  it('fails with a forbidden error on a read-only token, recording nothing', async () => {
    const octokit = octokitFor(server, READ_TOKEN)
    const error = await recordDeployment(octokit, {
      owner: 'acme',
      repo: 'sales',
      ref: SHA,
      environment: 'test',
      description: 'dtflw run',
      state: 'success'
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect((error as GitHubApiError).message).toMatch(
      /^GitHub refused to record a deployment of 3f2c9d8 to "test" \(HTTP 403, POST \/repos\/acme\/sales\/deployments\): Resource not accessible by integration; .*"deployments: write"/
    )
    expect(server.deployments('acme/sales')).toHaveLength(0)
  })

  it('names the deployment when a status cannot be recorded', async () => {
    const octokit = octokitFor(server, WRITE_TOKEN)
    await expect(
      recordDeploymentStatus(octokit, {
        owner: 'acme',
        repo: 'sales',
        deploymentId: 424242,
        state: 'failure'
      })
    ).rejects.toMatchObject({
      category: 'not-found',
      message: expect.stringContaining(
        'GitHub refused to record the state "failure" of deployment 424242 (HTTP 404'
      )
    })
  })
})
