import { createHash } from 'node:crypto'
import type { Reply, Route, RouteContext } from './reply.js'
import { notFound, paginate, userJson, validationFailed } from './reply.js'
import type { StoredDeployment, StoredDeploymentStatus } from './types.js'

const REPO = '/repos/([^/]+)/([^/]+)'
const route = (
  method: string,
  tail: string,
  handle: (ctx: RouteContext) => Reply
): Route => ({ method, pattern: new RegExp(`^${REPO}${tail}$`), handle })

const STATES = new Set([
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success'
])

const repoOf = (ctx: RouteContext) => `${ctx.params[0]}/${ctx.params[1]}`

function deploymentJson(d: StoredDeployment, ctx: RouteContext): unknown {
  const url = `${ctx.api}/repos/${d.repo}/deployments/${d.id}`
  return {
    url,
    id: d.id,
    node_id: `DE_${Buffer.from(String(d.id)).toString('base64url')}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: userJson(ctx.state.login),
    created_at: d.createdAt,
    updated_at: d.createdAt,
    statuses_url: `${url}/statuses`,
    repository_url: `${ctx.api}/repos/${d.repo}`,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment
  }
}

function statusJson(
  s: StoredDeploymentStatus,
  d: StoredDeployment,
  ctx: RouteContext
): unknown {
  const deploymentUrl = `${ctx.api}/repos/${d.repo}/deployments/${d.id}`
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_${Buffer.from(String(s.id)).toString('base64url')}`,
    state: s.state,
    creator: userJson(ctx.state.login),
    description: s.description,
    environment: d.environment,
    target_url: s.logUrl,
    log_url: s.logUrl,
    environment_url: s.environmentUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: deploymentUrl,
    repository_url: `${ctx.api}/repos/${d.repo}`
  }
}

function findDeployment(ctx: RouteContext): StoredDeployment | undefined {
  const id = Number(ctx.params[2])
  return ctx.state.deployments.find(
    (d) => d.id === id && d.repo === repoOf(ctx)
  )
}

function addStatus(
  ctx: RouteContext,
  d: StoredDeployment,
  state: string,
  fields: { description?: string; logUrl?: string; environmentUrl?: string }
): StoredDeploymentStatus {
  const status: StoredDeploymentStatus = {
    id: ctx.state.nextId(),
    deploymentId: d.id,
    state,
    description: fields.description ?? '',
    logUrl: fields.logUrl ?? '',
    environmentUrl: fields.environmentUrl ?? '',
    createdAt: new Date().toISOString()
  }
  ctx.state.statuses.push(status)
  return status
}

function latestState(ctx: RouteContext, id: number): string | undefined {
  return ctx.state.statuses.filter((s) => s.deploymentId === id).at(-1)?.state
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : undefined

/** Deployments and their statuses. */
export const deploymentRoutes: readonly Route[] = [
  route('GET', '/deployments', (ctx) => {
    const { sha, ref, task, environment } = ctx.query
    const list = ctx.state.deployments
      .filter(
        (d) =>
          d.repo === repoOf(ctx) &&
          (sha === undefined || d.sha === sha) &&
          (ref === undefined || d.ref === ref) &&
          (task === undefined || d.task === task) &&
          (environment === undefined || d.environment === environment)
      )
      .reverse()
    return paginate(
      list.map((d) => deploymentJson(d, ctx)),
      ctx
    )
  }),
  route('POST', '/deployments', (ctx) => {
    const b = (ctx.body ?? {}) as Record<string, unknown>
    const ref = text(b.ref)
    if (!ref) {
      return validationFailed({
        resource: 'Deployment',
        code: 'missing_field',
        field: 'ref'
      })
    }
    const environment = text(b.environment) ?? 'production'
    const d: StoredDeployment = {
      id: ctx.state.nextId(),
      repo: repoOf(ctx),
      // A branch or tag resolves to some commit; a sha is itself.
      sha: /^[0-9a-f]{40}$/.test(ref)
        ? ref
        : createHash('sha1').update(ref).digest('hex'),
      ref,
      task: text(b.task) ?? 'deploy',
      environment,
      description: text(b.description) ?? null,
      payload: b.payload ?? {},
      transientEnvironment: b.transient_environment === true,
      productionEnvironment:
        typeof b.production_environment === 'boolean'
          ? b.production_environment
          : environment === 'production',
      requiredContexts: Array.isArray(b.required_contexts)
        ? (b.required_contexts as string[])
        : undefined,
      autoMerge: b.auto_merge !== false,
      createdAt: new Date().toISOString()
    }
    ctx.state.deployments.push(d)
    return { status: 201, body: deploymentJson(d, ctx) }
  }),
  route('GET', '/deployments/(\\d+)', (ctx) => {
    const d = findDeployment(ctx)
    return d ? { status: 200, body: deploymentJson(d, ctx) } : notFound()
  }),
  route('GET', '/deployments/(\\d+)/statuses', (ctx) => {
    const d = findDeployment(ctx)
    if (!d) return notFound()
    const list = ctx.state.statuses
      .filter((s) => s.deploymentId === d.id)
      .reverse()
    return paginate(
      list.map((s) => statusJson(s, d, ctx)),
      ctx
    )
  }),
  route('GET', '/deployments/(\\d+)/statuses/(\\d+)', (ctx) => {
    const d = findDeployment(ctx)
    const s = ctx.state.statuses.find(
      (x) => x.id === Number(ctx.params[3]) && x.deploymentId === d?.id
    )
    return d && s ? { status: 200, body: statusJson(s, d, ctx) } : notFound()
  }),
  route('POST', '/deployments/(\\d+)/statuses', (ctx) => {
    const d = findDeployment(ctx)
    if (!d) return notFound()
    const b = (ctx.body ?? {}) as Record<string, unknown>
    const state = text(b.state)
    if (!state || !STATES.has(state)) {
      return validationFailed({
        resource: 'DeploymentStatus',
        code: 'invalid',
        field: 'state'
      })
    }
    const s = addStatus(ctx, d, state, {
      description: text(b.description),
      logUrl: text(b.log_url) ?? text(b.target_url),
      environmentUrl: text(b.environment_url)
    })
    // As GitHub does: a success makes the earlier non-transient,
    // non-production deployments of the environment inactive.
    if (state === 'success' && b.auto_inactive !== false) {
      for (const older of ctx.state.deployments) {
        if (
          older.id < d.id &&
          older.repo === d.repo &&
          older.environment === d.environment &&
          !older.transientEnvironment &&
          !older.productionEnvironment &&
          latestState(ctx, older.id) !== 'inactive'
        ) {
          addStatus(ctx, older, 'inactive', {})
        }
      }
    }
    return { status: 201, body: statusJson(s, d, ctx) }
  })
]
