import { describe, expect, it } from '@jest/globals'
import type { DataDiffPlan } from '../../../src/diff/index.js'
import {
  diffTaskKey,
  planDiffTask,
  renderDiffParameter,
  sparkRelation
} from '../../../src/engines/databricks/diff-task.js'
import {
  notCompared,
  readDiffOutput
} from '../../../src/engines/databricks/diff-output.js'
import { planOf } from '../../support/plan.js'

const ROOT = '/Workspace/Shared/dtflw/shop/test/previews/pr-7'

const DIFF: DataDiffPlan = {
  against: 'test',
  maxRows: 1000,
  timeoutMs: 900_000,
  tables: [
    {
      table: 'orders',
      step: 'load_orders',
      head: { kind: 'table', name: 'cat.shop__pr_7.orders' },
      base: { kind: 'table', name: 'cat.shop.orders' },
      key: ['id']
    },
    {
      table: 'events',
      step: 'load_events',
      head: {
        kind: 'path',
        uri: 'abfss://c@a.dfs.core.windows.net/previews/pr-7/events.delta',
        format: 'delta'
      },
      base: {
        kind: 'path',
        uri: 'abfss://c@a.dfs.core.windows.net/events.delta',
        format: 'delta'
      }
    }
  ]
}

describe('the data diff task of a preview run', () => {
  it('names relations as Spark SQL reads them', () => {
    expect(sparkRelation({ kind: 'table', name: 'cat.shop.orders' })).toBe(
      'cat.shop.orders'
    )
    expect(sparkRelation({ kind: 'table', name: 'my-cat.shop.or`ders' })).toBe(
      '`my-cat`.shop.`or``ders`'
    )
    expect(
      sparkRelation({
        kind: 'path',
        uri: '/Volumes/c/s/v/orders.parquet',
        format: 'parquet'
      })
    ).toBe('parquet.`/Volumes/c/s/v/orders.parquet`')
  })

  it('hands the notebook the tables, their relations and the budget', () => {
    expect(JSON.parse(renderDiffParameter(DIFF))).toEqual({
      against: 'test',
      maxRows: 1000,
      timeoutMs: 900_000,
      tables: [
        {
          table: 'orders',
          base: 'cat.shop.orders',
          baseKind: 'table',
          head: 'cat.shop__pr_7.orders',
          key: ['id']
        },
        {
          table: 'events',
          base: 'delta.`abfss://c@a.dfs.core.windows.net/events.delta`',
          baseKind: 'path',
          head: 'delta.`abfss://c@a.dfs.core.windows.net/previews/pr-7/events.delta`',
          key: []
        }
      ]
    })
  })

  it('follows only the steps of its own run, whatever their outcome, within twice the budget', () => {
    const task = planDiffTask({
      diff: DIFF,
      key: 'dtflw_data_diff',
      keys: new Set(['load_orders', 'other']),
      root: ROOT,
      compute: { kind: 'existing', clusterId: '0101-abc' }
    })
    expect(task).toMatchObject({
      task_key: 'dtflw_data_diff',
      depends_on: [{ task_key: 'load_orders' }],
      run_if: 'ALL_DONE',
      notebook_task: {
        notebook_path: `${ROOT}/.dtflw/dtflw_data_diff`,
        source: 'WORKSPACE'
      },
      timeout_seconds: 1800,
      existing_cluster_id: '0101-abc'
    })
  })

  it('takes a key no step has', () => {
    const plan = planOf({
      pipeline: 'p',
      profile: 'test',
      engine: 'databricks',
      tables: { layout: 'catalog', catalog: 'c', schema: 's' },
      sources: { raw: { table: 'c.s.raw' } },
      steps: [
        {
          notebook: 'notebooks/dtflw_data_diff.sql',
          inputs: ['raw'],
          outputs: ['a']
        }
      ]
    })
    expect(diffTaskKey(plan)).toBe('dtflw_data_diff_2')
  })
})

describe("the diff task's exit value", () => {
  const orders = {
    table: 'orders',
    head: 'whatever the notebook says',
    base: 'x',
    status: 'compared',
    rows: { base: 10, head: 12 },
    columns: { added: [], removed: [], retyped: [] },
    keyed: {
      key: ['id'],
      added: 2,
      removed: 0,
      changed: 1,
      unchanged: 9,
      byColumn: { amount: 1 },
      examples: { added: ['11', '12'], removed: [], changed: ['3'] }
    }
  }

  it('is read table by table, where the plan says each table is, biggest change first', () => {
    const events = {
      table: 'events',
      head: 'h',
      base: 'b',
      status: 'new-table',
      rows: { head: 500 }
    }
    const read = readDiffOutput(
      DIFF,
      JSON.stringify({ against: 'test', tables: [orders, events] })
    )
    expect(read.tables.map((t) => [t.table, t.status])).toEqual([
      ['events', 'new-table'],
      ['orders', 'compared']
    ])
    expect(read.tables[1]).toEqual({
      ...orders,
      head: 'cat.shop__pr_7.orders',
      base: 'cat.shop.orders'
    })
    expect(read.tables[0].head).toBe(
      'abfss://c@a.dfs.core.windows.net/previews/pr-7/events.delta'
    )
  })

  it.each([
    [undefined, 'the data diff task returned no value'],
    ['', 'the data diff task returned no value'],
    ['oops', 'the data diff task returned a value that is not JSON: "oops"'],
    [
      '{"against": "test"}',
      'the data diff task returned JSON without a list of tables'
    ],
    ['null', 'the data diff task returned JSON without a list of tables']
  ])('%j leaves every table not compared', (value, reason) => {
    const read = readDiffOutput(DIFF, value)
    expect(read.tables.map((t) => [t.table, t.status, t.reason])).toEqual([
      ['events', 'not-compared', reason],
      ['orders', 'not-compared', reason]
    ])
  })

  it('cut at 5 MB, says so', () => {
    const read = readDiffOutput(DIFF, '{"tables": [', true)
    expect(read.tables[0].reason).toContain('more than Databricks keeps')
  })

  it.each([
    ['a negative count', { ...orders, rows: { base: -1, head: 2 } }],
    ['an unknown status', { ...orders, status: 'done' }],
    [
      'a count that is text',
      { ...orders, keyed: { ...orders.keyed, added: '2' } }
    ],
    ['columns that are not a list', { ...orders, columns: { added: 'x' } }],
    ['no rows', { table: 'orders', status: 'compared' }]
  ])(
    'with %s, that table is not compared and the others are read',
    (_, bad) => {
      const read = readDiffOutput(
        DIFF,
        JSON.stringify({
          tables: [
            bad,
            { table: 'events', status: 'new-table', rows: { head: 3 } }
          ]
        })
      )
      expect(read.tables.map((t) => [t.table, t.status, t.reason])).toEqual([
        ['events', 'new-table', undefined],
        [
          'orders',
          'not-compared',
          'the data diff task reported this table in a form dtflw cannot read'
        ]
      ])
    }
  )

  it('a table it does not report is not compared', () => {
    const read = readDiffOutput(DIFF, JSON.stringify({ tables: [orders] }))
    expect(read.tables.find((t) => t.table === 'events')).toMatchObject({
      status: 'not-compared',
      reason: 'the data diff task did not report this table'
    })
  })

  it('a long reason is cut to one line of 300 characters', () => {
    const read = notCompared(DIFF, `${'x'.repeat(400)}\nsecond line`)
    expect(read.tables[0].reason).toHaveLength(298)
    expect(read.tables[0].reason?.endsWith('…')).toBe(true)
  })
})
