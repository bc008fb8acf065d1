import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import type { Auth } from './auth.js'
import type { Faults } from './faults.js'
import type { RateGate } from './rate-limits.js'
import { ApiFailure, errorReply } from './respond.js'
import type {
  FaultRule,
  ParsedRequest,
  RecordedRequest,
  Reply,
  Route
} from './types.js'

/** What the request pipeline works with. */
export interface DispatchDeps {
  readonly url: string
  readonly routes: readonly Route[]
  readonly auth: Auth
  readonly faults: Faults
  readonly requests: RecordedRequest[]
  readonly latencyMs: () => number
  /** The workspace's rate limits; a request beyond them is answered 429. */
  readonly gate: RateGate
}

const SECRET_FIELDS = new Set([
  'token',
  'client_secret',
  'subject_token',
  'access_token',
  'password'
])

/**
 * The request pipeline: read the body, add the latency, refuse what is
 * over the endpoint's rate limit, apply a `before` fault, check the
 * bearer token, run the route (API failures become the
 * API's error body), apply an `after` fault, record, answer.
 */
export function createDispatcher(
  deps: DispatchDeps
): (req: IncomingMessage, res: ServerResponse) => void {
  const { url, routes, auth, faults, requests } = deps
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          req.method ?? 'GET',
          errorReply(500, 'INTERNAL_ERROR', String(error))
        )
    })
  }

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
    if (deps.latencyMs() > 0) await delay(deps.latencyMs())

    const limited = deps.gate.admit(path)
    if (limited !== undefined) {
      record(limited.status)
      send(res, method, limited)
      return
    }

    const before = faults.take(method, path, 'before')
    if (before !== undefined) {
      before.onHit?.()
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
      after.onHit?.()
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
