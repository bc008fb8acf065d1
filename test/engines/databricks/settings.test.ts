import { describe, expect, it } from '@jest/globals'
import { formatText } from '../../../src/diagnostics/index.js'
import { readDatabricksSettings } from '../../../src/engines/databricks/settings.js'
import { resolveInMemory } from '../../profiles/support.js'

/** The Databricks settings of a profile written as a user writes it. */
function settingsOf(yaml: string) {
  const { profile, errors } = resolveInMemory({
    test: `engine: databricks\ntables: { layout: catalog, catalog: c, schema: s }\n${yaml}`
  })
  if (!profile) throw new Error(errors.join('\n'))
  return readDatabricksSettings(profile)
}

function refusal(yaml: string): string[] {
  try {
    settingsOf(yaml)
  } catch (error) {
    const diagnostics = (error as { diagnostics?: [] }).diagnostics
    if (!diagnostics) throw error
    return diagnostics.map(formatText)
  }
  throw new Error('the settings were read')
}

describe('readDatabricksSettings', () => {
  it('runs serverless, under the home folder, with the environment’s credentials, when the profile says nothing', () => {
    expect(settingsOf('')).toEqual({
      host: undefined,
      root: undefined,
      configProfile: undefined,
      compute: { kind: 'serverless' }
    })
  })

  it('reads the workspace: host (filled from the environment), root without a trailing slash, and a ~/.databrickscfg profile', () => {
    expect(
      settingsOf(
        'workspace:\n  host: ${DATABRICKS_HOST}\n  root: /Workspace/Shared/dtflw/${pipeline}/${profile}//\n  profile: STAGING\n'
      )
    ).toEqual({
      host: 'https://h',
      root: '/Workspace/Shared/dtflw/sales/test',
      configProfile: 'STAGING',
      compute: { kind: 'serverless' }
    })
  })

  it('runs on the cluster the profile names, or on a new one from its spec', () => {
    expect(
      settingsOf('compute: { existing_cluster_id: 0101-123456-abcdef }\n')
        .compute
    ).toEqual({ kind: 'existing', clusterId: '0101-123456-abcdef' })
    expect(
      settingsOf(
        'compute:\n  new_cluster:\n    spark_version: 15.4.x-scala2.12\n    num_workers: 2\n    spark_conf: { spark.speculation: "true" }\n'
      ).compute
    ).toEqual({
      kind: 'new',
      spec: {
        spark_version: '15.4.x-scala2.12',
        num_workers: 2,
        spark_conf: { 'spark.speculation': 'true' }
      }
    })
    expect(
      settingsOf('compute: { serverless: false, existing_cluster_id: abc }\n')
        .compute
    ).toEqual({ kind: 'existing', clusterId: 'abc' })
  })

  it('gives the run a timeout only when the profile sets one above 0', () => {
    expect(settingsOf('timeout_seconds: 3600\n').timeoutSeconds).toBe(3600)
    expect(settingsOf('timeout_seconds: 0\n')).not.toHaveProperty(
      'timeoutSeconds'
    )
  })

  it('refuses a relative workspace.root at its line, with an example of an absolute one', () => {
    expect(refusal('workspace:\n  root: Shared/dtflw\n')).toEqual([
      'profiles/test.yaml:4:9: error: workspace.root of profile "test" must be an absolute workspace folder (e.g. /Workspace/Shared/dtflw/${pipeline}/${profile}), got "Shared/dtflw".'
    ])
  })
})
