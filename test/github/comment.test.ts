import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  commentMarker,
  GitHubApiError,
  renderComment,
  renderRunStamp,
  upsertComment
} from '../../src/github/index.js'
import type { CommentToWrite } from '../../src/github/index.js'
import {
  READ_TOKEN,
  startGitHubServer,
  USER_TOKEN,
  WRITE_TOKEN
} from '../support/github-server/index.js'
import type { GitHubServer } from '../support/github-server/index.js'
import { octokitFor } from './support/octokit.js'
import { salesPullRequest } from './support/scenarios.js'

const PR = { owner: 'acme', repo: 'sales', issueNumber: 7 }
const MARKER = commentMarker('sales', 'test')
const OLD_SHA = '1111111111111111111111111111111111111111'
const NEW_SHA = '2222222222222222222222222222222222222222'
const T1 = '2026-03-01T10:00:00.000Z'
const T2 = '2026-03-01T10:07:00.000Z'

/** A comment to write, as a run of (sha, start) renders it. */
function report(sha: string, started: string, text: string): CommentToWrite {
  return {
    body: `${MARKER}\n${renderRunStamp(sha, started)}\n${text}\n`,
    marker: MARKER,
    headSha: sha,
    runStartedAt: started
  }
}

const requestLine = (r: { method: string; path: string; query: object }) =>
  `${r.method} ${r.path}${'page' in r.query ? `?page=${String(r.query.page)}` : ''}`

describe('upsertComment through @actions/github against a loopback GitHub', () => {
  let server: GitHubServer
  beforeEach(async () => {
    server = await startGitHubServer()
  })
  afterEach(() => server.close())

  const ours = () =>
    server.comments('acme/sales', 7).filter((c) => c.body.startsWith(MARKER))

  it('creates the comment on the first run and updates the same one on the second', async () => {
    const octokit = octokitFor(server, WRITE_TOKEN)
    const first = await salesPullRequest({ failed: ['import_data'] })
    const firstBody = renderComment(first)
    const created = await upsertComment(octokit, PR, {
      body: firstBody,
      marker: MARKER,
      headSha: first.headSha,
      runStartedAt: first.runStartedAt
    })
    const [comment] = ours()
    expect(created).toEqual({
      action: 'create',
      id: comment.id,
      url: `https://github.com/acme/sales/pull/7#issuecomment-${comment.id}`
    })
    // Who the token posts as first: GraphQL's viewer (the job's token may
    // not call GET /user).
    expect(server.requests.map(requestLine)).toEqual([
      'POST /graphql',
      'GET /repos/acme/sales/issues/7/comments',
      'POST /repos/acme/sales/issues/7/comments',
      'GET /repos/acme/sales/issues/7/comments'
    ])
    expect(server.requests[1].query.per_page).toBe('100')
    expect(comment.login).toBe('github-actions[bot]')

    server.clearRequests()
    const second = await salesPullRequest({ gitSha: NEW_SHA, startedAt: T2 })
    const secondBody = renderComment(second)
    const updated = await upsertComment(octokit, PR, {
      body: secondBody,
      marker: MARKER,
      headSha: NEW_SHA,
      runStartedAt: T2
    })
    expect(updated).toEqual({ ...created, action: 'update' })
    expect(server.requests.map(requestLine)).toEqual([
      'POST /graphql',
      'GET /repos/acme/sales/issues/7/comments',
      `PATCH /repos/acme/sales/issues/comments/${comment.id}`,
      'GET /repos/acme/sales/issues/7/comments'
    ])
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toBe(secondBody)
    expect(secondBody).toContain('## ✅ `sales` on `test`: succeeded')
  })

  it('writes nothing when the comment already holds the report', async () => {
    const octokit = octokitFor(server, WRITE_TOKEN)
    const next = report(OLD_SHA, T1, 'same')
    await upsertComment(octokit, PR, next)
    server.clearRequests()
    const again = await upsertComment(octokit, PR, next)
    expect(again).toMatchObject({ action: 'none', reason: 'unchanged' })
    expect(server.requests.map(requestLine)).toEqual([
      'POST /graphql',
      'GET /repos/acme/sales/issues/7/comments'
    ])
  })

  it('finds its comment behind more than 100 others by paging', async () => {
    const octokit = octokitFor(server, WRITE_TOKEN)
    server.seedComments('acme/sales', 7, [
      ...Array.from({ length: 130 }, (_, i) => `review comment ${i}`),
      { body: report(OLD_SHA, T1, 'old').body },
      ...Array.from({ length: 120 }, (_, i) => `later comment ${i}`)
    ])
    const result = await upsertComment(octokit, PR, report(NEW_SHA, T2, 'new'))
    expect(result.action).toBe('update')
    expect(server.requests.slice(1, 4).map(requestLine)).toEqual([
      'GET /repos/acme/sales/issues/7/comments',
      'GET /repos/acme/sales/issues/7/comments?page=2',
      'GET /repos/acme/sales/issues/7/comments?page=3'
    ])
    expect(server.comments('acme/sales', 7)).toHaveLength(251)
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toContain('\nnew\n')
    expect(server.comments('acme/sales', 7)[130].id).toBe(result.id)
  })

  it('never lets an older run overwrite the report of a newer one', async () => {
    const octokit = octokitFor(server, WRITE_TOKEN)
    await upsertComment(octokit, PR, report(NEW_SHA, T2, 'new'))
    const late = await upsertComment(octokit, PR, report(OLD_SHA, T1, 'old'))
    expect(late).toMatchObject({ action: 'none', reason: 'newer-report' })
    expect(ours().map((c) => c.body)).toEqual([report(NEW_SHA, T2, 'new').body])
  })

  describe('two racing runs: the newer wins', () => {
    const older = report(OLD_SHA, T1, 'older run')
    const newer = report(NEW_SHA, T2, 'newer run')

    it.each([
      ['older first', [older, newer]],
      ['newer first', [newer, older]]
    ])('on an existing comment, %s', async (_, order) => {
      server.seedComments('acme/sales', 7, [
        { body: report(OLD_SHA, '2026-03-01T09:00:00.000Z', 'earlier').body }
      ])
      server.setLatency(15)
      const octokit = octokitFor(server, WRITE_TOKEN)
      await Promise.all(order.map((next) => upsertComment(octokit, PR, next)))
      expect(ours().map((c) => c.body)).toEqual([newer.body])
    })

    it.each([
      ['older first', [older, newer]],
      ['newer first', [newer, older]]
    ])(
      'when both create the comment, %s: one comment remains',
      async (_, order) => {
        server.setLatency(15)
        const octokit = octokitFor(server, WRITE_TOKEN)
        const results = await Promise.all(
          order.map((next) => upsertComment(octokit, PR, next))
        )
        expect(ours().map((c) => c.body)).toEqual([newer.body])
        expect(results.map((r) => r.action)).toEqual(['create', 'create'])
        expect(results[0].url).toBe(results[1].url)
        expect(
          server.requests.filter((r) => r.method === 'DELETE')
        ).not.toHaveLength(0)
      }
    )

    it("restores the newer report when the older run's write lands after it", async () => {
      server.seedComments('acme/sales', 7, [
        { body: report(OLD_SHA, '2026-03-01T09:00:00.000Z', 'earlier').body }
      ])
      // The older run's PATCH is slow; once the newer run has written, lists
      // are slow too, so the older write lands between the newer run's write
      // and its check.
      let newerWritten = false
      server.setLatency(({ method, body }) => {
        const text = (body as { body?: string } | undefined)?.body ?? ''
        if (method === 'PATCH' && text === older.body) return 60
        if (method === 'PATCH' && text === newer.body) newerWritten = true
        return method === 'GET' && newerWritten ? 120 : 5
      })
      const octokit = octokitFor(server, WRITE_TOKEN)
      const [a, b] = await Promise.all([
        upsertComment(octokit, PR, older),
        upsertComment(octokit, PR, newer)
      ])
      const patches = server.requests
        .filter((r) => r.method === 'PATCH')
        .map((r) => (r.body as { body: string }).body)
      expect(patches).toEqual([newer.body, older.body, newer.body])
      expect(ours().map((c) => c.body)).toEqual([newer.body])
      expect([a.action, b.action]).toEqual(['update', 'update'])
    })
  })

  it('folds duplicates a crashed run left behind into the oldest comment', async () => {
    const [first] = server.seedComments('acme/sales', 7, [
      { body: report(OLD_SHA, T1, 'one').body },
      'a review',
      { body: report(OLD_SHA, T1, 'two').body }
    ])
    const octokit = octokitFor(server, WRITE_TOKEN)
    const result = await upsertComment(octokit, PR, report(NEW_SHA, T2, 'new'))
    expect(result).toMatchObject({ action: 'update', id: first.id })
    expect(server.comments('acme/sales', 7).map((c) => c.body)).toEqual([
      report(NEW_SHA, T2, 'new').body,
      'a review'
    ])
  })

  describe('a comment someone else wrote', () => {
    /** Every edit and deletion, as (who asked, whose comment). */
    const changes = () =>
      server.requests
        .filter((r) => r.changed !== undefined)
        .map((r) => [r.login, r.changed])

    it('with our marker and a newer stamp is left alone, and the report stays true through a failing run', async () => {
      const octokit = octokitFor(server, WRITE_TOKEN)
      await upsertComment(octokit, PR, report(OLD_SHA, T1, 'succeeded'))
      const [, forged] = server.seedComments('acme/sales', 7, [
        'a review',
        {
          login: 'mallory',
          body: report(NEW_SHA, '2026-03-02T00:00:00.000Z', 'succeeded').body
        }
      ])
      const later = await upsertComment(
        octokit,
        PR,
        report(NEW_SHA, T2, 'failed')
      )
      expect(later.action).toBe('update')
      const all = server.comments('acme/sales', 7)
      expect(all.map((c) => [c.login, c.body])).toEqual([
        ['github-actions[bot]', report(NEW_SHA, T2, 'failed').body],
        ['octocat', 'a review'],
        ['mallory', forged.body]
      ])
      expect(all[2].updatedAt).toBe(forged.updatedAt)
      expect(changes()).toEqual([
        ['github-actions[bot]', 'github-actions[bot]']
      ])
    })

    it('before our first report is not taken as it: ours is created beside it', async () => {
      const [forged] = server.seedComments('acme/sales', 7, [
        {
          login: 'mallory',
          body: report(NEW_SHA, '2026-03-02T00:00:00.000Z', 'succeeded').body
        }
      ])
      const octokit = octokitFor(server, WRITE_TOKEN)
      const result = await upsertComment(
        octokit,
        PR,
        report(OLD_SHA, T1, 'failed')
      )
      expect(result.action).toBe('create')
      expect(result.id).not.toBe(forged.id)
      expect(server.comments('acme/sales', 7).map((c) => c.login)).toEqual([
        'mallory',
        'github-actions[bot]'
      ])
      expect(changes()).toEqual([])
    })

    it("with a person's token, only that person's comments are ours, found through GET /user when GraphQL fails", async () => {
      server.seedComments('acme/sales', 7, [
        { login: 'github-actions[bot]', body: report(OLD_SHA, T1, 'bot').body }
      ])
      server.fail({ method: 'POST', path: '/graphql', status: 502 })
      const octokit = octokitFor(server, USER_TOKEN)
      const result = await upsertComment(
        octokit,
        PR,
        report(NEW_SHA, T2, 'mine')
      )
      expect(result.action).toBe('create')
      expect(server.requests.slice(0, 2).map(requestLine)).toEqual([
        'POST /graphql',
        'GET /user'
      ])
      expect(
        server.comments('acme/sales', 7).map((c) => [c.login, c.body])
      ).toEqual([
        ['github-actions[bot]', report(OLD_SHA, T1, 'bot').body],
        ['maintainer', report(NEW_SHA, T2, 'mine').body]
      ])
      expect(changes()).toEqual([])
    })

    it('when the account cannot be told, nothing is written', async () => {
      server.seedComments('acme/sales', 7, [
        { body: report(OLD_SHA, T1, 'old').body }
      ])
      // The job's token may not call GET /user; with GraphQL down too
      // there is no telling which comments are ours.
      server.fail({ method: 'POST', path: '/graphql', status: 502 })
      const octokit = octokitFor(server, WRITE_TOKEN)
      await expect(
        upsertComment(octokit, PR, report(NEW_SHA, T2, 'new'))
      ).rejects.toMatchObject({
        category: 'unavailable',
        message: expect.stringContaining(
          'GitHub refused to tell which account the token posts as (HTTP 502, POST /graphql)'
        )
      })
      expect(server.requests.map(requestLine)).toEqual([
        'POST /graphql',
        'GET /user'
      ])
      expect(server.comments('acme/sales', 7)).toHaveLength(1)
    })
  })

  describe('what GitHub refuses', () => {
    it('a read-only token (a fork pull request): forbidden, and nothing written', async () => {
      const octokit = octokitFor(server, READ_TOKEN)
      const error = await upsertComment(
        octokit,
        PR,
        report(OLD_SHA, T1, 'x')
      ).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(GitHubApiError)
      const e = error as GitHubApiError
      expect(e).toMatchObject({
        status: 403,
        category: 'forbidden',
        exitCode: 3
      })
      expect(e.message).toBe(
        'GitHub refused to comment on pull request #7 (HTTP 403, POST /repos/acme/sales/issues/7/comments): ' +
          'Resource not accessible by integration; the token may not write here: a pull request from a fork gets a read-only token; ' +
          'otherwise give the workflow "permissions: pull-requests: write" (comments) or "deployments: write" (deployments).'
      )
      expect(e.message).not.toContain(READ_TOKEN)
      expect(server.comments('acme/sales', 7)).toHaveLength(0)
    })

    it('a wrong token: unauthenticated', async () => {
      const octokit = octokitFor(server, 'not-a-token')
      await expect(
        upsertComment(octokit, PR, report(OLD_SHA, T1, 'x'))
      ).rejects.toMatchObject({
        status: 401,
        category: 'unauthenticated',
        message: expect.stringContaining(
          'Bad credentials; check the "github-token" input'
        )
      })
    })

    it("a body over 65,536 characters: invalid, with GitHub's reason", async () => {
      const octokit = octokitFor(server, WRITE_TOKEN)
      const next = report(OLD_SHA, T1, 'x'.repeat(65_536))
      await expect(upsertComment(octokit, PR, next)).rejects.toMatchObject({
        status: 422,
        category: 'invalid',
        message: expect.stringContaining(
          'Validation Failed; Body is too long (maximum is 65536 characters)'
        )
      })
    })

    it('GitHub failing: unavailable, naming the call', async () => {
      server.fail({
        method: 'GET',
        path: '/repos/acme/sales/issues/7/comments',
        status: 502
      })
      const octokit = octokitFor(server, WRITE_TOKEN)
      await expect(
        upsertComment(octokit, PR, report(OLD_SHA, T1, 'x'))
      ).rejects.toMatchObject({
        category: 'unavailable',
        message: expect.stringContaining(
          'GitHub refused to list the comments of pull request #7 (HTTP 502, GET /repos/acme/sales/issues/7/comments)'
        )
      })
    })
  })
})
