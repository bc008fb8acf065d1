import type { ApiCall, CallOptions } from './request.js'
import type {
  ListRunsRequest,
  ListRunsResponse,
  Run,
  RunOutput,
  RunTask,
  SubmitRunRequest,
  SubmitRunResponse
} from './types.js'

/** Jobs API 2.2: one-time runs, their state, output and cancellation. */
export interface JobsApi {
  /**
   * Starts a one-time run (`runs/submit`). Retried on 429/5xx/reset only
   * when the request has an `idempotency_token`, which guarantees one run.
   */
  submitRun(
    request: SubmitRunRequest,
    options?: CallOptions
  ): Promise<SubmitRunResponse>
  /**
   * A run with all its tasks: the pages of `tasks` (100 each in 2.2) are
   * fetched and merged, so `next_page_token` is never set on the result.
   */
  getRun(
    runId: number,
    options?: CallOptions & {
      readonly includeHistory?: boolean
      readonly includeResolvedValues?: boolean
      /** Told each page's tasks as it arrives, before the next is asked. */
      readonly onPage?: (tasks: readonly RunTask[]) => void
    }
  ): Promise<Run>
  /**
   * A run with the first page of its tasks only: one request whatever the
   * run's size, for its state and page right after submitting it.
   */
  getRunSummary(runId: number, options?: CallOptions): Promise<Run>
  /**
   * The output of one task run (use a task's `run_id`; the API refuses a
   * multi-task parent with 400 `INVALID_PARAMETER_VALUE`).
   */
  getRunOutput(taskRunId: number, options?: CallOptions): Promise<RunOutput>
  /** Asks to cancel a run or a task run; poll `getRun` until terminal. */
  cancelRun(runId: number, options?: CallOptions): Promise<void>
  /** One page of runs, newest first. */
  listRuns(
    request?: ListRunsRequest,
    options?: CallOptions
  ): Promise<ListRunsResponse>
}

const BASE = '/api/2.2/jobs/runs'

const RUN_PERMISSION =
  'the identity needs CAN_VIEW (CAN_MANAGE_RUN to cancel) on the run'

/** The Jobs API over `call`. */
export function createJobsApi(call: ApiCall): JobsApi {
  const getPage = async (
    runId: number,
    query: Record<string, string | number | boolean | undefined>,
    signal?: AbortSignal
  ) =>
    (
      await call({
        method: 'GET',
        path: `${BASE}/get`,
        query: { run_id: runId, ...query },
        target: `run ${runId}`,
        hints: { permission: RUN_PERMISSION },
        signal
      })
    ).data as Run
  return {
    async submitRun(request, options) {
      const data = (
        await call({
          method: 'POST',
          path: `${BASE}/submit`,
          body: request,
          idempotencyToken: request.idempotency_token,
          hints: {
            permission:
              'the identity needs permission to create jobs and to use the compute and notebooks named in the tasks'
          },
          signal: options?.signal
        })
      ).data as SubmitRunResponse
      return { run_id: Number(data.run_id) }
    },
    async getRun(runId, options) {
      const query = {
        include_history: options?.includeHistory,
        include_resolved_values: options?.includeResolvedValues
      }
      const first = await getPage(runId, query, options?.signal)
      options?.onPage?.(first.tasks ?? [])
      const tasks: RunTask[] = [...(first.tasks ?? [])]
      let token = first.next_page_token
      const seen = new Set<string>()
      while (token !== undefined && token !== '' && !seen.has(token)) {
        seen.add(token)
        const page = await getPage(
          runId,
          { ...query, page_token: token },
          options?.signal
        )
        options?.onPage?.(page.tasks ?? [])
        tasks.push(...(page.tasks ?? []))
        token = page.next_page_token
      }
      const { next_page_token: _next, ...run } = first
      return { ...run, tasks, has_more: false }
    },
    async getRunSummary(runId, options) {
      return getPage(runId, {}, options?.signal)
    },
    async getRunOutput(taskRunId, options) {
      return (
        await call({
          method: 'GET',
          path: `${BASE}/get-output`,
          query: { run_id: taskRunId },
          target: `run ${taskRunId}`,
          hints: { permission: RUN_PERMISSION },
          signal: options?.signal
        })
      ).data as RunOutput
    },
    async cancelRun(runId, options) {
      await call({
        method: 'POST',
        path: `${BASE}/cancel`,
        body: { run_id: runId },
        idempotent: true,
        target: `run ${runId}`,
        hints: { permission: RUN_PERMISSION },
        signal: options?.signal
      })
    },
    async listRuns(request = {}, options) {
      const data = (
        await call({
          method: 'GET',
          path: `${BASE}/list`,
          query: { ...request },
          signal: options?.signal
        })
      ).data as Partial<ListRunsResponse>
      return { ...data, runs: data.runs ?? [] }
    }
  }
}
