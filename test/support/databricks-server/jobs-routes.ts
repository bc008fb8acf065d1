import type { JobsRunner } from './jobs-runner.js'
import { ApiFailure, invalid, ok, requireId } from './respond.js'
import { runView, taskView, type UrlOf } from './run-view.js'
import type { Reply, Route } from './types.js'

const PAGE = 100

/**
 * Jobs API routes under both `/api/2.1` and `/api/2.2`; only 2.2 pages
 * `tasks` (100 a page, `next_page_token`/`page_token`), as documented.
 */
export function jobsRoutes(
  runner: JobsRunner,
  urlOf: UrlOf,
  now: () => number,
  statusOnly: () => boolean = () => false
): Route[] {
  const prefix = '^/api/(2\\.[12])/jobs/runs'
  return [
    {
      method: 'POST',
      pattern: new RegExp(`${prefix}/submit$`),
      handle: ({ json, identity }) =>
        ok({ run_id: runner.submit(json, identity ?? 'unknown') })
    },
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}/get$`),
      handle: ({ query, params }) => {
        const reply = getRun(runner, query, params[0] === '2.2', urlOf, now)
        return statusOnly() ? withoutState(reply) : reply
      }
    },
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}/get-output$`),
      handle: ({ query }) => getOutput(runner, query, urlOf)
    },
    {
      method: 'POST',
      pattern: new RegExp(`${prefix}/cancel$`),
      handle: ({ json }) => {
        runner.cancel(
          requireId((json as { run_id?: unknown })?.run_id, 'run_id')
        )
        return ok()
      }
    },
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}/list$`),
      handle: ({ query }) => listRuns(runner, query, urlOf, now)
    }
  ]
}

function getRun(
  runner: JobsRunner,
  query: URLSearchParams,
  paginate: boolean,
  urlOf: UrlOf,
  now: () => number
): Reply {
  const runId = requireId(query.get('run_id'), 'run_id')
  const run = runner.run(runId)
  if (run === undefined) throw invalid(`Run ${runId} does not exist.`)
  if (!paginate) return ok(runView(run, run.tasks, urlOf, now()))
  const offset = readPageToken(query.get('page_token'))
  const page = run.tasks.slice(offset, offset + PAGE)
  const more = offset + PAGE < run.tasks.length
  return ok({
    ...runView(run, page, urlOf, now()),
    ...(more ? { next_page_token: pageToken(offset + PAGE) } : {})
  })
}

function getOutput(
  runner: JobsRunner,
  query: URLSearchParams,
  urlOf: UrlOf
): Reply {
  const runId = requireId(query.get('run_id'), 'run_id')
  let found = runner.task(runId)
  if (found === undefined) {
    const run = runner.run(runId)
    if (run === undefined) throw invalid(`Run ${runId} does not exist.`)
    if (run.tasks.length > 1)
      throw invalid(
        'Retrieving the output of runs with multiple tasks is not supported. Please retrieve the output of each individual task run instead.'
      )
    found = { run, task: run.tasks[0] }
  }
  const { run, task } = found
  const output = task.output
  const terminal = task.phase === 'done'
  return ok({
    metadata: {
      ...taskView(run, task, urlOf),
      job_id: run.jobId,
      run_name: run.runName,
      creator_user_name: run.creator,
      run_type: 'SUBMIT_RUN'
    },
    ...(terminal && task.result === 'SUCCESS'
      ? {
          notebook_output:
            output.result === undefined
              ? {}
              : { result: output.result, truncated: output.truncated === true }
        }
      : {}),
    ...(output.error === undefined ? {} : { error: output.error }),
    ...(output.errorTrace === undefined
      ? {}
      : { error_trace: output.errorTrace })
  })
}

function listRuns(
  runner: JobsRunner,
  query: URLSearchParams,
  urlOf: UrlOf,
  now: () => number
): Reply {
  const limit = Number(query.get('limit') ?? 20)
  if (!Number.isInteger(limit) || limit < 1 || limit > 25)
    throw invalid('limit must be between 1 and 25.')
  const activeOnly = query.get('active_only') === 'true'
  const completedOnly = query.get('completed_only') === 'true'
  if (activeOnly && completedOnly)
    throw invalid('active_only and completed_only cannot both be true.')
  const runType = query.get('run_type')
  const expand = query.get('expand_tasks') === 'true'
  const all = [...runner.runs()]
    .filter((r) => !activeOnly || !r.finished)
    .filter((r) => !completedOnly || r.finished)
    .filter(() => runType === null || runType === 'SUBMIT_RUN')
    .sort((a, b) => b.runId - a.runId)
  const offset = readPageToken(query.get('page_token'))
  const page = all.slice(offset, offset + limit)
  const more = offset + limit < all.length
  return ok({
    ...(page.length === 0
      ? {}
      : {
          runs: page.map((r) =>
            runView(r, expand ? r.tasks : undefined, urlOf, now())
          )
        }),
    has_more: more,
    ...(more ? { next_page_token: pageToken(offset + limit) } : {})
  })
}

function pageToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url')
}

function readPageToken(token: string | null): number {
  if (token === null || token === '') return 0
  const match = /^offset:(\d+)$/.exec(
    Buffer.from(token, 'base64url').toString('utf8')
  )
  if (match === null)
    throw new ApiFailure(
      400,
      'INVALID_PARAMETER_VALUE',
      `Invalid page token: ${token}`
    )
  return Number(match[1])
}

/**
 * A `runs/get` answer without the deprecated `state` of the run and its
 * tasks: only `status`, as the API may answer once `state` is retired.
 */
function withoutState(reply: Reply): Reply {
  const strip = (item: Record<string, unknown>) => {
    const { state: _state, ...rest } = item
    return rest
  }
  const body = reply.body as Record<string, unknown>
  const tasks = body.tasks as Record<string, unknown>[] | undefined
  return {
    ...reply,
    body: { ...strip(body), ...(tasks ? { tasks: tasks.map(strip) } : {}) }
  }
}
