import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { inspect } from 'node:util'
import {
  createDatabricksClient,
  resolveCredentials,
  type RequestLogEntry
} from '../../../../src/engines/databricks/api/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../../support/databricks-server/index.js'
import { emptyHome, failure, fakeClock } from './helpers.js'

const CANARY = 'dapi-CANARY-7f3e9a1c5b2d4e6f'
const CANARY_SECRET = 'dose-CANARY-SECRET-0c1d2e3f'
let server: DatabricksServer

beforeAll(async () => {
  server = await startDatabricksServer({
    tokens: { [CANARY]: 'canary@example.com' },
    oauthClients: [{ clientId: 'sp-canary', clientSecret: 'other-secret' }]
  })
})
afterAll(() => server.close())

async function canaryClient(env: Record<string, string>) {
  const log: RequestLogEntry[] = []
  const secrets: string[] = []
  const clock = fakeClock()
  const resolved = await resolveCredentials({
    env: { DATABRICKS_HOST: server.url, ...env },
    homeDir: await emptyHome()
  })
  const client = createDatabricksClient({
    host: resolved.host,
    credentials: resolved.provider,
    version: '0.1.0',
    now: clock.now,
    sleep: clock.sleep,
    random: clock.random,
    onRequest: (e) => log.push(e),
    onSecret: (s) => secrets.push(s)
  })
  return { client, log, secrets }
}

/** Everything a user or a log could see of an error. */
function visible(error: unknown): string {
  return [
    String(error),
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 5 })
  ].join('\n')
}

describe('a canary token appears in no message, log or record', () => {
  it('through successes, API errors and an echoing server', async () => {
    const { client, log } = await canaryClient({ DATABRICKS_TOKEN: CANARY })
    const errors: unknown[] = []
    await client.scim.me()
    errors.push(await failure(client.workspace.getStatus('/Shared/none')))
    server.fault({
      path: '/api/2.0/workspace/list',
      status: 403,
      body: {
        error_code: 'PERMISSION_DENIED',
        message: `token ${CANARY} may not list /Shared`
      }
    })
    errors.push(await failure(client.workspace.list('/Shared')))
    server.fault({
      path: '/api/2.0/workspace/list',
      status: 400,
      contentType: 'text/html',
      body: `<html><pre>Bearer ${CANARY} rejected</pre></html>`
    })
    errors.push(await failure(client.workspace.list('/Shared')))
    expect((errors[1] as Error).message).toContain('token *** may not list')
    for (const error of errors) expect(visible(error)).not.toContain(CANARY)
    expect(JSON.stringify(log)).not.toContain(CANARY)
    expect(JSON.stringify(server.requests)).not.toContain(CANARY)
  })

  it('when the token is refused', async () => {
    const other = await startDatabricksServer()
    try {
      const resolved = await resolveCredentials({
        env: { DATABRICKS_HOST: other.url, DATABRICKS_TOKEN: CANARY },
        homeDir: await emptyHome()
      })
      const client = createDatabricksClient({
        host: resolved.host,
        credentials: resolved.provider,
        version: '0.1.0'
      })
      const error = await failure(client.scim.me())
      expect(error.message).toContain('DATABRICKS_TOKEN')
      expect(visible(error)).not.toContain(CANARY)
      expect(JSON.stringify(other.requests)).not.toContain(CANARY)
    } finally {
      await other.close()
    }
  })

  it('when a client secret is refused; access tokens are handed to onSecret', async () => {
    const bad = await canaryClient({
      DATABRICKS_CLIENT_ID: 'sp-canary',
      DATABRICKS_CLIENT_SECRET: CANARY_SECRET
    })
    const error = await failure(bad.client.scim.me())
    expect(visible(error)).not.toContain(CANARY_SECRET)
    expect(JSON.stringify(server.requests)).not.toContain(CANARY_SECRET)
    expect(JSON.stringify(bad.log)).not.toContain(CANARY_SECRET)
    expect(bad.client.secrets()).toContain(CANARY_SECRET)

    const good = await canaryClient({
      DATABRICKS_CLIENT_ID: 'sp-canary',
      DATABRICKS_CLIENT_SECRET: 'other-secret'
    })
    await good.client.scim.me()
    expect(good.secrets).toHaveLength(1)
    expect(good.secrets[0]).toMatch(/^oauth-/)
    expect(JSON.stringify(server.requests)).not.toContain(good.secrets[0])
    expect(JSON.stringify(good.log)).not.toContain(good.secrets[0])
  })
})
