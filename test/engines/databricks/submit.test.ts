import { describe, expect, it } from '@jest/globals'
import { planSubmitRun } from '../../../src/engines/databricks/submit.js'
import { planOf } from '../../support/plan.js'

const ROOT = '/Workspace/Shared/dtflw/sales/test/previews/pr-7'

/** raw → ingest → clean → stats, and clean → export: a flow as users write it. */
const plan = planOf({
  pipeline: 'sales',
  profile: 'test',
  engine: 'databricks',
  tables: { layout: 'catalog', catalog: 'sales_test', schema: 'sales' },
  sources: { raw: { table: 'shop.raw.orders' } },
  steps: [
    { notebook: 'notebooks/ingest.sql', inputs: ['raw'], outputs: ['bronze'] },
    {
      notebook: 'notebooks/clean.py',
      args: { year: '2026', id: '12345678901234567890' },
      inputs: ['bronze'],
      outputs: ['silver']
    },
    { notebook: 'notebooks/stats.sql', inputs: ['silver'], outputs: ['gold'] },
    {
      notebook: 'reports/export.ipynb',
      inputs: ['silver'],
      outputs: ['export']
    }
  ]
})
const ALL = new Set(plan.steps.map((s) => s.key))

const submit = (overrides: Partial<Parameters<typeof planSubmitRun>[0]> = {}) =>
  planSubmitRun({
    plan,
    keys: ALL,
    root: ROOT,
    runId: '20261207-100000-ab12',
    compute: { kind: 'serverless' },
    ...overrides
  })

describe('planSubmitRun', () => {
  it('makes one task per step, waiting exactly for the plan’s edges, on the deployed notebook with the plan’s parameters', () => {
    const request = submit()
    expect(
      request.tasks.map((t) => [
        t.task_key,
        t.depends_on?.map((d) => d.task_key),
        t.notebook_task?.notebook_path,
        t.notebook_task?.source
      ])
    ).toEqual([
      ['ingest', undefined, `${ROOT}/notebooks/ingest`, 'WORKSPACE'],
      ['clean', ['ingest'], `${ROOT}/notebooks/clean`, 'WORKSPACE'],
      ['stats', ['clean'], `${ROOT}/notebooks/stats`, 'WORKSPACE'],
      ['export', ['clean'], `${ROOT}/reports/export`, 'WORKSPACE']
    ])
    // Arguments as written (a 20-digit id stays text), and the tables as
    // <name>_in / <name>_out.
    expect(request.tasks[1].notebook_task?.base_parameters).toEqual({
      ...plan.steps[1].parameters
    })
    expect(request.tasks[1].notebook_task?.base_parameters).toEqual(
      expect.objectContaining({
        year: '2026',
        id: '12345678901234567890',
        bronze_in: 'sales_test.sales.bronze',
        silver_out: 'sales_test.sales.silver'
      })
    )
  })

  it('runs serverless unless the profile names a cluster or a new one', () => {
    const computeOf = (request: ReturnType<typeof submit>) =>
      request.tasks.map((t) => ({
        existing: t.existing_cluster_id,
        fresh: t.new_cluster
      }))
    expect(computeOf(submit())).toEqual(
      Array(4).fill({ existing: undefined, fresh: undefined })
    )
    expect(
      computeOf(
        submit({ compute: { kind: 'existing', clusterId: '0101-abc' } })
      )
    ).toEqual(Array(4).fill({ existing: '0101-abc', fresh: undefined }))
    const spec = { spark_version: '15.4.x-scala2.12', num_workers: 2 }
    expect(computeOf(submit({ compute: { kind: 'new', spec } }))).toEqual(
      Array(4).fill({ existing: undefined, fresh: spec })
    )
  })

  it('names the run by pipeline, profile, preview and run id, and the part of a run that takes several', () => {
    expect(submit().run_name).toBe('dtflw sales test 20261207-100000-ab12')
    expect(submit({ preview: 'pr-7' }).run_name).toBe(
      'dtflw sales test pr-7 20261207-100000-ab12'
    )
    expect(
      submit({ preview: 'pr-7', part: { index: 1, count: 3 } }).run_name
    ).toBe('dtflw sales test pr-7 20261207-100000-ab12 (2/3)')
    expect(submit({ part: { index: 0, count: 1 } }).run_name).toBe(
      'dtflw sales test 20261207-100000-ab12'
    )
  })

  it('submits only the steps asked for (a lazy run), waiting only for those among them', () => {
    const request = submit({ keys: new Set(['stats', 'export']) })
    expect(request.tasks.map((t) => [t.task_key, t.depends_on ?? []])).toEqual([
      ['stats', []],
      ['export', []]
    ])
  })

  it('sets the run’s timeout only when the profile has one', () => {
    expect(submit().timeout_seconds).toBeUndefined()
    expect(submit({ timeoutSeconds: 3600 }).timeout_seconds).toBe(3600)
  })

  it('gives a retried submit the same idempotency token, and any other run another one', () => {
    const token = submit().idempotency_token!
    // The Jobs API takes at most 64 characters.
    expect(token).toMatch(/^dtflw-[0-9a-f]{40}$/)
    expect(submit().idempotency_token).toBe(token)
    // The preview name is in the root; the compute does not make another run.
    expect(
      submit({ compute: { kind: 'existing', clusterId: 'c' } })
        .idempotency_token
    ).toBe(token)
    const others = [
      submit({ runId: '20261207-100000-cd34' }),
      submit({ root: '/Workspace/Shared/dtflw/sales/test' }),
      submit({ part: { index: 1, count: 2 } }),
      submit({ keys: new Set(['ingest', 'clean']) })
    ].map((r) => r.idempotency_token)
    expect(new Set([token, ...others]).size).toBe(5)
  })
})
