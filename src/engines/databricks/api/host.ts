import { InsecureHostError } from './errors.js'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * A workspace URL as users paste it, made canonical: `https://` added when
 * there is no scheme, path, query (`?o=<workspace id>`), fragment, trailing
 * `/` and the default `:443` dropped (Python SDK `_fix_host_if_needed`).
 * Throws `InsecureHostError` for something that is not a URL or would send
 * a credential in the clear.
 */
export function normalizeHost(host: string): string {
  const trimmed = host.trim()
  if (trimmed === '')
    throw new InsecureHostError(
      host,
      'the Databricks host is empty: set DATABRICKS_HOST or workspace.host to the workspace URL, e.g. https://dbc-1234abcd-5678.cloud.databricks.com.'
    )
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)
    ? trimmed
    : `https://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    throw new InsecureHostError(
      host,
      `the Databricks host "${host}" is not a URL: set it to the workspace URL, e.g. https://dbc-1234abcd-5678.cloud.databricks.com.`
    )
  }
  if (url.username !== '' || url.password !== '')
    throw new InsecureHostError(
      url.host,
      `the Databricks host must not contain a user name or password: set it to https://${url.host} and pass the credentials through DATABRICKS_TOKEN or OAuth.`
    )
  assertSecureUrl(url.origin)
  return url.origin
}

/** True for `http://127.0.0.1:…`, `http://localhost:…` and `http://[::1]:…`. */
export function isLoopback(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname)
  } catch {
    return false
  }
}

/**
 * Refuses any URL a credential must not travel to: only `https://`, or
 * plain HTTP to this machine's loopback interface (the tests' servers).
 */
export function assertSecureUrl(url: string): void {
  const parsed = new URL(url)
  if (parsed.protocol === 'https:') return
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return
  throw new InsecureHostError(
    parsed.host,
    `refusing to send Databricks credentials to ${parsed.protocol}//${parsed.host}: the connection is not encrypted; use https://${parsed.host} (plain http is allowed only for 127.0.0.1, localhost and [::1]).`
  )
}
