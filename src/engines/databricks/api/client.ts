import { setTimeout as delay } from 'node:timers/promises'
import {
  createTokenCache,
  type AuthMethod,
  type CredentialsProvider,
  type TokenExchange
} from './auth/index.js'
import { createCatalogApi, type CatalogApi } from './catalog.js'
import { DatabricksApiError } from './errors.js'
import { createFilesApi, type FilesApi } from './files.js'
import { normalizeHost } from './host.js'
import { createHttp, type HttpRequest, type RequestLogEntry } from './http.js'
import { createJobsApi, type JobsApi } from './jobs.js'
import {
  PUBLISHED_RATE_LIMITS,
  createPacer,
  type Pacer,
  type RateLimits
} from './rate-limit.js'
import { queryString, type ApiCall, type ApiRequest } from './request.js'
import { DEFAULT_RETRY_POLICY, mayReplay, type RetryPolicy } from './retry.js'
import { createScimApi, type ScimApi } from './scim.js'
import { createWorkspaceApi, type WorkspaceApi } from './workspace.js'

/** Settings of `createDatabricksClient`; everything but three has a default. */
export interface DatabricksClientConfig {
  /** The workspace URL; normalised (https:// added, trailing / dropped). */
  readonly host: string
  /** From `resolveCredentials(...).provider`. */
  readonly credentials: CredentialsProvider
  /** dtflw's version, sent as `User-Agent: dtflw/<version>`. */
  readonly version: string
  /** `GITHUB_ACTIONS === 'true'`: appends ` cicd/github` to the User-Agent. */
  readonly githubActions?: boolean
  /** Per attempt; default 60 s. */
  readonly timeoutMs?: number
  /** Default: retry for 5 minutes, Retry-After or backoff from 1 s to 10 s. */
  readonly retry?: Partial<RetryPolicy>
  /** Per endpoint; default the limits Databricks publishes. */
  readonly rateLimits?: RateLimits
  /**
   * The pacer to share with other clients of the workspace (see
   * `workspacePacer`); default one of this client's own, by `rateLimits`.
   */
  readonly pacer?: Pacer
  /** Called after every attempt: method, path, status, ms, attempt. */
  readonly onRequest?: (entry: RequestLogEntry) => void
  /** Called with every access token obtained, so the Action can mask it. */
  readonly onSecret?: (value: string) => void
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
}

/** A workspace's REST API, authenticated, paced and retried. */
export interface DatabricksClient {
  /** The normalised host, e.g. `https://dbc-1234.cloud.databricks.com`. */
  readonly host: string
  readonly authMethod: AuthMethod
  readonly workspace: WorkspaceApi
  readonly jobs: JobsApi
  readonly catalog: CatalogApi
  readonly files: FilesApi
  readonly scim: ScimApi
  /** Every secret the client has seen (credentials and tokens), for masking. */
  secrets(): readonly string[]
}

/**
 * Creates the client. Its closure owns the access-token cache (refreshed
 * before expiry; dropped and fetched again once if the API answers 401),
 * the pacer (unless one is shared), and the identity learnt from `scim.me()`, which
 * permission errors then name. Throws `InsecureHostError` for a host that
 * is not https (loopback http excepted).
 */
export function createDatabricksClient(
  config: DatabricksClientConfig
): DatabricksClient {
  const host = normalizeHost(config.host)
  const now = config.now ?? Date.now
  const sleep =
    config.sleep ??
    ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }))
  const provider = config.credentials
  const known = new Set<string>(provider.secrets.filter((s) => s !== ''))
  const learn = (value: string) => {
    if (value === '' || known.has(value)) return
    known.add(value)
    config.onSecret?.(value)
  }
  let identity: string | undefined
  const send = createHttp({
    userAgent: `dtflw/${config.version}${config.githubActions ? ' cicd/github' : ''}`,
    timeoutMs: config.timeoutMs ?? 60_000,
    policy: { ...DEFAULT_RETRY_POLICY, ...config.retry },
    clock: { now, sleep, random: config.random ?? Math.random },
    pacer:
      config.pacer ??
      createPacer(config.rateLimits ?? PUBLISHED_RATE_LIMITS, { now, sleep }),
    onRequest: config.onRequest,
    context: () => ({
      host,
      auth: { method: provider.method, ...provider.origin },
      ...(identity === undefined ? {} : { identity })
    }),
    secrets: () => [...known]
  })
  const exchange: TokenExchange = {
    async postForm(url, form, basic) {
      const headers: Record<string, string> = {
        'Content-Type': 'application/x-www-form-urlencoded'
      }
      if (basic !== undefined)
        headers.Authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic.username)}:${encodeURIComponent(basic.password)}`).toString('base64')}`
      const response = await send({
        method: 'POST',
        url,
        path: new URL(url).pathname,
        headers,
        body: new URLSearchParams(form).toString(),
        // A token request creates nothing; asking twice is harmless.
        replayable: true,
        expect: 'json'
      })
      return response.data as Record<string, unknown>
    },
    async getJson(url, bearer) {
      const response = await send({
        method: 'GET',
        url,
        path: new URL(url).pathname,
        headers: { Authorization: `Bearer ${bearer}` },
        replayable: true,
        expect: 'json'
      })
      return response.data as Record<string, unknown>
    },
    secret: learn
  }
  const tokens = createTokenCache(() => provider.token(exchange), now, learn)
  const call: ApiCall = async (request: ApiRequest) => {
    const build = (token: string): HttpRequest => ({
      method: request.method,
      url: `${host}${request.path}${queryString(request.query)}`,
      path: request.path,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(request.body === undefined
          ? {}
          : { 'Content-Type': 'application/json' })
      },
      ...(request.body === undefined
        ? {}
        : { body: JSON.stringify(request.body) }),
      replayable: mayReplay(request),
      expect: request.expect ?? 'json',
      ...(request.target === undefined ? {} : { target: request.target }),
      ...(request.hints === undefined ? {} : { hints: request.hints }),
      ...(request.signal === undefined ? {} : { signal: request.signal })
    })
    const token = await tokens.get()
    try {
      return await send(build(token))
    } catch (error) {
      // An OAuth token can be revoked or expire early; one fresh token is
      // worth a try. A PAT that is refused stays refused.
      if (
        provider.method !== 'pat' &&
        error instanceof DatabricksApiError &&
        error.category === 'unauthenticated'
      ) {
        tokens.invalidate()
        return send(build(await tokens.get()))
      }
      throw error
    }
  }
  return {
    host,
    authMethod: provider.method,
    workspace: createWorkspaceApi(call),
    jobs: createJobsApi(call),
    catalog: createCatalogApi(call),
    files: createFilesApi(call),
    scim: createScimApi(call, (userName) => {
      if (userName !== '') identity = userName
    }),
    secrets: () => [...known]
  }
}
