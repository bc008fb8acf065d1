import type { Reply, Route, RouteContext, State } from './reply.js'
import { notFound, paginate, userJson, validationFailed } from './reply.js'
import type { StoredComment } from './types.js'

/** GitHub's limit on a comment body, in characters. */
export const COMMENT_BODY_MAX = 65_536

const REPO = '/repos/([^/]+)/([^/]+)'
const route = (
  method: string,
  tail: string,
  handle: (ctx: RouteContext) => Reply
): Route => ({ method, pattern: new RegExp(`^${REPO}${tail}$`), handle })

/** The comment as `GET /repos/{o}/{r}/issues/comments/{id}` returns it. */
export function commentJson(c: StoredComment, ctx: RouteContext): unknown {
  return {
    url: `${ctx.api}/repos/${c.repo}/issues/comments/${c.id}`,
    html_url: `${ctx.html}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${ctx.api}/repos/${c.repo}/issues/${c.issue}`,
    id: c.id,
    node_id: `IC_${Buffer.from(String(c.id)).toString('base64url')}`,
    user: userJson(c.login),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: 'NONE',
    body: c.body
  }
}

/** Adds a comment to the state. */
export function addComment(
  state: State,
  repo: string,
  issue: number,
  body: string,
  login: string
): StoredComment {
  const now = new Date().toISOString()
  const comment: StoredComment = {
    id: state.nextId(),
    repo,
    issue,
    body,
    login,
    createdAt: now,
    updatedAt: now
  }
  state.comments.push(comment)
  return comment
}

// GitHub counts characters (code points) and answers 422 past the limit.
function bodyProblem(body: unknown): Reply | undefined {
  if (typeof body !== 'string' || body.length === 0) {
    return validationFailed({
      resource: 'IssueComment',
      code: 'missing_field',
      field: 'body'
    })
  }
  if ([...body].length > COMMENT_BODY_MAX) {
    return validationFailed({
      resource: 'IssueComment',
      code: 'unprocessable',
      field: 'data',
      message: `Body is too long (maximum is ${COMMENT_BODY_MAX} characters)`
    })
  }
  return undefined
}

const repoOf = (ctx: RouteContext) => `${ctx.params[0]}/${ctx.params[1]}`

function find(ctx: RouteContext): StoredComment | undefined {
  const id = Number(ctx.params[2])
  return ctx.state.comments.find((c) => c.id === id && c.repo === repoOf(ctx))
}

/** Issue and pull-request comments. */
export const commentRoutes: readonly Route[] = [
  route('GET', '/issues/(\\d+)/comments', (ctx) =>
    paginate(
      ctx.state.comments
        .filter(
          (c) => c.repo === repoOf(ctx) && c.issue === Number(ctx.params[2])
        )
        .map((c) => commentJson(c, ctx)),
      ctx
    )
  ),
  route('POST', '/issues/(\\d+)/comments', (ctx) => {
    const body = (ctx.body as { body?: unknown } | undefined)?.body
    const problem = bodyProblem(body)
    if (problem) return problem
    // The author is whoever the token is.
    const c = addComment(
      ctx.state,
      repoOf(ctx),
      Number(ctx.params[2]),
      body as string,
      ctx.identity?.login ?? ctx.state.login
    )
    const json = commentJson(c, ctx) as { url: string }
    return { status: 201, body: json, headers: { location: json.url } }
  }),
  route('GET', '/issues/comments/(\\d+)', (ctx) => {
    const c = find(ctx)
    return c ? { status: 200, body: commentJson(c, ctx) } : notFound()
  }),
  route('PATCH', '/issues/comments/(\\d+)', (ctx) => {
    const c = find(ctx)
    if (!c) return notFound()
    const body = (ctx.body as { body?: unknown } | undefined)?.body
    const problem = bodyProblem(body)
    if (problem) return problem
    c.body = body as string
    c.updatedAt = new Date().toISOString()
    return { status: 200, body: commentJson(c, ctx), changed: c.login }
  }),
  route('DELETE', '/issues/comments/(\\d+)', (ctx) => {
    const c = find(ctx)
    if (!c) return notFound()
    ctx.state.comments.splice(ctx.state.comments.indexOf(c), 1)
    return { status: 204, changed: c.login }
  })
]
