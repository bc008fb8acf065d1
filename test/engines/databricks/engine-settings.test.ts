import { describe, expect, it } from '@jest/globals'
import { hostname, userInfo } from 'node:os'
import { UsageError } from '../../../src/diagnostics/index.js'
import { readDatabricksEngineSettings } from '../../../src/engines/databricks/index.js'
import type { ResolvedProfile } from '../../../src/profiles/index.js'
import { profileOf } from '../../support/profiles.js'

/** A Databricks profile with these values, each found at line 3 of its file. */
function profileWith(values: Record<string, unknown>): ResolvedProfile {
  return {
    ...profileOf(
      { layout: 'catalog', catalog: 'main', schema: 'sales' },
      { name: 'staging' }
    ),
    engine: 'databricks',
    values,
    locate: () => ({ file: 'profiles/staging.yaml', line: 3, column: 9 })
  }
}

describe('the Databricks engine’s settings, read once from the profile and the environment', () => {
  it('in a GitHub Actions job: the workflow run holds the deploy lock, and requests say where they come from', () => {
    const settings = readDatabricksEngineSettings(
      profileWith({
        workspace: { host: 'https://x.cloud.databricks.com' },
        compute: { existing_cluster_id: '0123-abc' },
        timeout_seconds: 600
      }),
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_RUN_ID: '77',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_REPOSITORY: 'acme/sales',
        GITHUB_ACTOR: 'ana',
        HOME: '/home/runner',
        DTFLW_DATABRICKS_POLL_MS: '50',
        DTFLW_DATABRICKS_MAX_TASKS: '20'
      }
    )
    expect(settings).toMatchObject({
      host: 'https://x.cloud.databricks.com',
      compute: { kind: 'existing', clusterId: '0123-abc' },
      timeoutSeconds: 600,
      profileName: 'staging',
      hostName: 'workspace.host of profile "staging" (profiles/staging.yaml:3)',
      holder: {
        owner: 'ana (GitHub acme/sales run 77 attempt 2)',
        ciRun: 'acme/sales run 77',
        attempt: 2
      },
      githubActions: true,
      homeDir: '/home/runner'
    })
    expect(settings.tuning).toMatchObject({ pollMs: 50, maxTasks: 20 })
  })

  it('on a laptop: serverless, the user at this machine holds the lock', () => {
    const settings = readDatabricksEngineSettings(profileWith({}), {
      HOME: '/home/u'
    })
    expect(settings).toMatchObject({
      compute: { kind: 'serverless' },
      holder: { owner: `${userInfo().username}@${hostname()}` },
      githubActions: false,
      homeDir: '/home/u'
    })
    expect(settings.holder.ciRun).toBeUndefined()
    expect(settings.tuning.maxTasks).toBe(1000)
  })

  it('a workspace root that is not absolute, or a tuning variable that means nothing, is a usage error', () => {
    expect(() =>
      readDatabricksEngineSettings(
        profileWith({ workspace: { root: 'Shared/x' } }),
        {}
      )
    ).toThrow(UsageError)
    expect(() =>
      readDatabricksEngineSettings(profileWith({}), {
        DTFLW_DATABRICKS_UPLOADS: 'many'
      })
    ).toThrow(
      'DTFLW_DATABRICKS_UPLOADS must be a whole number of at least 1, got "many".'
    )
  })
})
