import type { IncomingHttpHeaders } from 'node:http'
import type { ColumnSpec } from './data-store.js'
import type { ServerRateLimits } from './rate-limits.js'
import type { RunRecord } from './run-model.js'
import type { StoredObject } from './workspace-store.js'

/** A request as the routes see it. */
export interface ParsedRequest {
  readonly method: string
  /** The URL path, still percent-encoded. */
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
  readonly text: string
  /** The JSON body, when there was one. */
  readonly json: unknown
  /** The form body, for `application/x-www-form-urlencoded`. */
  readonly form?: URLSearchParams
  /** The caller's userName, once the bearer token was accepted. */
  readonly identity?: string
  /** Groups captured by the route's pattern. */
  readonly params: readonly string[]
}

/** What a route answers. */
export interface Reply {
  readonly status: number
  /** Sent as JSON unless `text` is given. */
  readonly body?: unknown
  readonly text?: string
  readonly headers?: Readonly<Record<string, string>>
}

/** One route: method, pattern on the path, handler. */
export interface Route {
  readonly method: string
  readonly pattern: RegExp
  /** False for the token endpoints, which authenticate differently. */
  readonly bearer?: boolean
  readonly handle: (request: ParsedRequest) => Reply | Promise<Reply>
}

/** One request as the server saw it; never a header or a secret value. */
export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  /** JSON or form body with secret fields replaced by `***`. */
  readonly body?: unknown
  /** 0 when the connection was dropped without an answer. */
  readonly status: number
  readonly auth: 'bearer' | 'basic' | 'none'
  /** The User-Agent header (the only header kept; it holds no secret). */
  readonly userAgent?: string
}

/**
 * A fault to inject (STYLE R15), e.g. "429 with Retry-After: 1 on the next
 * 2 POST /api/2.2/jobs/runs/submit":
 * `{ method: 'POST', path: '/api/2.2/jobs/runs/submit', times: 2, status: 429, retryAfter: 1 }`.
 */
export interface FaultRule {
  readonly method?: string
  /** Exact path, or a pattern tested against the path. */
  readonly path: string | RegExp
  /** How many matching requests it hits; default 1. */
  readonly times?: number
  /** Matching requests let through before it starts hitting; default 0. */
  readonly after?: number
  /**
   * `before` (default): the request never reaches the route. `after`: the
   * route runs (a run is created, a file written), then the answer is
   * replaced or lost; this is how a lost response to a submit looks.
   */
  readonly when?: 'before' | 'after'
  /** Answer with this status (and body) instead. */
  readonly status?: number
  /** JSON (object) or text body for `status`. */
  readonly body?: unknown
  readonly contentType?: string
  /** Seconds for a `Retry-After` header. */
  readonly retryAfter?: number
  readonly headers?: Readonly<Record<string, string>>
  /** Destroy the socket without answering. */
  readonly drop?: boolean
  /** Wait this long first (then answer normally, unless status/drop). */
  readonly delayMs?: number
  /** Called when the rule hits a request (with `after`: once the route ran). */
  readonly onHit?: () => void
}

/** A table or path a task writes when it succeeds. */
export type OutputWrite =
  | {
      readonly table: string
      readonly columns?: readonly {
        readonly name: string
        readonly type: string
      }[]
    }
  | { readonly path: string; readonly kind?: 'file' | 'directory' }

/** What a task does when it runs; every field has a default. */
export interface TaskBehaviour {
  /** Time in RUNNING; default the server's `defaultDurationMs`. */
  readonly durationMs?: number
  /** Default `success`. */
  readonly outcome?: 'success' | 'failure' | 'success-without-outputs'
  /** The `dbutils.notebook.exit` value. */
  readonly exitValue?: string
  readonly error?: string
  readonly errorTrace?: string
  /** What it writes on success; default each `*_out` parameter's value. */
  readonly writes?: readonly OutputWrite[]
}

/** What a behaviour callback learns about the task. */
export interface TaskContext {
  readonly taskKey: string
  readonly notebookPath: string
  readonly baseParameters: Readonly<Record<string, string>>
  readonly runId: number
  readonly parentRunId: number
}

/** Options of `startDatabricksServer`. */
export interface DatabricksServerOptions {
  /** Accepted PATs → their userName. Default one token, see `server.token`. */
  readonly tokens?: Readonly<Record<string, string>>
  /** Service principals for OAuth M2M. */
  readonly oauthClients?: readonly {
    readonly clientId: string
    readonly clientSecret: string
  }[]
  /** Client ids allowed to exchange a GitHub ID token (default: any). */
  readonly federatedClientIds?: readonly string[]
  /** Audience the federation policy expects (default `<url>/oidc/v1/token`). */
  readonly federationAudience?: string
  /** `expires_in` of issued OAuth tokens; default 3600. */
  readonly tokenLifetimeSeconds?: number
  /**
   * How a wrong bearer token is refused: `401 {"error_code":
   * "UNAUTHENTICATED"}` (default) or `403 {"error_code": 403, "message":
   * "Invalid access token."}` as some workspaces answer.
   */
  readonly invalidToken?: 'unauthenticated' | 'numeric-403'
  /** Added to every request (the bench uses 30). */
  readonly latencyMs?: number
  /**
   * Per-endpoint limits in requests a second, answered with 429 and
   * Retry-After beyond them; `published` for Databricks' own. Default none.
   */
  readonly rateLimits?: ServerRateLimits | 'published'
  /** `runs/get` answers only `status`, not the deprecated `state`. */
  readonly statusOnly?: boolean
  /** PENDING time of a task; default 5 ms. */
  readonly pendingMs?: number
  /** RUNNING time of a task without a behaviour; default 20 ms. */
  readonly defaultDurationMs?: number
  /** TERMINATING time after a cancel; default 5 ms. */
  readonly terminatingMs?: number
  readonly behaviour?: (task: TaskContext) => TaskBehaviour | undefined
  /** Fail tasks whose notebook is not in the workspace; default true. */
  readonly checkNotebooks?: boolean
  /** The code for a missing table; default `TABLE_DOES_NOT_EXIST`. */
  readonly missingTableCode?: 'TABLE_DOES_NOT_EXIST' | 'NOT_FOUND'
  readonly now?: () => number
}

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
  /** The rate limits enforced now (undefined: none); may be changed. */
  rateLimits: ServerRateLimits | undefined
  /** `runs/get` leaves out the deprecated `state`; may be changed. */
  statusOnly: boolean
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
    /** A catalog (`c`) or schema (`c.s`), made as an admin would. */
    createSchema(name: string): void
    hasSchema(name: string): boolean
    /** Drops a schema and its tables, as an admin would. */
    dropSchema(name: string): void
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
