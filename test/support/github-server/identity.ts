import type { Reply, Route, RouteContext } from './reply.js'
import { githubError } from './reply.js'

/**
 * Who a token is, as GitHub tells: `GET /user` answers a personal token
 * and refuses an installation token (the job's `GITHUB_TOKEN` is one) with
 * 403 "Resource not accessible by integration"; GraphQL's `viewer`
 * answers both, `github-actions[bot]` for the job's token.
 */
export const identityRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/user$/,
    handle: (ctx) =>
      ctx.identity?.kind === 'user'
        ? { status: 200, body: userProfile(ctx) }
        : githubError(403, 'Resource not accessible by integration')
  },
  {
    method: 'POST',
    pattern: /^\/graphql$/,
    reads: true,
    handle: graphql
  }
]

function userProfile(ctx: RouteContext): Record<string, unknown> {
  const login = ctx.identity!.login
  return {
    login,
    id: 1000 + login.length,
    type: 'User',
    html_url: `${ctx.html}/${login}`
  }
}

/** The one query dtflw asks, `{ viewer { login } }`, as GitHub answers it. */
function graphql(ctx: RouteContext): Reply {
  const query = (ctx.body as { query?: unknown } | undefined)?.query
  if (typeof query !== 'string') {
    return githubError(400, 'Problems parsing JSON')
  }
  if (!/^\s*(?:query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
    return {
      status: 200,
      body: {
        errors: [
          {
            message: `the loopback server answers only { viewer { login } }, not ${query}`
          }
        ]
      }
    }
  }
  return {
    status: 200,
    body: { data: { viewer: { login: ctx.identity!.login } } }
  }
}
