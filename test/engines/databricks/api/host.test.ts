import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  InsecureHostError,
  createDatabricksClient,
  normalizeHost,
  resolveCredentials,
  type RequestLogEntry
} from '../../../../src/engines/databricks/api/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../../support/databricks-server/index.js'
import { clientFor, emptyHome, failure } from './helpers.js'

let server: DatabricksServer
beforeAll(async () => {
  server = await startDatabricksServer()
})
afterAll(() => server.close())

describe('host rule', () => {
  it.each([
    ['dbc-1234.cloud.databricks.com', 'https://dbc-1234.cloud.databricks.com'],
    [
      'https://adb-1.2.azuredatabricks.net/',
      'https://adb-1.2.azuredatabricks.net'
    ],
    [
      'https://x.gcp.databricks.com:443/?o=123#folder',
      'https://x.gcp.databricks.com'
    ],
    ['  https://X.cloud.databricks.com//  ', 'https://x.cloud.databricks.com'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://localhost:9', 'http://localhost:9'],
    ['http://[::1]:9', 'http://[::1]:9']
  ])('normalises %j to %s', (given, expected) => {
    expect(normalizeHost(given)).toBe(expected)
  })

  it.each([
    'http://example.invalid',
    'http://10.0.0.5:8080',
    'ftp://x.databricks.com',
    ''
  ])('refuses %j (exit 3)', (host) => {
    const error = (() => {
      try {
        normalizeHost(host)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(InsecureHostError)
    expect((error as InsecureHostError).exitCode).toBe(3)
  })

  it('never sends a token over plain http to a non-loopback host', async () => {
    const log: RequestLogEntry[] = []
    const error = await failure(
      resolveCredentials({
        env: {
          DATABRICKS_HOST: 'http://example.invalid',
          DATABRICKS_TOKEN: server.token
        },
        homeDir: await emptyHome()
      })
    )
    expect(error).toBeInstanceOf(InsecureHostError)
    expect(error.message).toBe(
      'refusing to send Databricks credentials to http://example.invalid: the connection is not encrypted; use https://example.invalid (plain http is allowed only for 127.0.0.1, localhost and [::1]).'
    )
    const loopback = await resolveCredentials({
      env: { DATABRICKS_HOST: server.url, DATABRICKS_TOKEN: server.token },
      homeDir: await emptyHome()
    })
    expect(() =>
      createDatabricksClient({
        host: 'http://example.invalid',
        credentials: loopback.provider,
        version: '0.1.0',
        onRequest: (e) => log.push(e)
      })
    ).toThrow(InsecureHostError)
    expect(log).toEqual([])
    expect(server.requests).toEqual([])
  })

  it('refuses to send the GitHub request token to a plain-http ID token URL', async () => {
    const resolved = await resolveCredentials({
      env: {
        DATABRICKS_HOST: server.url,
        DATABRICKS_AUTH_TYPE: 'github-oidc',
        DATABRICKS_CLIENT_ID: 'sp-1',
        ACTIONS_ID_TOKEN_REQUEST_URL:
          'http://example.invalid/token?api-version=2.0',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token'
      },
      homeDir: await emptyHome()
    })
    const log: RequestLogEntry[] = []
    const client = createDatabricksClient({
      host: resolved.host,
      credentials: resolved.provider,
      version: '0.1.0',
      onRequest: (e) => log.push(e)
    })
    const error = await failure(client.scim.me())
    expect(error).toBeInstanceOf(InsecureHostError)
    expect(log).toEqual([])
  })

  it('talks to localhost over http', async () => {
    const { client } = await clientFor(server, {
      host: server.url.replace('127.0.0.1', 'localhost')
    })
    expect((await client.scim.me()).userName).toBe(server.userName)
  })

  it('sends User-Agent dtflw/<version>, with cicd/github in Actions', async () => {
    const { client } = await clientFor(server, {
      version: '1.2.3',
      githubActions: true
    })
    await client.scim.me()
    expect(server.requests.at(-1)?.userAgent).toBe('dtflw/1.2.3 cicd/github')
    const { client: local } = await clientFor(server, { version: '1.2.3' })
    await local.scim.me()
    expect(server.requests.at(-1)?.userAgent).toBe('dtflw/1.2.3')
  })
})
