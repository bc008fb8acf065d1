import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  READ_TOKEN,
  startGitHubServer,
  USER_TOKEN,
  WRITE_TOKEN
} from '../support/github-server/index.js'
import type { GitHubServer } from '../support/github-server/index.js'

// The loopback server stands in for GitHub in the Action's end-to-end tests,
// so its answers are checked against what GitHub's REST API sends.
describe('the loopback GitHub server', () => {
  let server: GitHubServer
  beforeEach(async () => {
    server = await startGitHubServer()
  })
  afterEach(() => server.close())

  // Every body is read: one left unread keeps its keep-alive socket open
  // in the test worker until the worker exits.
  const call = async (
    method: string,
    path: string,
    token?: string,
    body?: unknown
  ) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token && { authorization: `token ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' })
      },
      ...(body !== undefined && { body: JSON.stringify(body) })
    })
    const text = await res.text()
    return {
      status: res.status,
      headers: res.headers,
      json: (): unknown => JSON.parse(text)
    }
  }

  it('pages comments with per_page and page, and a Link header', async () => {
    server.seedComments(
      'o/r',
      7,
      Array.from({ length: 5 }, (_, i) => `c${i}`)
    )
    const res = await call(
      'GET',
      '/repos/o/r/issues/7/comments?per_page=2&page=2',
      READ_TOKEN
    )
    expect(res.status).toBe(200)
    expect(
      ((await res.json()) as { body: string }[]).map((c) => c.body)
    ).toEqual(['c2', 'c3'])
    const base = `${server.url}/repos/o/r/issues/7/comments`
    expect(res.headers.get('link')).toBe(
      `<${base}?per_page=2&page=3>; rel="next", <${base}?per_page=2&page=3>; rel="last", ` +
        `<${base}?per_page=2&page=1>; rel="first", <${base}?per_page=2&page=1>; rel="prev"`
    )
  })

  it("answers 401 without or with a wrong token, 403 to a read-only write, in GitHub's shape", async () => {
    const none = await call('GET', '/repos/o/r/issues/7/comments')
    expect(none.status).toBe(401)
    expect(await none.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })
    const wrong = await call('GET', '/repos/o/r/issues/7/comments', 'nope')
    expect(await wrong.json()).toMatchObject({ message: 'Bad credentials' })
    const readOnly = await call(
      'POST',
      '/repos/o/r/issues/7/comments',
      READ_TOKEN,
      {
        body: 'hi'
      }
    )
    expect(readOnly.status).toBe(403)
    expect(await readOnly.json()).toMatchObject({
      message: 'Resource not accessible by integration'
    })
    expect(server.requests.map((r) => `${r.status} ${r.token}`)).toEqual([
      '401 none',
      '401 wrong',
      '403 read'
    ])
    expect(JSON.stringify(server.requests)).not.toContain(READ_TOKEN)
  })

  it('tells who a token is as GitHub does: GraphQL viewer for every token, GET /user for a person only', async () => {
    const viewer = async (token: string) =>
      (
        await call('POST', '/graphql', token, {
          query: 'query { viewer { login } }'
        })
      ).json()
    expect(await viewer(WRITE_TOKEN)).toEqual({
      data: { viewer: { login: 'github-actions[bot]' } }
    })
    expect(await viewer(READ_TOKEN)).toEqual({
      data: { viewer: { login: 'github-actions[bot]' } }
    })
    expect(await viewer(USER_TOKEN)).toEqual({
      data: { viewer: { login: 'maintainer' } }
    })
    const installation = await call('GET', '/user', WRITE_TOKEN)
    expect(installation.status).toBe(403)
    expect(await installation.json()).toMatchObject({
      message: 'Resource not accessible by integration'
    })
    const person = await call('GET', '/user', USER_TOKEN)
    expect(await person.json()).toMatchObject({
      login: 'maintainer',
      type: 'User'
    })
  })

  it('writes each comment as whoever the token is, and logs who changed whose comment', async () => {
    const post = async (token: string, body: string) =>
      (await (
        await call('POST', '/repos/o/r/issues/7/comments', token, { body })
      ).json()) as { id: number; user: { login: string; type: string } }
    const bot = await post(WRITE_TOKEN, 'from the job')
    const person = await post(USER_TOKEN, 'from a person')
    expect([bot.user, person.user]).toEqual([
      { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      expect.objectContaining({ login: 'maintainer', type: 'User' })
    ])
    await call(
      'PATCH',
      `/repos/o/r/issues/comments/${person.id}`,
      WRITE_TOKEN,
      {
        body: 'edited'
      }
    )
    await call('DELETE', `/repos/o/r/issues/comments/${bot.id}`, USER_TOKEN)
    expect(
      server.requests
        .filter((r) => r.changed !== undefined)
        .map((r) => `${r.method} by ${r.login} of ${r.changed}`)
    ).toEqual([
      'PATCH by github-actions[bot] of maintainer',
      'DELETE by maintainer of github-actions[bot]'
    ])
  })

  it('refuses a body over 65,536 characters with 422, counting characters', async () => {
    const ok = await call('POST', '/repos/o/r/issues/7/comments', WRITE_TOKEN, {
      body: '漢'.repeat(65_536)
    })
    expect(ok.status).toBe(201)
    const long = await call(
      'POST',
      '/repos/o/r/issues/7/comments',
      WRITE_TOKEN,
      {
        body: 'x'.repeat(65_537)
      }
    )
    expect(long.status).toBe(422)
    expect(await long.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          message: 'Body is too long (maximum is 65536 characters)'
        }
      ]
    })
  })

  it('marks earlier deployments of an environment inactive on a success, as GitHub does', async () => {
    const deploy = async () => {
      const res = await call('POST', '/repos/o/r/deployments', WRITE_TOKEN, {
        ref: 'a'.repeat(40),
        environment: 'test'
      })
      const { id } = (await res.json()) as { id: number }
      await call('POST', `/repos/o/r/deployments/${id}/statuses`, WRITE_TOKEN, {
        state: 'success'
      })
      return id
    }
    const first = await deploy()
    const second = await deploy()
    expect(server.deploymentStatuses(first).map((s) => s.state)).toEqual([
      'success',
      'inactive'
    ])
    expect(server.deploymentStatuses(second).map((s) => s.state)).toEqual([
      'success'
    ])
  })
})
