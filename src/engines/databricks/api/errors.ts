import {
  DtflwError,
  errorAt,
  ExitCode,
  PlatformError
} from '../../../diagnostics/index.js'
import type { Diagnostic } from '../../../diagnostics/index.js'

// Every failure of the client is a PlatformError (exit 3). An error keeps
// the method and the URL path, never headers, bodies or query strings, so
// it cannot carry a token (octokit's request-error redacts for the same
// reason; we do not store what would need redacting).

/** What kind of failure an API error is, whatever status or code it came as. */
export type ApiErrorCategory =
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'unavailable'
  | 'unauthenticated'
  | 'permission-denied'
  | 'invalid'
  | 'unknown'

/** HTTP status → category, after the SDKs' generated status mapping. */
const STATUS_CATEGORY: Readonly<Record<number, ApiErrorCategory>> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'permission-denied',
  404: 'not-found',
  409: 'conflict',
  429: 'rate-limited',
  500: 'unavailable',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable'
}

/** `error_code` → category; it wins over the status when known. */
const CODE_CATEGORY: Readonly<Record<string, ApiErrorCategory>> = {
  RESOURCE_DOES_NOT_EXIST: 'not-found',
  NOT_FOUND: 'not-found',
  TABLE_DOES_NOT_EXIST: 'not-found',
  SCHEMA_DOES_NOT_EXIST: 'not-found',
  CATALOG_DOES_NOT_EXIST: 'not-found',
  RESOURCE_ALREADY_EXISTS: 'conflict',
  ALREADY_EXISTS: 'conflict',
  SCHEMA_ALREADY_EXISTS: 'conflict',
  RESOURCE_CONFLICT: 'conflict',
  ABORTED: 'conflict',
  DIRECTORY_NOT_EMPTY: 'conflict',
  REQUEST_LIMIT_EXCEEDED: 'rate-limited',
  RESOURCE_EXHAUSTED: 'rate-limited',
  TOO_MANY_REQUESTS: 'rate-limited',
  TEMPORARILY_UNAVAILABLE: 'unavailable',
  INTERNAL_ERROR: 'unavailable',
  DEADLINE_EXCEEDED: 'unavailable',
  UNAUTHENTICATED: 'unauthenticated',
  PERMISSION_DENIED: 'permission-denied',
  INVALID_PARAMETER_VALUE: 'invalid',
  INVALID_STATE: 'invalid',
  MALFORMED_REQUEST: 'invalid',
  BAD_REQUEST: 'invalid',
  MAX_NOTEBOOK_SIZE_EXCEEDED: 'invalid',
  MAX_CHILD_NODE_SIZE_EXCEEDED: 'invalid',
  QUOTA_EXCEEDED: 'invalid',
  // OAuth token endpoint (RFC 6749 section 5.2)
  invalid_client: 'unauthenticated',
  invalid_grant: 'unauthenticated',
  unauthorized_client: 'unauthenticated',
  invalid_request: 'invalid',
  invalid_scope: 'invalid'
}

/** The canonical code name of a status, for bodies without a string code. */
const STATUS_CODE_NAME: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'RESOURCE_CONFLICT',
  429: 'TOO_MANY_REQUESTS',
  499: 'CANCELLED',
  500: 'INTERNAL_ERROR',
  501: 'NOT_IMPLEMENTED',
  502: 'BAD_GATEWAY',
  503: 'TEMPORARILY_UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED'
}

/** `BAD_REQUEST` for 400 and so on; `HTTP_<status>` for the rest. */
export function codeNameOfStatus(status: number): string {
  return STATUS_CODE_NAME[status] ?? `HTTP_${status}`
}

/**
 * The category of a failed call. A few messages override both tables, as
 * the SDKs do: a missing run is `400 INVALID_PARAMETER_VALUE "Run 7 does
 * not exist"`, and a bad token is sometimes `403 "Invalid access token."`.
 */
export function categorize(
  status: number,
  errorCode: string,
  message: string
): ApiErrorCategory {
  if (
    errorCode === 'INVALID_PARAMETER_VALUE' &&
    /^Run \d+ does not exist/.test(message)
  )
    return 'not-found'
  if (status === 403 && /invalid access token/i.test(message))
    return 'unauthenticated'
  return CODE_CATEGORY[errorCode] ?? STATUS_CATEGORY[status] ?? 'unknown'
}

/** The fields of a failed API call. */
export interface ApiErrorFields {
  readonly status: number
  readonly errorCode: string
  readonly method: string
  /** The URL path, without the query string. */
  readonly path: string
  readonly category: ApiErrorCategory
  /** The API's own message (with any known secret redacted). */
  readonly apiMessage: string
  readonly requestId?: string
  /** What the call was about: a workspace path, a table, a run. */
  readonly target?: string
  /** Seconds from an integer `Retry-After` header. */
  readonly retryAfterSeconds?: number
}

/**
 * Databricks answered with an error (or with something that is not the
 * API, like a login page). The message says what to do; the fields let the
 * engine decide (`category === 'not-found'` and so on).
 */
export class DatabricksApiError extends PlatformError {
  readonly status: number
  readonly errorCode: string
  readonly method: string
  readonly path: string
  readonly category: ApiErrorCategory
  readonly apiMessage: string
  readonly requestId?: string
  readonly target?: string
  readonly retryAfterSeconds?: number
  constructor(fields: ApiErrorFields, message: string) {
    super(message)
    this.name = 'DatabricksApiError'
    this.status = fields.status
    this.errorCode = fields.errorCode
    this.method = fields.method
    this.path = fields.path
    this.category = fields.category
    this.apiMessage = fields.apiMessage
    this.requestId = fields.requestId
    this.target = fields.target
    this.retryAfterSeconds = fields.retryAfterSeconds
  }
}

/** How a request failed below HTTP. */
export type NetworkFailure =
  'refused' | 'dns' | 'reset' | 'timeout' | 'tls' | 'other'

/** No HTTP answer at all: refused, unknown host, reset, timed out. */
export class DatabricksNetworkError extends PlatformError {
  readonly category = 'unavailable'
  constructor(
    readonly failure: NetworkFailure,
    readonly host: string,
    readonly method: string,
    readonly path: string,
    message: string,
    /** The system error code, e.g. `ECONNRESET`. */
    readonly code?: string
  ) {
    super(message)
    this.name = 'DatabricksNetworkError'
  }
}

/** A host that would carry a credential over plain HTTP (or no URL at all). */
export class InsecureHostError extends PlatformError {
  constructor(
    readonly host: string,
    message: string
  ) {
    super(message)
    this.name = 'InsecureHostError'
  }
}

/**
 * The settings name two workspaces, or two ways to sign in, and dtflw will
 * not guess (exit 2: a configuration to fix, not a platform failure).
 */
export class ConflictingCredentialsError extends DtflwError {
  readonly exitCode = ExitCode.Invalid
  readonly diagnostics: readonly Diagnostic[]
  constructor(message: string) {
    super(message)
    this.name = 'ConflictingCredentialsError'
    this.diagnostics = [errorAt('conflicting-credentials', message)]
  }
}

/** Credentials are missing, unusable or refused by the token endpoint. */
export class DatabricksAuthError extends PlatformError {
  constructor(
    message: string,
    /** The method tried, when one was chosen. */
    readonly method?: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'DatabricksAuthError'
  }
}
