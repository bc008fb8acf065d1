import type {
  StoredComment,
  StoredDeployment,
  StoredDeploymentStatus
} from './types.js'

/** What a route answers. */
export interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** For the request log: the author of the comment this request changed. */
  readonly changed?: string
}

/** Who a token is: a person's token, or an app's installation token. */
export interface Identity {
  readonly login: string
  readonly kind: 'user' | 'app'
}

/** The server's state, shared by the routes. */
export interface State {
  readonly comments: StoredComment[]
  readonly deployments: StoredDeployment[]
  readonly statuses: StoredDeploymentStatus[]
  nextId(): number
  readonly login: string
}

/** What a route sees of a request. */
export interface RouteContext {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly body: unknown
  /** The pattern's groups: owner, repo, then the route's own. */
  readonly params: readonly string[]
  /** API origin, for `url` fields and `Link` headers. */
  readonly api: string
  /** Web origin, for `html_url` fields. */
  readonly html: string
  readonly state: State
  /** Who the token is. */
  readonly identity?: Identity
}

/** One endpoint. */
export interface Route {
  readonly method: string
  readonly pattern: RegExp
  /** A POST that only reads (GraphQL queries): a read-only token may call it. */
  readonly reads?: boolean
  handle(ctx: RouteContext): Reply
}

const DOCS = 'https://docs.github.com/rest'

/** An error the way GitHub's REST API writes one. */
export function githubError(
  status: number,
  message: string,
  extra: Record<string, unknown> = {}
): Reply {
  return {
    status,
    body: {
      message,
      ...extra,
      documentation_url: DOCS,
      status: String(status)
    }
  }
}

/** 422 "Validation Failed" with one error entry. */
export function validationFailed(error: Record<string, unknown>): Reply {
  return githubError(422, 'Validation Failed', { errors: [error] })
}

/** 403 as GitHub answers a write with a read-only token (a fork's `GITHUB_TOKEN`). */
export const forbidden = (): Reply =>
  githubError(403, 'Resource not accessible by integration')

/** 404 "Not Found". */
export const notFound = (): Reply => githubError(404, 'Not Found')

/**
 * One page of a list as GitHub pages it: `per_page` (default 30, at most
 * 100) and `page` (from 1), with a `Link` header naming the next, last,
 * first and previous pages.
 */
export function paginate(items: readonly unknown[], ctx: RouteContext): Reply {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page) || 30))
  const page = Math.max(1, Math.floor(Number(ctx.query.page) || 1))
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const body = items.slice((page - 1) * perPage, page * perPage)
  const at = (n: number) => {
    const query = new URLSearchParams({
      ...ctx.query,
      per_page: String(perPage),
      page: String(n)
    })
    return `<${ctx.api}${ctx.path}?${query}>`
  }
  const links: string[] = []
  if (page < last)
    links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`)
  if (page > 1)
    links.push(`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`)
  return {
    status: 200,
    body,
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  }
}

/** The `user` object of what the server's token creates. */
export function userJson(login: string): Record<string, unknown> {
  return {
    login,
    id: login === 'github-actions[bot]' ? 41898282 : 1000 + login.length,
    type: login.endsWith('[bot]') ? 'Bot' : 'User'
  }
}
