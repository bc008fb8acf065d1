import { createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { createAuth, scimRoutes } from './auth.js'
import { createBehaviourBook } from './behaviour.js'
import { dataRoutes } from './data-routes.js'
import { createDataStore, type DataStore } from './data-store.js'
import { createDispatcher } from './dispatch.js'
import { createFaults } from './faults.js'
import {
  PUBLISHED_LIMITS,
  createRateGate,
  type ServerRateLimits
} from './rate-limits.js'
import { createJobsRunner } from './jobs-runner.js'
import { jobsRoutes } from './jobs-routes.js'
import { runView } from './run-view.js'
import type {
  DatabricksServer,
  DatabricksServerOptions,
  RecordedRequest,
  Route
} from './types.js'
import { workspaceRoutes } from './workspace-routes.js'
import { createWorkspaceStore, type WorkspaceStore } from './workspace-store.js'

const DEFAULT_TOKEN = 'dapi-loopback-0123456789abcdef'
const DEFAULT_USER = 'tester@example.com'

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
    // Only workspace paths can be checked; a GIT source path is relative.
    missingNotebook: (path) =>
      options.checkNotebooks !== false &&
      path.startsWith('/') &&
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
    ...jobsRoutes(runner, urlOf, now, () => state.statusOnly),
    ...dataRoutes(data),
    ...scimRoutes()
  ]
  const state: {
    latencyMs: number
    limits?: ServerRateLimits
    statusOnly: boolean
  } = {
    latencyMs: options.latencyMs ?? 0,
    statusOnly: options.statusOnly === true,
    limits:
      options.rateLimits === 'published' ? PUBLISHED_LIMITS : options.rateLimits
  }

  server.on(
    'request',
    createDispatcher({
      url,
      routes,
      auth,
      faults,
      requests,
      latencyMs: () => state.latencyMs,
      gate: createRateGate(() => state.limits)
    })
  )

  const sockets = new Set<Socket>()
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
    get statusOnly() {
      return state.statusOnly
    },
    set statusOnly(value: boolean) {
      state.statusOnly = value
    },
    get rateLimits() {
      return state.limits
    },
    set rateLimits(value: ServerRateLimits | undefined) {
      state.limits = value
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
      createSchema: (name) => data.createSchema(name),
      hasSchema: (name) => data.hasSchema(name),
      dropSchema: (name) => data.dropSchema(name, true)
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
