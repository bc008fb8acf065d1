import {
  createServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { createAuth, scimRoutes } from './auth.js'
import { createBehaviourBook } from './behaviour.js'
import { dataRoutes } from './data-routes.js'
import {
  createDataStore,
  type ColumnSpec,
  type DataStore
} from './data-store.js'
import { createFaults } from './faults.js'
import { createJobsRunner } from './jobs-runner.js'
import { jobsRoutes } from './jobs-routes.js'
import { ApiFailure, errorReply } from './respond.js'
import type { RunRecord } from './run-model.js'
import { runView } from './run-view.js'
import type {
  DatabricksServerOptions,
  FaultRule,
  ParsedRequest,
  RecordedRequest,
  Reply,
  Route,
  TaskBehaviour,
  TaskContext
} from './types.js'
import { workspaceRoutes } from './workspace-routes.js'
import {
  createWorkspaceStore,
  type StoredObject,
  type WorkspaceStore
} from './workspace-store.js'

/** The running loopback workspace and the handles tests use. */
export interface DatabricksServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  /** The default accepted PAT. */
  readonly token: string
  /** Its owner. */
  readonly userName: string
  readonly workspaceId: number
  /** Set `ACTIONS_ID_TOKEN_REQUEST_URL` to this for github-oidc. */
  readonly githubIdTokenUrl: string
  /** Set `ACTIONS_ID_TOKEN_REQUEST_TOKEN` to this. */
  readonly githubRequestToken: string
  /** Every request so far, in order (no headers, no secrets). */
  readonly requests: RecordedRequest[]
  /** Requests whose method and path match. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[]
  clearRequests(): void
  /** Adds a fault rule. */
  fault(rule: FaultRule): void
  clearFaults(): void
  /** Milliseconds added to every request; may be changed at any time. */
  latencyMs: number
  readonly workspace: {
    /** The object at a path (`/Workspace/…` or `/…`). */
    get(path: string): StoredObject | undefined
    /** A notebook's or file's content as text. */
    read(path: string): string | undefined
    putNotebook(
      path: string,
      content: string,
      language?: 'PYTHON' | 'SQL' | 'SCALA' | 'R'
    ): void
    putFile(path: string, content: string | Buffer): void
    mkdirs(path: string): void
    /** Deletes, recursively, behind the client's back. */
    delete(path: string): void
    /** Every path, sorted (canonical, without `/Workspace`). */
    paths(): string[]
  }
  readonly catalog: {
    putTable(fullName: string, columns?: readonly ColumnSpec[]): void
    deleteTable(fullName: string): void
    hasTable(fullName: string): boolean
    createSchema(name: string): void
  }
  readonly storage: {
    putFile(path: string, size?: number): void
    putDirectory(path: string): void
    delete(path: string): void
    exists(path: string): boolean
  }
  readonly runs: {
    all(): readonly RunRecord[]
    /** The run as `runs/get` (2.1, all tasks) would show it. */
    view(runId: number): Record<string, unknown> | undefined
    /** Resolves when the run has ended. */
    waitUntilDone(runId: number, timeoutMs?: number): Promise<void>
  }
  /** Sets what a task (by key or notebook path) does; undefined clears it. */
  behave(keyOrPath: string, behaviour: TaskBehaviour | undefined): void
  setBehaviour(
    callback: ((task: TaskContext) => TaskBehaviour | undefined) | undefined
  ): void
  /** Invalidates every OAuth token issued so far. */
  revokeOAuthTokens(): void
  /** OAuth access tokens issued so far. */
  oauthTokensIssued(): number
  close(): Promise<void>
}

const DEFAULT_TOKEN = 'dapi-loopback-0123456789abcdef'
const DEFAULT_USER = 'tester@example.com'
const SECRET_FIELDS = new Set([
  'token',
  'client_secret',
  'subject_token',
  'access_token',
  'password'
])

/**
 * Starts a Databricks workspace on 127.0.0.1 with a random port that
 * answers the Workspace, Jobs, Unity Catalog, Files, DBFS, SCIM and OAuth
 * endpoints as the documentation describes, with fault injection and a
 * request log.
 */
export async function startDatabricksServer(
  options: DatabricksServerOptions = {}
): Promise<DatabricksServer> {
  const now = options.now ?? Date.now
  const tokens = options.tokens ?? { [DEFAULT_TOKEN]: DEFAULT_USER }
  const faults = createFaults()
  const requests: RecordedRequest[] = []
  const behaviours = createBehaviourBook(options.behaviour)
  const workspaceStore: WorkspaceStore = createWorkspaceStore(
    [
      ...new Set([
        ...Object.values(tokens),
        ...(options.oauthClients ?? []).map((c) => c.clientId)
      ])
    ],
    now
  )
  const data: DataStore = createDataStore(
    now,
    options.missingTableCode ?? 'TABLE_DOES_NOT_EXIST'
  )
  const workspaceId = 1234567890123456
  const githubRequestToken = 'ghs-id-token-request-0123456789'
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const urlOf = (jobId: number, runId: number) =>
    `${url}/?o=${workspaceId}#job/${jobId}/run/${runId}`

  const runner = createJobsRunner({
    now,
    pendingMs: () => options.pendingMs ?? 5,
    defaultDurationMs: () => options.defaultDurationMs ?? 20,
    terminatingMs: () => options.terminatingMs ?? 5,
    behaviourFor: (task) => behaviours.resolve(task),
    missingNotebook: (path) =>
      options.checkNotebooks !== false &&
      workspaceStore.get(path)?.kind !== 'NOTEBOOK',
    write: (writes) => {
      for (const w of writes)
        if ('table' in w) data.putTable(w.table, w.columns)
        else if (w.kind === 'file') data.putFile(w.path)
        else {
          data.putDirectory(w.path)
          data.putFile(`${w.path.replace(/^dbfs:/, '')}/part-00000.parquet`)
        }
    }
  })
  const auth = createAuth({
    url,
    tokens,
    oauthClients: options.oauthClients ?? [],
    federatedClientIds: options.federatedClientIds,
    federationAudience: options.federationAudience,
    lifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    invalidToken: options.invalidToken ?? 'unauthenticated',
    githubRequestToken,
    now
  })
  const routes: Route[] = [
    ...auth.routes,
    ...workspaceRoutes(workspaceStore),
    ...jobsRoutes(runner, urlOf, now),
    ...dataRoutes(data),
    ...scimRoutes()
  ]
  const state = { latencyMs: options.latencyMs ?? 0 }

  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          req.method ?? 'GET',
          errorReply(500, 'INTERNAL_ERROR', String(error))
        )
    })
  })

  async function handle(
    req: IncomingMessage,
    res: ServerResponse
  ): Promise<void> {
    const text = await readBody(req)
    const target = new URL(req.url ?? '/', url)
    const method = req.method ?? 'GET'
    const path = target.pathname
    const contentType = String(req.headers['content-type'] ?? '')
    const form = contentType.startsWith('application/x-www-form-urlencoded')
      ? new URLSearchParams(text)
      : undefined
    const json = form === undefined ? tryJson(text) : undefined
    const record = (status: number) =>
      requests.push({
        method,
        path,
        query: Object.fromEntries(target.searchParams),
        ...(json !== undefined ? { body: redactBody(json) } : {}),
        ...(form !== undefined
          ? { body: redactBody(Object.fromEntries(form)) }
          : {}),
        status,
        auth: authKind(req.headers.authorization),
        ...(req.headers['user-agent'] === undefined
          ? {}
          : { userAgent: req.headers['user-agent'] })
      })
    if (state.latencyMs > 0) await delay(state.latencyMs)

    const before = faults.take(method, path, 'before')
    if (before !== undefined) {
      if (before.delayMs !== undefined) await delay(before.delayMs)
      if (before.drop === true) {
        record(0)
        req.socket.destroy()
        return
      }
      if (before.status !== undefined) {
        const reply = faultReply(before)
        record(reply.status)
        send(res, method, reply)
        return
      }
    }

    let reply = await route(method, path, {
      method,
      path,
      query: target.searchParams,
      headers: req.headers,
      text,
      json,
      ...(form === undefined ? {} : { form }),
      params: []
    })

    const after = faults.take(method, path, 'after')
    if (after !== undefined) {
      if (after.delayMs !== undefined) await delay(after.delayMs)
      if (after.drop === true) {
        record(0)
        req.socket.destroy()
        return
      }
      if (after.status !== undefined) reply = faultReply(after)
    }
    record(reply.status)
    send(res, method, reply)
  }

  async function route(
    method: string,
    path: string,
    request: ParsedRequest
  ): Promise<Reply> {
    const candidates = routes.filter((r) => r.pattern.test(path))
    const found = candidates.find((r) => r.method === method)
    if (found === undefined)
      return candidates.length > 0
        ? errorReply(
            405,
            'METHOD_NOT_ALLOWED',
            `${method} is not allowed on ${path}`
          )
        : errorReply(
            404,
            'ENDPOINT_NOT_FOUND',
            `No API found for '${method} ${path}'`
          )
    let identity: string | undefined
    if (found.bearer !== false) {
      const checked = auth.check(request.headers.authorization)
      if ('reply' in checked) return checked.reply
      identity = checked.identity
    }
    const params = (found.pattern.exec(path) ?? []).slice(1)
    try {
      return await found.handle({
        ...request,
        params,
        ...(identity === undefined ? {} : { identity })
      })
    } catch (error) {
      if (error instanceof ApiFailure) {
        if (method === 'HEAD') return { status: error.status }
        return errorReply(error.status, error.errorCode, error.message)
      }
      throw error
    }
  }

  const sockets = new Set<import('node:net').Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  const handles: DatabricksServer = {
    url,
    token: Object.keys(tokens)[0] ?? DEFAULT_TOKEN,
    userName: Object.values(tokens)[0] ?? DEFAULT_USER,
    workspaceId,
    githubIdTokenUrl: `${url}/_github/id-token?api-version=2.0`,
    githubRequestToken,
    requests,
    requestsTo: (method, path) =>
      requests.filter(
        (r) =>
          r.method === method &&
          (typeof path === 'string' ? r.path === path : path.test(r.path))
      ),
    clearRequests: () => {
      requests.length = 0
    },
    fault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    get latencyMs() {
      return state.latencyMs
    },
    set latencyMs(value: number) {
      state.latencyMs = value
    },
    workspace: {
      get: (path) => workspaceStore.get(path),
      read(path) {
        const object = workspaceStore.get(path)
        return object === undefined || object.kind === 'DIRECTORY'
          ? undefined
          : object.content.toString('utf8')
      },
      putNotebook(path, content, language = 'PYTHON') {
        workspaceStore.mkdirs(parentOf(path))
        workspaceStore.put(
          path,
          { kind: 'NOTEBOOK', language, content: Buffer.from(content) },
          true
        )
      },
      putFile(path, content) {
        workspaceStore.mkdirs(parentOf(path))
        workspaceStore.put(
          path,
          { kind: 'FILE', content: Buffer.from(content) },
          true
        )
      },
      mkdirs: (path) => workspaceStore.mkdirs(path),
      delete(path) {
        if (workspaceStore.get(path) !== undefined)
          workspaceStore.delete(path, true)
      },
      paths: () => workspaceStore.paths()
    },
    catalog: {
      putTable: (fullName, columns) => data.putTable(fullName, columns),
      deleteTable: (fullName) => data.deleteTable(fullName),
      hasTable: (fullName) => data.hasTable(fullName),
      createSchema: (name) => data.createSchema(name)
    },
    storage: {
      putFile: (path, size) => data.putFile(path, size),
      putDirectory: (path) => data.putDirectory(path),
      delete: (path) => data.deletePath(path),
      exists: (path) => data.path(path) !== undefined
    },
    runs: {
      all: () => runner.runs(),
      view(runId) {
        const run = runner.run(runId)
        return run === undefined
          ? undefined
          : runView(run, run.tasks, urlOf, now())
      },
      async waitUntilDone(runId, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs
        while (runner.run(runId)?.finished !== true) {
          if (Date.now() > deadline)
            throw new Error(`run ${runId} did not end within ${timeoutMs} ms`)
          await delay(2)
        }
      }
    },
    behave: (keyOrPath, behaviour) => behaviours.set(keyOrPath, behaviour),
    setBehaviour: (callback) => behaviours.setCallback(callback),
    revokeOAuthTokens: () => auth.revokeAll(),
    oauthTokensIssued: () => auth.issued(),
    async close() {
      runner.stop()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
  return handles
}

function parentOf(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function tryJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function redactBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactBody)
  if (typeof body !== 'object' || body === null) return body
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      SECRET_FIELDS.has(key) ? '***' : redactBody(value)
    ])
  )
}

function authKind(header: string | undefined): RecordedRequest['auth'] {
  if (header?.startsWith('Bearer ')) return 'bearer'
  if (header?.startsWith('Basic ')) return 'basic'
  return 'none'
}

function faultReply(rule: FaultRule): Reply {
  const headers: Record<string, string> = { ...rule.headers }
  if (rule.retryAfter !== undefined)
    headers['retry-after'] = String(rule.retryAfter)
  const status = rule.status ?? 500
  if (rule.body === undefined) return { status, headers, text: '' }
  if (typeof rule.body === 'string')
    return {
      status,
      headers: { 'content-type': rule.contentType ?? 'text/plain', ...headers },
      text: rule.body
    }
  return { status, headers, body: rule.body }
}

function send(res: ServerResponse, method: string, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers }
  let payload = ''
  if (reply.text !== undefined) payload = reply.text
  else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body)
    headers['content-type'] ??= 'application/json'
  }
  if (method === 'HEAD') {
    res.writeHead(reply.status, headers)
    res.end()
    return
  }
  headers['content-length'] = String(Buffer.byteLength(payload))
  res.writeHead(reply.status, headers)
  res.end(payload)
}
