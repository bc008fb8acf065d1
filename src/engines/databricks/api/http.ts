import axios, { type AxiosResponse } from 'axios'
import {
  DatabricksApiError,
  DatabricksNetworkError,
  categorize,
  type ApiErrorFields,
  type NetworkFailure
} from './errors.js'
import { looksLikeHtml, parseErrorBody } from './error-body.js'
import {
  renderApiErrorMessage,
  renderLoginPageMessage,
  renderNetworkMessage,
  renderNotJsonMessage,
  type ErrorContext,
  type ErrorHints
} from './error-messages.js'
import { assertSecureUrl, isLoopback } from './host.js'
import { parseJsonBody } from './json.js'
import type { Pacer } from './rate-limit.js'
import { withRetries, type RetryClock, type RetryPolicy } from './retry.js'

/** One request, fully described; the client builds these. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'HEAD' | 'DELETE'
  /** Absolute URL, query string included. */
  readonly url: string
  /** The URL path only: what logs and errors show. */
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** From `mayReplay`. */
  readonly replayable: boolean
  /** `json` parses the body; `none` ignores it (HEAD). */
  readonly expect: 'json' | 'none'
  /** What the call is about, for messages (a workspace path, a table). */
  readonly target?: string
  readonly hints?: ErrorHints
  readonly signal?: AbortSignal
}

/** A successful answer. */
export interface HttpResponse {
  readonly status: number
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>
  readonly data: unknown
}

/** One attempt of one request, as the `onRequest` hook sees it. */
export interface RequestLogEntry {
  readonly method: string
  /** The URL path, never the query string. */
  readonly path: string
  /** The HTTP status; 0 when no answer came. */
  readonly status: number
  readonly ms: number
  /** 1 for the first try. */
  readonly attempt: number
  /** Why no answer came, when `status` is 0. */
  readonly failure?: NetworkFailure
}

/** What the request function needs from the client. */
export interface HttpOptions {
  readonly userAgent: string
  readonly timeoutMs: number
  readonly policy: RetryPolicy
  readonly clock: RetryClock
  /** Paces by endpoint; told of every 429. */
  readonly pacer: Pacer
  readonly onRequest?: (entry: RequestLogEntry) => void
  /** Read at failure time: the identity may be learnt after creation. */
  readonly context: () => ErrorContext
  /** Every secret known now, removed from any text the server sends back. */
  readonly secrets: () => readonly string[]
}

/** Sends one request with pacing, retries and error classification. */
export type SendHttp = (request: HttpRequest) => Promise<HttpResponse>

/**
 * The one function through which every byte goes to Databricks (and to the
 * GitHub ID-token endpoint). It refuses a URL a credential must not reach,
 * waits for its endpoint's turn (and slows that endpoint on a 429),
 * retries by policy, reports each attempt to
 * `onRequest` (method, path, status, time; never headers), and turns every
 * failure into `DatabricksApiError` or `DatabricksNetworkError`.
 */
export function createHttp(options: HttpOptions): SendHttp {
  const instance = axios.create()
  return async (request) => {
    assertSecureUrl(request.url)
    return withRetries(
      async (attempt) => {
        await options.pacer.acquire(request.path, request.signal)
        const started = performance.now()
        let response: AxiosResponse<string>
        try {
          response = await instance.request<string>({
            method: request.method,
            url: request.url,
            headers: {
              ...request.headers,
              'User-Agent': options.userAgent,
              Accept: 'application/json'
            },
            data: request.body,
            timeout: options.timeoutMs,
            signal: request.signal,
            responseType: 'text',
            transformResponse: [(data: unknown) => data],
            validateStatus: () => true,
            maxRedirects: 0,
            ...(isLoopback(request.url) ? { proxy: false as const } : {})
          })
        } catch (error) {
          if (request.signal?.aborted) throw request.signal.reason
          const failure = networkFailure(error)
          options.onRequest?.({
            method: request.method,
            path: request.path,
            status: 0,
            ms: Math.round(performance.now() - started),
            attempt,
            failure
          })
          const host = new URL(request.url).origin
          throw new DatabricksNetworkError(
            failure,
            host,
            request.method,
            request.path,
            renderNetworkMessage(
              failure,
              host,
              request.method,
              request.path,
              options.timeoutMs
            ),
            (error as { code?: string }).code
          )
        }
        options.onRequest?.({
          method: request.method,
          path: request.path,
          status: response.status,
          ms: Math.round(performance.now() - started),
          attempt
        })
        try {
          return readResponse(request, response, options)
        } catch (error) {
          if (error instanceof DatabricksApiError && error.status === 429)
            options.pacer.throttled(
              request.path,
              (error.retryAfterSeconds ?? 1) * 1000
            )
          throw error
        }
      },
      {
        replayable: request.replayable,
        policy: options.policy,
        clock: options.clock,
        signal: request.signal
      }
    )
  }
}

function readResponse(
  request: HttpRequest,
  response: AxiosResponse<string>,
  options: HttpOptions
): HttpResponse {
  const headers = lowerCaseHeaders(response.headers)
  const text = typeof response.data === 'string' ? response.data : ''
  const context = options.context()
  const base = {
    method: request.method,
    path: request.path,
    ...(request.target === undefined ? {} : { target: request.target })
  }
  if (response.status >= 300 && response.status < 400) {
    const location = headers.location ?? ''
    const code = /private-link/i.test(location)
      ? 'PRIVATE_LINK_VALIDATION_ERROR'
      : 'UNEXPECTED_REDIRECT'
    throw new DatabricksApiError(
      {
        ...base,
        status: response.status,
        errorCode: code,
        category: 'permission-denied',
        apiMessage: `redirected to ${safeOrigin(location, request.url)}`
      },
      renderLoginPageMessage(context.host, request.method, request.path)
    )
  }
  if (response.status >= 400) {
    const parsed = parseErrorBody(
      response.status,
      response.statusText ?? '',
      request.method === 'HEAD' ? '' : text
    )
    const apiMessage = redact(parsed.message, options.secrets())
    const retryAfter = /^\d+$/.test(headers['retry-after'] ?? '')
      ? Number(headers['retry-after'])
      : undefined
    const requestId = parsed.requestId ?? headers['x-request-id']
    const fields: ApiErrorFields = {
      ...base,
      status: response.status,
      errorCode: parsed.errorCode,
      category: categorize(response.status, parsed.errorCode, apiMessage),
      apiMessage,
      ...(requestId === undefined ? {} : { requestId }),
      ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter })
    }
    throw new DatabricksApiError(
      fields,
      renderApiErrorMessage(fields, context, request.hints)
    )
  }
  if (request.expect === 'none')
    return { status: response.status, headers, data: undefined }
  const contentType = headers['content-type'] ?? ''
  if (/text\/html/i.test(contentType) || looksLikeHtml(text))
    throw new DatabricksApiError(
      {
        ...base,
        status: response.status,
        errorCode: 'LOGIN_PAGE',
        category: 'permission-denied',
        apiMessage: 'an HTML page instead of JSON'
      },
      renderLoginPageMessage(context.host, request.method, request.path)
    )
  if (text.trim() === '') return { status: response.status, headers, data: {} }
  try {
    return { status: response.status, headers, data: parseJsonBody(text) }
  } catch (error) {
    throw new DatabricksApiError(
      {
        ...base,
        status: response.status,
        errorCode: 'NOT_JSON',
        category: 'unknown',
        apiMessage:
          error instanceof SyntaxError
            ? 'not JSON'
            : String((error as Error).message)
      },
      error instanceof SyntaxError
        ? renderNotJsonMessage(context.host, request.method, request.path)
        : `${context.host} answered ${request.method} ${request.path} with ${(error as Error).message}; dtflw cannot use that answer safely.`
    )
  }
}

/** Classifies a failure that produced no HTTP answer. */
function networkFailure(error: unknown): NetworkFailure {
  const code = String((error as { code?: unknown }).code ?? '')
  const message = String((error as { message?: unknown }).message ?? '')
  if (code === 'ECONNREFUSED') return 'refused'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns'
  if (
    code === 'ECONNABORTED' ||
    code === 'ETIMEDOUT' ||
    code === 'ESOCKETTIMEDOUT' ||
    /timeout/i.test(message)
  )
    return 'timeout'
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    /socket hang up/i.test(message)
  )
    return 'reset'
  if (/CERT|TLS|SSL/i.test(code)) return 'tls'
  return 'other'
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (typeof headers !== 'object' || headers === null) return out
  for (const [name, value] of Object.entries(
    headers as Record<string, unknown>
  ))
    if (value !== undefined && value !== null)
      out[name.toLowerCase()] = Array.isArray(value)
        ? value.join(', ')
        : String(value)
  return out
}

/** The origin of a redirect target, never its query (it may carry tokens). */
function safeOrigin(location: string, base: string): string {
  try {
    const url = new URL(location, base)
    return `${url.origin}${url.pathname}`
  } catch {
    return 'another page'
  }
}

/** Replaces every known secret in `text` (servers sometimes echo them). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets)
    if (secret.length >= 4) out = out.split(secret).join('***')
  return out
}
