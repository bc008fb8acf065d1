import type { ErrorHints } from './error-messages.js'
import type { HttpResponse } from './http.js'

/** Per-call options every endpoint method accepts. */
export interface CallOptions {
  /** Aborts the request and any retry wait (e.g. on Ctrl-C). */
  readonly signal?: AbortSignal
}

/** A query value; `undefined` leaves the parameter out. */
export type QueryValue = string | number | boolean | undefined

/** An API call relative to the workspace host, before auth is added. */
export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'HEAD' | 'DELETE'
  /** The URL path, each dynamic segment already encoded. */
  readonly path: string
  /** GET parameters; booleans go as `true`/`false`. */
  readonly query?: Readonly<Record<string, QueryValue>>
  /** A JSON body (POST). */
  readonly body?: unknown
  /** The endpoint leaves the same state when sent twice (see `mayReplay`). */
  readonly idempotent?: boolean
  /** The `idempotency_token` in the body, which makes a POST replayable. */
  readonly idempotencyToken?: string
  readonly expect?: 'json' | 'none'
  readonly target?: string
  readonly hints?: ErrorHints
  readonly signal?: AbortSignal
}

/** Sends an `ApiRequest` with the client's auth, pacing and retries. */
export type ApiCall = (request: ApiRequest) => Promise<HttpResponse>

/** `?a=1&b=true`, or `''` when nothing is set. */
export function queryString(
  query: Readonly<Record<string, QueryValue>> | undefined
): string {
  if (query === undefined) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) params.append(key, String(value))
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

/** An absolute path with each segment percent-encoded (Files API style). */
export function encodePathSegments(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/')
}
