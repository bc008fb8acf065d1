import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runCli } from '../support/cli.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../support/databricks-server/index.js'
import {
  repoOf,
  serverEnv,
  sqlNotebook,
  type Repo
} from '../engines/databricks/support.js'

const NOTEBOOKS = 45

let server: DatabricksServer
let repo: Repo
beforeAll(async () => {
  // A workspace that holds every client to Databricks' published limits.
  server = await startDatabricksServer({
    latencyMs: 5,
    rateLimits: 'published'
  })
  // The profile's catalog: each preview makes its schema there.
  server.catalog.createSchema('c')
  const files: Record<string, string> = {
    'dtflw.yaml': [
      'pipeline: shared',
      'sources:',
      '  raw: {}',
      'flow:',
      ...Array.from({ length: NOTEBOOKS }, (_, i) => [
        `  - notebook: notebooks/step${i}.sql`,
        '    inputs: [raw]',
        `    outputs: [t${i}]`
      ]).flat(),
      ''
    ].join('\n'),
    'profiles/test.yaml': [
      'engine: databricks',
      'workspace:',
      '  host: ${DATABRICKS_HOST}',
      '  root: /Workspace/Shared/shared/test',
      'tables: { layout: catalog, catalog: c, schema: s }',
      'sources:',
      '  raw: { table: x.y.raw }',
      ''
    ].join('\n')
  }
  for (let i = 0; i < NOTEBOOKS; i++)
    files[`notebooks/step${i}.sql`] = sqlNotebook(`SELECT ${i}`)
  repo = await repoOf(files)
})
afterAll(async () => {
  await repo.remove()
  await server.close()
})

describe('several CI jobs deploying to one workspace at once', () => {
  it('share its import limit: 429s slow them down, none fails', async () => {
    const runs = await Promise.all(
      ['job-1', 'job-2', 'job-3'].map((preview) =>
        runCli(
          ['deploy', '--profile', 'test', '--preview', preview],
          repo.root,
          {
            env: serverEnv(server)
          }
        )
      )
    )
    for (const run of runs) {
      expect(run.stderr).not.toContain('error')
      expect(run.code).toBe(0)
    }
    const imports = server.requestsTo('POST', '/api/2.0/workspace/import')
    // Three processes at 30 a second each meet a workspace that takes 30.
    expect(imports.filter((r) => r.status === 429).length).toBeGreaterThan(0)
    for (const preview of ['job-1', 'job-2', 'job-3'])
      expect(
        server.workspace.get(
          `/Workspace/Shared/shared/test/previews/${preview}/notebooks/step${NOTEBOOKS - 1}`
        )
      ).toBeDefined()
  })
})
