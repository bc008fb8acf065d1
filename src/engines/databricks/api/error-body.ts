import { codeNameOfStatus } from './errors.js'

/** What an error response says, whatever shape it came in. */
export interface ErrorBody {
  readonly errorCode: string
  readonly message: string
  readonly requestId?: string
}

const MAX_MESSAGE = 1000

/**
 * Reads an error response in every shape Databricks and the gateways in
 * front of it send (Go SDK `apierr/errors.go`, Python `errors/parser.py`):
 *
 * - `{"error_code": "CODE", "message": "…", "details": [RequestInfo …]}`
 * - `{"error_code": 403, "message": "…"}` (a numeric code)
 * - `{"error": "…"}` (API 1.2) and OAuth's `{"error", "error_description"}`
 * - SCIM's `{"detail": "…", "status": "403", "scimType"?}`
 * - plain text `CODE: message`
 * - HTML with the message in `<pre>…</pre>` (or at least a `<title>`)
 * - an empty body: the reason phrase
 *
 * A body that is none of these becomes the message, shortened.
 */
export function parseErrorBody(
  status: number,
  statusText: string,
  text: string
): ErrorBody {
  const fallbackCode = codeNameOfStatus(status)
  const trimmed = text.trim()
  if (trimmed === '')
    return {
      errorCode: fallbackCode,
      message: statusText.trim() || `HTTP ${status}`
    }
  const json = tryParseJson(trimmed)
  if (json !== undefined && typeof json === 'object' && json !== null)
    return fromJson(json as Record<string, unknown>, fallbackCode, trimmed)
  if (looksLikeHtml(trimmed))
    return { errorCode: fallbackCode, message: shorten(htmlMessage(trimmed)) }
  const plain = /^([A-Z][A-Z0-9_]+): ([\s\S]+)$/.exec(trimmed)
  if (plain) return { errorCode: plain[1], message: shorten(plain[2].trim()) }
  return { errorCode: fallbackCode, message: shorten(trimmed) }
}

function fromJson(
  body: Record<string, unknown>,
  fallbackCode: string,
  raw: string
): ErrorBody {
  const requestId = requestIdOf(body.details)
  const code = body.error_code
  const errorCode =
    typeof code === 'string' && code !== ''
      ? code
      : typeof body.error === 'string' &&
          typeof body.error_description === 'string'
        ? body.error
        : typeof body.scimType === 'string' && body.scimType !== ''
          ? body.scimType
          : fallbackCode
  const message =
    stringOf(body.message) ??
    stringOf(body.error_description) ??
    stringOf(body.detail) ??
    stringOf(body.error) ??
    raw
  const withId = requestId === undefined ? {} : { requestId }
  return { errorCode, message: shorten(message), ...withId }
}

/** The `request_id` of a `google.rpc.RequestInfo` detail, if there is one. */
function requestIdOf(details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined
  for (const detail of details) {
    if (typeof detail !== 'object' || detail === null) continue
    const d = detail as Record<string, unknown>
    if (
      typeof d['@type'] === 'string' &&
      d['@type'].endsWith('RequestInfo') &&
      typeof d.request_id === 'string'
    )
      return d.request_id
  }
  return undefined
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined
}

function tryParseJson(text: string): unknown {
  if (!text.startsWith('{')) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** True for an HTML document or fragment. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml|<h1|<pre)/i.test(text)
}

function htmlMessage(html: string): string {
  const pre = /<pre[^>]*>([\s\S]*?)<\/pre>/i.exec(html)
  if (pre) return decodeEntities(stripTags(pre[1])).trim()
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)
  if (title) return decodeEntities(stripTags(title[1])).trim()
  return decodeEntities(stripTags(html)).replace(/\s+/g, ' ').trim()
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ')
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

function shorten(message: string): string {
  return message.length > MAX_MESSAGE
    ? `${message.slice(0, MAX_MESSAGE)}…`
    : message
}
