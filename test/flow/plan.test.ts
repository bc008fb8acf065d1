import { describe, expect, it } from '@jest/globals'
import { applySelection, deferInputs, planFlow } from '../../src/flow/index.js'
import type { Plan } from '../../src/flow/index.js'
import { formatText, InvalidConfigError } from '../../src/diagnostics/index.js'
import { flowOf } from '../support/manifest.js'
import { catalogLayout, pathLayout, profileOf } from '../support/profiles.js'

const readme = `pipeline: sales
sources:
  raw_orders: {}
flow:
  - notebook: notebooks/ingest_data.sql
    inputs: [raw_orders]
    outputs: [sales_orders_bronze]
  - notebook: notebooks/import_data.py
    inputs: [sales_orders_bronze]
    outputs: [sales_orders_silver, products_silver, customers_silver]
  - notebook: notebooks/calculate_sales_stats.sql
    args: { year: "\${var.year}" }
    inputs: [sales_orders_silver, customers_silver, products_silver]
    outputs: [sales_stats_by_product_gold, sales_stats_by_customer_gold]
`

const abfss = 'abfss://c@a.dfs.core.windows.net/sales'

function problems(fn: () => unknown): string[] {
  try {
    fn()
  } catch (error) {
    if (error instanceof InvalidConfigError)
      return error.diagnostics.map(formatText)
    throw error
  }
  return []
}

describe('planFlow: the notebook contract', () => {
  it('passes exactly <arg>, <input>_in and <output>_out, valued with resolved locations', () => {
    const plan = planFlow(
      flowOf(readme),
      profileOf(pathLayout(abfss), {
        variables: { year: '2022' },
        sources: {
          raw_orders: {
            path: 'abfss://raw@a.dfs.core.windows.net/orders.csv',
            format: 'csv'
          }
        }
      })
    )
    expect(plan.steps[2].parameters).toEqual({
      year: '2022',
      sales_orders_silver_in: `${abfss}/notebooks/import_data/sales_orders_silver.parquet`,
      customers_silver_in: `${abfss}/notebooks/import_data/customers_silver.parquet`,
      products_silver_in: `${abfss}/notebooks/import_data/products_silver.parquet`,
      sales_stats_by_product_gold_out: `${abfss}/notebooks/calculate_sales_stats/sales_stats_by_product_gold.parquet`,
      sales_stats_by_customer_gold_out: `${abfss}/notebooks/calculate_sales_stats/sales_stats_by_customer_gold.parquet`
    })
    expect(plan.steps[0].parameters).toEqual({
      raw_orders_in: 'abfss://raw@a.dfs.core.windows.net/orders.csv',
      sales_orders_bronze_out: `${abfss}/notebooks/ingest_data/sales_orders_bronze.parquet`
    })
  })

  it.each([
    ['dbfs:/', 'dbfs:/nb/t.parquet'],
    ['dbfs:/FileStore/me', 'dbfs:/FileStore/me/nb/t.parquet'],
    [
      'wasbs://c@a.blob.core.windows.net/',
      'wasbs://c@a.blob.core.windows.net/nb/t.parquet'
    ],
    ['s3://bucket/prefix/', 's3://bucket/prefix/nb/t.parquet'],
    ['/Volumes/main/sales/files', '/Volumes/main/sales/files/nb/t.parquet'],
    ['.dtflw/data/development', '.dtflw/data/development/nb/t.parquet']
  ])('lays tables out under root %s as dtflw does', (root, expected) => {
    const plan = planFlow(
      flowOf('pipeline: p\nflow:\n  - { notebook: nb.py, outputs: [t] }\n'),
      profileOf(pathLayout(root))
    )
    expect(plan.steps[0].parameters.t_out).toBe(expected)
  })

  it('names Unity Catalog tables catalog.schema.table', () => {
    const plan = planFlow(
      flowOf(readme),
      profileOf(catalogLayout('sales_test', 'sales'), {
        variables: { year: '2022' },
        sources: { raw_orders: { table: 'shop_raw.exports.orders' } }
      })
    )
    expect(plan.steps[0].parameters).toEqual({
      raw_orders_in: 'shop_raw.exports.orders',
      sales_orders_bronze_out: 'sales_test.sales.sales_orders_bronze'
    })
  })
})

describe('planFlow: table resolution (dtflw TablesRepository cases)', () => {
  const rerun = `pipeline: p
sources: { t: {} }
flow:
  - { notebook: nb1.py, inputs: [t], outputs: [t] }
  - { notebook: nb2.py, inputs: [t], outputs: [t] }
  - { notebook: nb3.py, inputs: [t] }
  - { notebook: nb1.py, key: nb1_again, inputs: [t], outputs: [t] }
  - { notebook: nb4.py, inputs: [t] }
`
  it('an input resolves to the latest producer before its step, so a step may rewrite what it reads', () => {
    const plan = planFlow(
      flowOf(rerun),
      profileOf(pathLayout('/d'), {
        sources: { t: { path: '/raw/t.csv', format: 'csv' } }
      })
    )
    const producer = (key: string) =>
      plan.steps.find((s) => s.key === key)!.inputs[0]
    expect(producer('nb1').isSource).toBe(true)
    expect(producer('nb1').location).toEqual({
      kind: 'path',
      uri: '/raw/t.csv',
      format: 'csv'
    })
    expect(producer('nb2').producer).toBe('nb1')
    expect(producer('nb3').producer).toBe('nb2')
    expect(producer('nb1_again').producer).toBe('nb2')
    expect(producer('nb4').producer).toBe('nb1_again')
  })

  it('a notebook run twice writes one location, so the planner keeps the reads before the rewrite', () => {
    const plan = planFlow(
      flowOf(rerun),
      profileOf(pathLayout('/d'), {
        sources: { t: { path: '/raw/t.csv', format: 'csv' } }
      })
    )
    expect(plan.steps[3].parameters.t_out).toBe('/d/nb1/t.parquet')
    expect(
      plan.edges
        .filter((e) => e.kind !== 'data')
        .map((e) => `${e.from}->${e.to} ${e.kind}`)
    ).toEqual([
      'nb1->nb1_again write-after-write',
      'nb2->nb1_again write-after-read'
    ])
  })

  it('publishes an output under its alias while the notebook still receives <name>_out', () => {
    const plan = planFlow(
      flowOf(`pipeline: p
flow:
  - notebook: a.py
    outputs: [{ name: foo, alias: orders }]
  - notebook: b.py
    inputs: [orders]
`),
      profileOf(pathLayout('mock:/project'))
    )
    expect(plan.steps[0].parameters).toEqual({
      foo_out: 'mock:/project/a/foo.parquet'
    })
    expect(plan.steps[1].parameters).toEqual({
      orders_in: 'mock:/project/a/foo.parquet'
    })
  })

  it('resolves an input by another table name with source:', () => {
    const plan = planFlow(
      flowOf(`pipeline: p
flow:
  - { notebook: a.py, outputs: [orders_v2] }
  - notebook: b.py
    inputs: [{ name: orders, source: orders_v2 }]
`),
      profileOf(pathLayout('mock:/'))
    )
    expect(plan.steps[1].parameters).toEqual({
      orders_in: 'mock:/a/orders_v2.parquet'
    })
    expect(plan.steps[1].dependsOn).toEqual(['a'])
  })

  it('gives an optional input that nothing provides an empty string', () => {
    const plan = planFlow(
      flowOf(`pipeline: p
flow:
  - notebook: a.py
    inputs: [{ name: maybe, optional: true }]
`),
      profileOf(pathLayout('mock:/'))
    )
    expect(plan.steps[0].parameters).toEqual({ maybe_in: '' })
  })

  it('places an explicit relative path under the root and an absolute one as given', () => {
    const plan = planFlow(
      flowOf(`pipeline: p
flow:
  - notebook: a.py
    inputs: [{ name: ref, path: "abfss://x@y.dfs.core.windows.net/ref/*.csv" }]
    outputs: [{ name: out, path: shared/out.parquet }]
`),
      profileOf(pathLayout('dbfs:/root'))
    )
    expect(plan.steps[0].parameters).toEqual({
      ref_in: 'abfss://x@y.dfs.core.windows.net/ref/*.csv',
      out_out: 'dbfs:/root/shared/out.parquet'
    })
  })
})

describe('planFlow: ordering by data and by location', () => {
  const diamond = `pipeline: p
sources: { raw: {} }
flow:
  - { notebook: load.py, inputs: [raw], outputs: [a] }
  - { notebook: left.py, inputs: [a], outputs: [l] }
  - { notebook: right.py, inputs: [a], outputs: [r] }
  - { notebook: join.py, inputs: [l, r], outputs: [j] }
  - { notebook: other.py, inputs: [raw], outputs: [o] }
`
  const profile = profileOf(pathLayout('/d'), {
    sources: { raw: { path: '/raw', format: 'parquet' } }
  })

  it('runs independent steps in the same level, sorted, whatever their manifest order', () => {
    const plan = planFlow(flowOf(diamond), profile)
    expect(plan.levels).toEqual([
      ['load', 'other'],
      ['left', 'right'],
      ['join']
    ])
    expect(plan.criticalPath).toEqual(['load', 'left', 'join'])
    expect(plan.steps.find((s) => s.key === 'join')!.dependsOn).toEqual([
      'left',
      'right'
    ])
  })

  it('adds write-after-write and write-after-read edges where a catalog table is rewritten', () => {
    const plan = planFlow(
      flowOf(`pipeline: p
flow:
  - { notebook: a.py, outputs: [orders] }
  - { notebook: report.py, inputs: [orders], outputs: [summary] }
  - { notebook: fix.py, inputs: [orders], outputs: [orders] }
  - { notebook: final.py, inputs: [orders] }
`),
      profileOf(catalogLayout('c', 's'))
    )
    expect(plan.edges.map((e) => `${e.from}->${e.to} ${e.kind}`)).toEqual([
      'a->fix data',
      'a->fix write-after-write',
      'a->report data',
      'fix->final data',
      'report->fix write-after-read'
    ])
    expect(plan.levels).toEqual([['a'], ['report'], ['fix'], ['final']])
  })

  it('refuses a reader whose version is overwritten by another table in between', () => {
    expect(
      problems(() =>
        planFlow(
          flowOf(`pipeline: p
flow:
  - { notebook: a.py, outputs: [orders] }
  - { notebook: b.py, outputs: [{ name: other, path: a/orders.parquet }] }
  - { notebook: c.py, inputs: [orders] }
`),
          profileOf(pathLayout('shared'))
        )
      )
    ).toEqual([
      'dtflw.yaml:5:32: error: input "orders" of step "c" reads the version written by "a", but step "b" (dtflw.yaml:4) overwrites shared/a/orders.parquet with "other" in between, so no order keeps it; give that output its own path.'
    ])
  })

  it('refuses two outputs of one step at one location', () => {
    expect(
      problems(() =>
        planFlow(
          flowOf(`pipeline: p
flow:
  - notebook: a.py
    outputs: [x, { name: y, path: /d/a/x.parquet }]
`),
          profileOf(pathLayout('/d'))
        )
      )
    ).toEqual([
      'dtflw.yaml:4:18: error: outputs "x" and "y" of step "a" are both written to /d/a/x.parquet; give one its own path.'
    ])
  })

  it('names an unknown argument variable and suggests the closest one', () => {
    expect(
      problems(() =>
        planFlow(
          flowOf(readme),
          profileOf(pathLayout('/d'), {
            variables: { yaer: '2022' },
            sources: { raw_orders: { path: '/r', format: 'csv' } }
          })
        )
      )
    ).toEqual([
      'dtflw.yaml:12:19: error: argument "year" of step "calculate_sales_stats": ${var.year} is not defined under variables of profile "test"; did you mean "yaer"?\n' +
        '  the variables are: yaer'
    ])
  })

  it('reads argument templates with the profiles syntax: $${ is a literal, defaults apply', () => {
    const plan = planFlow(
      flowOf(`pipeline: p
flow:
  - notebook: a.py
    args: { price: "$\${amount}", sha: "\${git.sha:-none}", day: "\${DAY:-monday}" }
`),
      profileOf(pathLayout('/d'))
    )
    expect(plan.steps[0].args).toEqual({
      price: '${amount}',
      sha: 'none',
      day: 'monday'
    })
  })

  it('names an argument whose ${ is never closed', () => {
    expect(
      problems(() =>
        planFlow(
          flowOf(`pipeline: p
flow:
  - notebook: a.py
    args: { year: "\${var.year" }
`),
          profileOf(pathLayout('/d'))
        )
      )
    ).toEqual([
      'dtflw.yaml:4:19: error: argument "year" of step "a": "${var.year" opens ${ without a closing }; write $${ for a literal ${'
    ])
  })

  it('names a source with no location in the profile', () => {
    expect(
      problems(() =>
        planFlow(
          flowOf(readme),
          profileOf(pathLayout('/d'), { variables: { year: '1' } })
        )
      )
    ).toEqual([
      'dtflw.yaml:6:14: error: source "raw_orders" has no location in profile "test"; add sources.raw_orders with a path and format, or a table, to profiles/test.yaml.'
    ])
  })
})

describe('selection', () => {
  const fork = `pipeline: p
sources: { raw: {} }
flow:
  - { notebook: load.py, inputs: [raw], outputs: [a] }
  - { notebook: left.py, inputs: [a], outputs: [l] }
  - { notebook: right.py, inputs: [a], outputs: [r] }
  - { notebook: join.py, inputs: [l, r], outputs: [j] }
`
  const plan: Plan = planFlow(
    flowOf(fork),
    profileOf(pathLayout('/d'), {
      sources: { raw: { path: '/raw', format: 'parquet' } }
    })
  )
  const keys = (p: Plan) => p.steps.map((s) => s.key)

  it('selects a step alone, keeping its inputs where the earlier run wrote them', () => {
    const one = applySelection(plan, 'left')
    expect(keys(one)).toEqual(['left'])
    expect(one.excluded).toEqual(['load', 'right', 'join'])
    expect(one.steps[0].parameters.a_in).toBe('/d/load/a.parquet')
    expect(one.steps[0].dependsOn).toEqual([])
  })
  it('name+ adds everything downstream', () => {
    expect(keys(applySelection(plan, 'left+'))).toEqual(['left', 'join'])
  })
  it('+name adds everything upstream', () => {
    expect(keys(applySelection(plan, '+left'))).toEqual(['load', 'left'])
  })
  it('terms combine', () => {
    expect(keys(applySelection(plan, 'right, +left'))).toEqual([
      'load',
      'left',
      'right'
    ])
  })
  it('an unknown step is a usage error with a suggestion', () => {
    expect(() => applySelection(plan, 'joni')).toThrow(
      '--select names step "joni", which the flow does not have; did you mean "join"?'
    )
  })
  it('--defer-to reads unselected producers in another environment', () => {
    const acceptance = planFlow(
      flowOf(fork),
      profileOf(catalogLayout('acc', 'p'), {
        sources: { raw: { table: 'x.y.raw' } }
      })
    )
    const deferred = deferInputs(applySelection(plan, 'left+'), acceptance)
    expect(deferred.steps.map((s) => s.parameters)).toEqual([
      { a_in: 'acc.p.a', l_out: '/d/left/l.parquet' },
      { l_in: '/d/left/l.parquet', r_in: 'acc.p.r', j_out: '/d/join/j.parquet' }
    ])
  })
})
