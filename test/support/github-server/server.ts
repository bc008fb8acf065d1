import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { addComment, commentRoutes } from './comments.js'
import { deploymentRoutes } from './deployments.js'
import { identityRoutes } from './identity.js'
import type { Identity, Reply, Route, State } from './reply.js'
import { forbidden, githubError, notFound } from './reply.js'
import type {
  FaultRule,
  GitHubServer,
  GitHubServerOptions,
  Latency,
  RecordedRequest
} from './types.js'

/** The token the server accepts for reads and writes, unless told others. */
export const WRITE_TOKEN = 'loopback-write-token'
/** The token the server accepts for reads only, like a fork's `GITHUB_TOKEN`. */
export const READ_TOKEN = 'loopback-read-token'
/** A person's token (reads and writes), `maintainer`'s unless told otherwise. */
export const USER_TOKEN = 'loopback-user-token'

const ROUTES: readonly Route[] = [
  ...identityRoutes,
  ...commentRoutes,
  ...deploymentRoutes
]
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/**
 * Starts a GitHub REST API on 127.0.0.1 at a random port: issue comments
 * (paged, with `Link` headers) written by whoever the token is, who a
 * token is (`GET /user`, GraphQL's `viewer`), deployments and their statuses, the error
 * bodies GitHub sends (401 without or with a wrong token, 403 for a write
 * with a read-only token, 404, 422), optional latency and fault rules, and
 * a log of every request without its token.
 */
export async function startGitHubServer(
  options: GitHubServerOptions = {}
): Promise<GitHubServer> {
  const writeTokens = new Set(options.writeTokens ?? [WRITE_TOKEN, USER_TOKEN])
  const identities: Readonly<Record<string, Identity>> = {
    [USER_TOKEN]: { login: 'maintainer', kind: 'user' },
    ...options.identities
  }
  const readTokens = new Set(options.readTokens ?? [READ_TOKEN])
  const html = options.htmlOrigin ?? 'https://github.com'
  let latency: Latency = options.latency ?? 0
  let ids = 1_000_000
  const state: State = {
    comments: [],
    deployments: [],
    statuses: [],
    nextId: () => ++ids,
    login: options.login ?? 'github-actions[bot]'
  }
  const faults: { rule: FaultRule; left: number }[] = []
  const requests: RecordedRequest[] = []
  let api = ''

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', api)
    const method = req.method ?? 'GET'
    const path = url.pathname
    const query = Object.fromEntries(url.searchParams)
    const raw = await readBody(req)
    let body: unknown
    try {
      body = raw ? JSON.parse(raw) : undefined
    } catch {
      body = raw
    }
    // Which token asked, so a test can slow one run down (never logged).
    const bearer = /^(?:token|bearer)\s+(.+)$/i.exec(
      req.headers.authorization ?? ''
    )?.[1]
    const view = { method, path, body, ...(bearer ? { token: bearer } : {}) }
    const delay = typeof latency === 'function' ? latency(view) : latency
    if (delay > 0) await new Promise((r) => setTimeout(r, delay))

    const token = tokenKind(req.headers.authorization, writeTokens, readTokens)
    const identity =
      token === 'write' || token === 'read'
        ? (identities[bearer ?? ''] ?? { login: state.login, kind: 'app' })
        : undefined
    const reply = answer()
    requests.push({
      method,
      path,
      query,
      status: reply.status,
      token,
      ...(identity && { login: identity.login }),
      ...(reply.changed !== undefined && { changed: reply.changed }),
      ...(body !== undefined && { body })
    })
    send(res, reply)

    function answer(): Reply {
      if (token === 'none') return githubError(401, 'Requires authentication')
      if (token === 'wrong') return githubError(401, 'Bad credentials')
      const fault = faults.find(
        (f) =>
          f.left > 0 &&
          f.rule.method === method &&
          (typeof f.rule.path === 'string'
            ? f.rule.path === path
            : f.rule.path.test(path))
      )
      if (fault) {
        fault.left--
        return githubError(fault.rule.status, 'Injected fault')
      }
      for (const route of ROUTES) {
        if (route.method !== method) continue
        const m = route.pattern.exec(path)
        if (!m) continue
        if (token === 'read' && WRITES.has(method) && !route.reads) {
          return forbidden()
        }
        return route.handle({
          method,
          path,
          query,
          body,
          params: m.slice(1).map(decodeURIComponent),
          api,
          html,
          state,
          identity
        })
      }
      return notFound()
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, githubError(500, `loopback server: ${String(error)}`))
    })
  })
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve())
  )
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: api,
    requests,
    seedComments(repo, issue, comments) {
      return comments.map((c) =>
        addComment(
          state,
          repo,
          issue,
          typeof c === 'string' ? c : c.body,
          typeof c === 'string' ? 'octocat' : (c.login ?? state.login)
        )
      )
    },
    comments: (repo, issue) =>
      state.comments
        .filter((c) => c.repo === repo && c.issue === issue)
        .map((c) => ({ ...c })),
    deployments: (repo) =>
      state.deployments.filter((d) => d.repo === repo).map((d) => ({ ...d })),
    deploymentStatuses: (id) =>
      state.statuses
        .filter((s) => s.deploymentId === id)
        .map((s) => ({ ...s })),
    setLatency(next) {
      latency = next
    },
    fail(rule) {
      faults.push({ rule, left: rule.times ?? 1 })
    },
    clearRequests() {
      requests.length = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}

function tokenKind(
  header: string | undefined,
  write: ReadonlySet<string>,
  read: ReadonlySet<string>
): RecordedRequest['token'] {
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')
  if (!m) return 'none'
  if (write.has(m[1])) return 'write'
  if (read.has(m[1])) return 'read'
  return 'wrong'
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    'x-github-request-id': 'LOOPBACK',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...reply.headers
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end()
    return
  }
  res
    .writeHead(reply.status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8'
    })
    .end(JSON.stringify(reply.body))
}
