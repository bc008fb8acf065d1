import type { ApiErrorFields, NetworkFailure } from './errors.js'

/** What the client knows about who is calling, for messages. */
export interface ErrorContext {
  readonly host: string
  /** The auth method and where its credential came from. */
  readonly auth?: {
    readonly method: string
    readonly describe: string
    readonly fix: string
  }
  /** The caller's userName, once known (SCIM `Me`). */
  readonly identity?: string
}

/** Per-endpoint advice, added to the message of that category. */
export interface ErrorHints {
  readonly notFound?: string
  readonly permission?: string
  readonly conflict?: string
}

/**
 * The message of a failed call: what failed, on what, and what to do.
 * Only the method and the URL path appear, never a query string.
 */
export function renderApiErrorMessage(
  fields: ApiErrorFields,
  context: ErrorContext,
  hints: ErrorHints = {}
): string {
  const { method, path, target } = fields
  const said = `${fields.status} ${fields.errorCode}: ${fields.apiMessage}`
  const on = target === undefined ? `${method} ${path}` : target
  const then = (advice: string | undefined) =>
    advice === undefined ? '.' : `; ${advice}.`
  switch (fields.category) {
    case 'unauthenticated': {
      const auth = context.auth
      const who =
        auth === undefined
          ? 'the credentials are wrong or expired'
          : `${auth.describe} (auth method ${auth.method}) is wrong or expired; ${auth.fix}`
      return `Databricks at ${context.host} rejected the credentials for ${method} ${path} (${said}): ${who}.`
    }
    case 'permission-denied': {
      const as =
        context.identity === undefined ? '' : ` for ${context.identity}`
      const advice =
        hints.permission ??
        'grant that identity the permission, or use a principal that has it'
      return `permission denied${as} on ${on} (${method} ${path}: ${said})${then(advice)}`
    }
    case 'not-found':
      return `${target === undefined ? `${method} ${path}` : target} does not exist (${said})${then(hints.notFound)}`
    case 'conflict':
      return `${method} ${path} conflicts with the current state of ${on} (${said})${then(hints.conflict)}`
    case 'rate-limited':
      return `Databricks at ${context.host} is rate limiting ${method} ${path} (${said}); lower the concurrency or try again later.`
    case 'unavailable':
      return `Databricks at ${context.host} could not serve ${method} ${path} (${said}); the service is unavailable, try again later.`
    case 'invalid':
      return `Databricks refused ${method} ${path}${target === undefined ? '' : ` for ${target}`} (${said}).`
    default:
      return `Databricks answered ${method} ${path} with ${said}.`
  }
}

/**
 * A 200 (or a redirect) with an HTML login page instead of JSON: a
 * private-link workspace seen from outside its network, or SSO in front of
 * the host. The SDKs detect the same thing from the redirect.
 */
export function renderLoginPageMessage(
  host: string,
  method: string,
  path: string
): string {
  return `${host} answered ${method} ${path} with a login page instead of the API: the workspace is behind private link or single sign-on and not reachable from this network, or the host is not a workspace URL; check DATABRICKS_HOST (or workspace.host) and the network path to the workspace.`
}

/** A 2xx whose body is not the JSON the endpoint returns. */
export function renderNotJsonMessage(
  host: string,
  method: string,
  path: string
): string {
  return `${host} answered ${method} ${path} with something that is not JSON; check that the host is a Databricks workspace URL.`
}

/** No HTTP answer at all; names the host, since that is what to check. */
export function renderNetworkMessage(
  failure: NetworkFailure,
  host: string,
  method: string,
  path: string,
  timeoutMs: number
): string {
  const call = `${method} ${path}`
  switch (failure) {
    case 'refused':
      return `cannot connect to ${host} (connection refused) for ${call}: check the host (DATABRICKS_HOST or workspace.host) and that the workspace is reachable from here.`
    case 'dns':
      return `cannot resolve the host of ${host} for ${call}: check the host (DATABRICKS_HOST or workspace.host) for typos and that DNS works here.`
    case 'reset':
      return `the connection to ${host} was dropped during ${call}; the network or the workspace is unstable, try again.`
    case 'timeout':
      return `no answer from ${host} within ${Math.round(timeoutMs / 1000)} s for ${call}; the workspace is slow or unreachable, try again.`
    case 'tls':
      return `the TLS handshake with ${host} failed for ${call}: check the host and any proxy or certificate settings.`
    default:
      return `the request ${call} to ${host} failed before an answer came; check the host and the network.`
  }
}
