import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DatabricksApiError,
  type DatabricksClient,
  type RunTask,
  type SubmitTask
} from '../../../../src/engines/databricks/api/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../../support/databricks-server/index.js'
import { clientFor, failure, waitForRun } from './helpers.js'

let server: DatabricksServer
let client: DatabricksClient

const ROOT = '/Workspace/Shared/jobs'

beforeAll(async () => {
  server = await startDatabricksServer({ defaultDurationMs: 15 })
  ;({ client } = await clientFor(server))
  for (const name of ['ingest', 'clean', 'report', 'side', 'slow', 'tiny'])
    server.workspace.putNotebook(
      `${ROOT}/${name}`,
      '# Databricks notebook source\n'
    )
})
afterAll(() => server.close())

const task = (
  key: string,
  notebook: string,
  dependsOn: string[] = [],
  extra: Partial<SubmitTask> = {}
): SubmitTask => ({
  task_key: key,
  notebook_task: { notebook_path: `${ROOT}/${notebook}` },
  ...(dependsOn.length === 0
    ? {}
    : { depends_on: dependsOn.map((k) => ({ task_key: k })) }),
  ...extra
})

const byKey = (tasks: readonly RunTask[] | undefined) =>
  new Map((tasks ?? []).map((t) => [t.task_key, t]))

describe('Jobs API', () => {
  it('runs a multi-task run in dependency order and returns each task output', async () => {
    server.behave('clean', { exitValue: '{"rows": 42}', durationMs: 10 })
    const { run_id } = await client.jobs.submitRun({
      run_name: 'ci-1',
      idempotency_token: 'jobs-order-1',
      tasks: [
        task('ingest', 'ingest'),
        task('clean', 'clean', ['ingest']),
        task('report', 'report', ['clean'])
      ]
    })
    const run = await waitForRun(client, run_id)
    expect(run.state).toMatchObject({
      life_cycle_state: 'TERMINATED',
      result_state: 'SUCCESS'
    })
    expect(run.status?.termination_details?.code).toBe('SUCCESS')
    expect(run.run_name).toBe('ci-1')
    expect(run.run_page_url).toContain(`/run/${run_id}`)
    const tasks = byKey(run.tasks)
    const [ingest, clean, report] = ['ingest', 'clean', 'report'].map(
      (k) => tasks.get(k) as RunTask
    )
    expect(clean.start_time).toBeGreaterThanOrEqual(ingest.end_time as number)
    expect(report.start_time).toBeGreaterThanOrEqual(clean.end_time as number)
    expect(clean.run_id).not.toBe(run_id)
    expect(clean.run_page_url).toContain(`/run/${clean.run_id}`)
    const output = await client.jobs.getRunOutput(clean.run_id)
    expect(output.notebook_output).toEqual({
      result: '{"rows": 42}',
      truncated: false
    })
    expect(output.metadata?.task_key).toBe('clean')
  })

  it('a failed task skips its dependents as UPSTREAM_FAILED; an independent branch still succeeds', async () => {
    server.behave('clean', {
      outcome: 'failure',
      error: 'ZeroDivisionError: division by zero',
      errorTrace: 'Traceback (most recent call last):\n  File "<cell>", line 3'
    })
    const { run_id } = await client.jobs.submitRun({
      idempotency_token: 'jobs-fail-1',
      tasks: [
        task('ingest', 'ingest'),
        task('clean', 'clean', ['ingest']),
        task('report', 'report', ['clean']),
        task('side', 'side', ['ingest'])
      ]
    })
    const run = await waitForRun(client, run_id)
    server.behave('clean', undefined)
    expect(run.state?.result_state).toBe('FAILED')
    const tasks = byKey(run.tasks)
    expect(tasks.get('clean')?.state).toMatchObject({
      life_cycle_state: 'TERMINATED',
      result_state: 'FAILED'
    })
    expect(tasks.get('report')?.state?.result_state).toBe('UPSTREAM_FAILED')
    expect(tasks.get('report')?.start_time).toBeGreaterThan(0)
    expect(tasks.get('side')?.state?.result_state).toBe('SUCCESS')
    const output = await client.jobs.getRunOutput(
      tasks.get('clean')?.run_id as number
    )
    expect(output.error).toBe('ZeroDivisionError: division by zero')
    expect(output.error_trace).toContain('Traceback')
    expect(output.notebook_output).toBeUndefined()
  })

  it('refuses the output of a multi-task parent run with the documented message', async () => {
    const { run_id } = await client.jobs.submitRun({
      tasks: [task('ingest', 'ingest'), task('side', 'side')]
    })
    const error = await failure(client.jobs.getRunOutput(run_id))
    expect(error).toBeInstanceOf(DatabricksApiError)
    expect(error).toMatchObject({
      status: 400,
      errorCode: 'INVALID_PARAMETER_VALUE',
      category: 'invalid',
      apiMessage:
        'Retrieving the output of runs with multiple tasks is not supported. Please retrieve the output of each individual task run instead.'
    })
    await waitForRun(client, run_id)
  })

  it('merges the pages of a run with more than 100 tasks', async () => {
    const tasks = Array.from({ length: 230 }, (_, i) =>
      task(`t_${String(i).padStart(3, '0')}`, 'tiny')
    )
    server.behave('tiny', { durationMs: 1 })
    const { run_id } = await client.jobs.submitRun({
      idempotency_token: 'jobs-pages-1',
      tasks
    })
    server.clearRequests()
    const run = await client.jobs.getRun(run_id)
    expect(run.tasks).toHaveLength(230)
    expect(new Set(run.tasks?.map((t) => t.task_key)).size).toBe(230)
    expect(run.next_page_token).toBeUndefined()
    const pages = server.requestsTo('GET', '/api/2.2/jobs/runs/get')
    expect(pages.map((r) => r.query.page_token !== undefined)).toEqual([
      false,
      true,
      true
    ])
    await waitForRun(client, run_id)
    server.behave('tiny', undefined)
  })

  it('returns the same run for a repeated idempotency token and starts only one', async () => {
    const before = server.runs.all().length
    const body = {
      idempotency_token: 'jobs-idem-1',
      tasks: [task('ingest', 'ingest')]
    }
    const a = await client.jobs.submitRun(body)
    const b = await client.jobs.submitRun(body)
    expect(b.run_id).toBe(a.run_id)
    expect(server.runs.all().length).toBe(before + 1)
    await waitForRun(client, a.run_id)
  })

  it.each([
    ['a duplicate task key', [task('a', 'ingest'), task('a', 'clean')]],
    ['a task key with a space', [task('bad key', 'ingest')]],
    ['an unknown dependency', [task('a', 'ingest', ['ghost'])]],
    ['a cycle', [task('a', 'ingest', ['b']), task('b', 'clean', ['a'])]],
    [
      'a relative notebook path',
      [{ task_key: 'a', notebook_task: { notebook_path: 'x/y' } }]
    ]
  ])('refuses %s with INVALID_PARAMETER_VALUE', async (_, tasks) => {
    const error = await failure(client.jobs.submitRun({ tasks }))
    expect(error).toMatchObject({
      status: 400,
      errorCode: 'INVALID_PARAMETER_VALUE',
      category: 'invalid',
      exitCode: 3
    })
    expect(error.message).toContain('POST /api/2.2/jobs/runs/submit')
  })

  it('cancels a run: the running task ends CANCELED, its dependent UPSTREAM_CANCELED', async () => {
    server.behave('slow', { durationMs: 5000 })
    const { run_id } = await client.jobs.submitRun({
      idempotency_token: 'jobs-cancel-1',
      tasks: [task('slow', 'slow'), task('report', 'report', ['slow'])]
    })
    for (;;) {
      const run = await client.jobs.getRun(run_id)
      if (byKey(run.tasks).get('slow')?.state?.life_cycle_state === 'RUNNING')
        break
      await new Promise((r) => setTimeout(r, 2))
    }
    await client.jobs.cancelRun(run_id)
    const run = await waitForRun(client, run_id)
    server.behave('slow', undefined)
    expect(run.state).toMatchObject({
      life_cycle_state: 'TERMINATED',
      result_state: 'CANCELED',
      user_cancelled_or_timedout: true
    })
    const tasks = byKey(run.tasks)
    expect(tasks.get('slow')?.state?.result_state).toBe('CANCELED')
    expect(tasks.get('report')?.state?.result_state).toBe('UPSTREAM_CANCELED')
    await client.jobs.cancelRun(run_id)
  })

  it('fails a task whose notebook is not in the workspace', async () => {
    const { run_id } = await client.jobs.submitRun({
      tasks: [task('ghost', 'not-deployed')]
    })
    const run = await waitForRun(client, run_id)
    const ghost = byKey(run.tasks).get('ghost')
    expect(ghost?.state?.result_state).toBe('FAILED')
    expect(ghost?.status?.termination_details?.code).toBe('RESOURCE_NOT_FOUND')
    expect(ghost?.state?.state_message).toContain(`${ROOT}/not-deployed`)
  })

  it('says a missing run does not exist (not-found)', async () => {
    const error = await failure(client.jobs.getRun(123))
    expect(error).toMatchObject({ category: 'not-found', status: 400 })
    expect(error.message).toContain('run 123 does not exist')
  })

  it('lists runs newest first, and only active ones on request', async () => {
    server.behave('slow', { durationMs: 3000 })
    const { run_id } = await client.jobs.submitRun({
      tasks: [task('slow', 'slow')]
    })
    const all = await client.jobs.listRuns({ limit: 25 })
    expect(all.runs[0].run_id).toBe(run_id)
    expect(all.runs[0].tasks).toBeUndefined()
    const active = await client.jobs.listRuns({ active_only: true })
    expect(active.runs.map((r) => r.run_id)).toEqual([run_id])
    await client.jobs.cancelRun(run_id)
    await waitForRun(client, run_id)
    server.behave('slow', undefined)
    const none = await client.jobs.listRuns({ active_only: true })
    expect(none.runs).toEqual([])
  })

  it('writes the declared outputs of a task that succeeds, not of one that skips them', async () => {
    server.behave('clean', { outcome: 'success-without-outputs' })
    const { run_id } = await client.jobs.submitRun({
      tasks: [
        task('ingest', 'ingest', [], {
          notebook_task: {
            notebook_path: `${ROOT}/ingest`,
            base_parameters: {
              orders_out: 'sales_test.sales.orders',
              raw_in: 'shop.raw.orders'
            }
          }
        }),
        task('clean', 'clean', [], {
          notebook_task: {
            notebook_path: `${ROOT}/clean`,
            base_parameters: { customers_out: 'sales_test.sales.customers' }
          }
        })
      ]
    })
    await waitForRun(client, run_id)
    server.behave('clean', undefined)
    expect(
      await client.catalog.tryGetTable('sales_test.sales.orders')
    ).toMatchObject({
      full_name: 'sales_test.sales.orders'
    })
    expect(
      await client.catalog.tryGetTable('sales_test.sales.customers')
    ).toBeUndefined()
    expect(server.catalog.hasTable('shop.raw.orders')).toBe(false)
  })
})
