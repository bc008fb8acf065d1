import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  createDatabricksClient,
  resolveCredentials,
  type DatabricksClient
} from '../../../../src/engines/databricks/api/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../../support/databricks-server/index.js'
import { clientFor, emptyHome, fakeClock, waitForRun } from './helpers.js'

const SP = { clientId: 'rl-sp', clientSecret: 'rl-secret-0123456789' }
let server: DatabricksServer
beforeAll(async () => {
  server = await startDatabricksServer({
    defaultDurationMs: 5,
    oauthClients: [SP]
  })
  server.workspace.putNotebook(
    '/Shared/rl/nb',
    '# Databricks notebook source\n'
  )
  server.catalog.putTable('c.s.t', [{ name: 'id', type: 'bigint' }])
  server.storage.putFile('/Volumes/c/s/v/f.csv', 10)
  server.storage.putDirectory('/Volumes/c/s/v/d')
  server.storage.putFile('/tmp/x.parquet', 10)
})
afterAll(() => server.close())

/** Every kind of request the client makes, each answered 429 once first. */
const CALLS: [
  string,
  string | RegExp,
  (c: DatabricksClient) => Promise<unknown>
][] = [
  [
    'POST',
    '/api/2.0/workspace/mkdirs',
    (c) => c.workspace.mkdirs('/Shared/rl/dir')
  ],
  [
    'POST',
    '/api/2.0/workspace/import',
    (c) =>
      c.workspace.import({
        path: '/Shared/rl/dir/lock',
        format: 'AUTO',
        content: 'x',
        overwrite: false
      })
  ],
  [
    'GET',
    '/api/2.0/workspace/get-status',
    (c) => c.workspace.getStatus('/Shared/rl/nb')
  ],
  ['GET', '/api/2.0/workspace/list', (c) => c.workspace.list('/Shared/rl')],
  [
    'GET',
    '/api/2.0/workspace/export',
    (c) => c.workspace.export('/Shared/rl/nb')
  ],
  [
    'POST',
    '/api/2.0/workspace/delete',
    (c) => c.workspace.delete('/Shared/rl/dir', { recursive: true })
  ],
  [
    'GET',
    /^\/api\/2\.1\/unity-catalog\/tables\//,
    (c) => c.catalog.getTable('c.s.t')
  ],
  [
    'HEAD',
    /^\/api\/2\.0\/fs\/files\//,
    (c) => c.files.tryGetFileStatus('/Volumes/c/s/v/f.csv')
  ],
  [
    'HEAD',
    /^\/api\/2\.0\/fs\/directories\//,
    (c) => c.files.directoryExists('/Volumes/c/s/v/d')
  ],
  [
    'GET',
    /^\/api\/2\.0\/fs\/directories\//,
    (c) => c.files.listDirectory('/Volumes/c/s/v')
  ],
  [
    'GET',
    '/api/2.0/dbfs/get-status',
    (c) => c.files.tryGetDbfsStatus('dbfs:/tmp/x.parquet')
  ],
  ['GET', '/api/2.0/preview/scim/v2/Me', (c) => c.scim.me()],
  ['GET', '/api/2.2/jobs/runs/list', (c) => c.jobs.listRuns({ limit: 5 })]
]

describe('a 429 on every kind of request', () => {
  it.each(
    CALLS.map(
      ([method, path, call]) =>
        [`${method} ${path}`, method, path, call] as const
    )
  )(
    '%s is retried after its Retry-After, once, and succeeds',
    async (_name, method, path, call) => {
      const { client } = await clientFor(server)
      server.clearRequests()
      server.fault({
        method,
        path,
        status: 429,
        retryAfter: 1,
        body: { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }
      })
      await call(client)
      expect(server.requestsTo(method, path).map((r) => r.status)).toEqual([
        429, 200
      ])
    }
  )

  it('so are the runs endpoints: submit without a token, get, get-output, cancel', async () => {
    const { client } = await clientFor(server)
    server.clearRequests()
    for (const [method, path] of [
      ['POST', '/api/2.2/jobs/runs/submit'],
      ['GET', '/api/2.2/jobs/runs/get'],
      ['GET', '/api/2.2/jobs/runs/get-output'],
      ['POST', '/api/2.2/jobs/runs/cancel']
    ])
      server.fault({ method, path, status: 429, retryAfter: 1 })
    const { run_id } = await client.jobs.submitRun({
      tasks: [
        { task_key: 'nb', notebook_task: { notebook_path: '/Shared/rl/nb' } }
      ]
    })
    const run = await client.jobs.getRun(run_id)
    await client.jobs.cancelRun(run_id)
    await waitForRun(client, run_id)
    await client.jobs.getRunOutput(run.tasks![0].run_id)
    expect(server.requests.filter((r) => r.status === 429)).toHaveLength(4)
  })

  it('and the OAuth token request', async () => {
    const resolved = await resolveCredentials({
      env: {
        DATABRICKS_HOST: server.url,
        DATABRICKS_CLIENT_ID: SP.clientId,
        DATABRICKS_CLIENT_SECRET: SP.clientSecret
      },
      homeDir: await emptyHome()
    })
    const clock = fakeClock()
    const client = createDatabricksClient({
      host: resolved.host,
      credentials: resolved.provider,
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: clock.random
    })
    server.fault({
      method: 'POST',
      path: '/oidc/v1/token',
      status: 429,
      retryAfter: 1
    })
    expect((await client.scim.me()).userName).toBe(SP.clientId)
    expect(
      server.requestsTo('POST', '/oidc/v1/token').map((r) => r.status)
    ).toEqual([429, 200])
  })
})
