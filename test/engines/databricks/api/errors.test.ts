import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  DatabricksApiError,
  DatabricksNetworkError,
  categorize,
  parseErrorBody,
  type DatabricksClient
} from '../../../../src/engines/databricks/api/index.js'
import { PlatformError } from '../../../../src/diagnostics/index.js'
import {
  startDatabricksServer,
  type DatabricksServer,
  type FaultRule
} from '../../../support/databricks-server/index.js'
import { clientFor, failure } from './helpers.js'

let server: DatabricksServer
let client: DatabricksClient

beforeAll(async () => {
  server = await startDatabricksServer()
  ;({ client } = await clientFor(server, { retry: { maxAttempts: 1 } }))
})
afterAll(() => server.close())

const STATUS = '/api/2.0/workspace/get-status'

/** The error `get-status` fails with under `rule`; no query string shows. */
async function errorFor(
  rule: Omit<FaultRule, 'path'>
): Promise<DatabricksApiError> {
  server.fault({ path: STATUS, ...rule })
  const error = await failure(client.workspace.getStatus('/Shared/x'))
  expect(error).toBeInstanceOf(DatabricksApiError)
  expect(error).toBeInstanceOf(PlatformError)
  expect((error as DatabricksApiError).exitCode).toBe(3)
  expect(error.message).not.toContain('?path=')
  expect(error.message).not.toContain('%2FShared')
  return error as DatabricksApiError
}

describe('every error shape becomes a categorised DatabricksApiError', () => {
  it('JSON error_code and message, with the request id from RequestInfo', async () => {
    const error = await errorFor({
      status: 404,
      body: {
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: "Path (/Shared/x) doesn't exist.",
        details: [
          { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'r' },
          {
            '@type': 'type.googleapis.com/google.rpc.RequestInfo',
            request_id: 'req-123'
          }
        ]
      }
    })
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      category: 'not-found',
      requestId: 'req-123',
      method: 'GET',
      path: STATUS,
      apiMessage: "Path (/Shared/x) doesn't exist."
    })
    expect(error.message).toContain('does not exist')
  })

  it('a numeric error_code ("Invalid access token.") is unauthenticated', async () => {
    const error = await errorFor({
      status: 403,
      body: { error_code: 403, message: 'Invalid access token.' }
    })
    expect(error).toMatchObject({
      errorCode: 'PERMISSION_DENIED',
      category: 'unauthenticated'
    })
    expect(error.message).toContain('DATABRICKS_TOKEN')
    expect(error.message).toContain('auth method pat')
  })

  it('legacy {"error": …}', async () => {
    const error = await errorFor({
      status: 400,
      body: { error: 'Cluster 0123 does not exist' }
    })
    expect(error).toMatchObject({
      errorCode: 'BAD_REQUEST',
      category: 'invalid',
      apiMessage: 'Cluster 0123 does not exist'
    })
  })

  it('SCIM {"detail", "status"}', async () => {
    const error = await errorFor({
      status: 403,
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        detail: 'User is not an admin.',
        status: '403'
      }
    })
    expect(error).toMatchObject({
      errorCode: 'PERMISSION_DENIED',
      category: 'permission-denied',
      apiMessage: 'User is not an admin.'
    })
    expect(error.message).toContain('permission denied')
    expect(error.message).toContain('CAN_READ')
  })

  it('plain text CODE: message', async () => {
    const error = await errorFor({
      status: 409,
      body: 'RESOURCE_CONFLICT: another update is in progress'
    })
    expect(error).toMatchObject({
      errorCode: 'RESOURCE_CONFLICT',
      category: 'conflict',
      apiMessage: 'another update is in progress'
    })
  })

  it('an HTML page with the message in <pre>', async () => {
    const error = await errorFor({
      status: 400,
      contentType: 'text/html',
      body: '<html><head><title>Error 400</title></head><body><h2>HTTP ERROR 400</h2><pre>io.jsonwebtoken.IncorrectClaimException: Expected aud claim to be: x, but was: y.</pre></body></html>'
    })
    expect(error).toMatchObject({
      errorCode: 'BAD_REQUEST',
      category: 'invalid'
    })
    expect(error.apiMessage).toBe(
      'io.jsonwebtoken.IncorrectClaimException: Expected aud claim to be: x, but was: y.'
    )
  })

  it('an empty body takes the reason phrase', async () => {
    const error = await errorFor({ status: 502 })
    expect(error).toMatchObject({
      errorCode: 'BAD_GATEWAY',
      category: 'unavailable',
      apiMessage: 'Bad Gateway'
    })
    expect(error.message).toContain('try again later')
  })

  it('a 200 login page instead of JSON (private link, SSO)', async () => {
    const error = await errorFor({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html><head><title>Databricks - Sign In</title></head><body>login</body></html>'
    })
    expect(error).toMatchObject({
      status: 200,
      errorCode: 'LOGIN_PAGE',
      category: 'permission-denied'
    })
    expect(error.message).toContain('login page')
    expect(error.message).toContain('private link')
  })

  it('a redirect to the private-link login page', async () => {
    const error = await errorFor({
      status: 303,
      headers: {
        location: '/login.html?error=private-link-validation-error&o=1'
      }
    })
    expect(error).toMatchObject({
      errorCode: 'PRIVATE_LINK_VALIDATION_ERROR',
      category: 'permission-denied'
    })
    expect(error.apiMessage).not.toContain('?')
  })

  it('an OAuth error body', async () => {
    const error = await errorFor({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: 'Client authentication failed'
      }
    })
    expect(error).toMatchObject({
      errorCode: 'invalid_client',
      category: 'unauthenticated',
      apiMessage: 'Client authentication failed'
    })
  })

  it('an id beyond 2^53 is refused rather than rounded to another run', async () => {
    server.fault({
      path: '/api/2.2/jobs/runs/submit',
      status: 200,
      contentType: 'application/json',
      body: '{"run_id": 9007199254740993}'
    })
    const error = await failure(
      client.jobs.submitRun({ idempotency_token: 'big', tasks: [] })
    )
    expect(error).toMatchObject({ errorCode: 'NOT_JSON', category: 'unknown' })
    expect(error.message).toContain('9007199254740993')
  })

  it('an unknown status is unknown', async () => {
    const error = await errorFor({ status: 418, body: { message: 'teapot' } })
    expect(error).toMatchObject({ errorCode: 'HTTP_418', category: 'unknown' })
  })
})

describe('the category tables', () => {
  it.each([
    [400, 'INVALID_PARAMETER_VALUE', 'bad', 'invalid'],
    [400, 'INVALID_PARAMETER_VALUE', 'Run 12 does not exist.', 'not-found'],
    [400, 'RESOURCE_ALREADY_EXISTS', 'x', 'conflict'],
    [400, 'DIRECTORY_NOT_EMPTY', 'x', 'conflict'],
    [401, 'UNAUTHENTICATED', 'x', 'unauthenticated'],
    [403, 'PERMISSION_DENIED', 'x', 'permission-denied'],
    [403, 'MAX_CHILD_NODE_SIZE_EXCEEDED', 'x', 'invalid'],
    [404, 'TABLE_DOES_NOT_EXIST', 'x', 'not-found'],
    [404, 'ENDPOINT_NOT_FOUND', 'x', 'not-found'],
    [409, 'RESOURCE_CONFLICT', 'x', 'conflict'],
    [429, 'REQUEST_LIMIT_EXCEEDED', 'x', 'rate-limited'],
    [400, 'RESOURCE_EXHAUSTED', 'x', 'rate-limited'],
    [500, 'INTERNAL_ERROR', 'x', 'unavailable'],
    [503, 'TEMPORARILY_UNAVAILABLE', 'x', 'unavailable'],
    [504, 'DEADLINE_EXCEEDED', 'x', 'unavailable'],
    [499, 'CANCELLED', 'x', 'unknown']
  ])('%i %s %j → %s', (status, code, message, category) => {
    expect(categorize(status, code, message)).toBe(category)
  })

  it('parses bodies without a server', () => {
    expect(parseErrorBody(400, 'Bad Request', '')).toEqual({
      errorCode: 'BAD_REQUEST',
      message: 'Bad Request'
    })
    expect(parseErrorBody(500, '', 'x'.repeat(2000)).message).toHaveLength(1001)
  })
})

describe('messages say what to do', () => {
  it('a missing workspace path is named', async () => {
    const error = await failure(
      client.workspace.getStatus('/Shared/nothing/here')
    )
    expect(error.message).toBe(
      "/Shared/nothing/here does not exist (404 RESOURCE_DOES_NOT_EXIST: Path (/Shared/nothing/here) doesn't exist.)."
    )
  })

  it('a refused connection names the host', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((r) => closed.close(() => r()))
    const { client: c } = await clientFor(server, {
      host: `http://127.0.0.1:${port}`
    })
    const error = await failure(c.workspace.list('/Shared'))
    expect(error).toBeInstanceOf(DatabricksNetworkError)
    expect(error).toMatchObject({ failure: 'refused', exitCode: 3 })
    expect(error.message).toBe(
      `cannot connect to http://127.0.0.1:${port} (connection refused) for GET /api/2.0/workspace/list: check the host (DATABRICKS_HOST or workspace.host) and that the workspace is reachable from here.`
    )
  })

  it('an unknown host names the host', async () => {
    const { client: c } = await clientFor(server, {
      host: 'https://dtflw-test.invalid'
    })
    const error = await failure(c.workspace.list('/Shared'))
    expect(error).toMatchObject({ failure: 'dns', exitCode: 3 })
    expect(error.message).toContain('https://dtflw-test.invalid')
  })
})
