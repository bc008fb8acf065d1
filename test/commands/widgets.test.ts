import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { runCli } from '../support/cli.js'
import { makeTempDir, removeDir, writeScaffold } from '../generators/support.js'
import { runCommand } from '../../src/commands/index.js'
import {
  dataOf,
  deps,
  request,
  summaries,
  useSalesProjects
} from './support.js'

describe('dtflw widgets', () => {
  let dir: string
  beforeAll(async () => {
    dir = await makeTempDir('dtflw-widgets-')
    await writeScaffold(dir)
  })
  afterAll(() => removeDir(dir))

  it('prints what a step receives under the development profile, one name = value a line', async () => {
    const shown = await runCli(['widgets', 'daily_revenue'], dir)
    expect([shown.code, shown.stderr, shown.stdout]).toEqual([
      0,
      '',
      [
        'since = 2024-03-02',
        'orders_in = .dtflw/data/development/notebooks/clean_orders/orders.parquet',
        'daily_revenue_out = .dtflw/data/development/notebooks/daily_revenue/daily_revenue.parquet',
        ''
      ].join('\n')
    ])
  })

  it('works offline for a workspace profile, from a subfolder, as JSON', async () => {
    const shown = await runCli(
      ['widgets', '--profile', 'test', 'clean_orders', '--json'],
      path.join(dir, 'notebooks')
    )
    expect(shown.code).toBe(0)
    expect(JSON.parse(shown.stdout)).toEqual({
      exitCode: 0,
      diagnostics: [
        expect.objectContaining({
          severity: 'warning',
          code: 'unset-for-deploy'
        })
      ],
      result: {
        profile: 'test',
        step: 'clean_orders',
        notebook: 'notebooks/clean_orders.sql',
        parameters: {
          raw_orders_in: 'my_pipeline_test.landing.raw_orders',
          orders_out: 'my_pipeline_test.my_pipeline.orders'
        }
      }
    })
  })

  it('refuses an unknown step with a did-you-mean, and a missing one', async () => {
    const typo = await runCli(['widgets', 'daily_revenu'], dir)
    expect([typo.code, typo.stdout, typo.stderr.trim()]).toEqual([
      2,
      '',
      'error: no step "daily_revenu" in dtflw.yaml; did you mean "daily_revenue"?'
    ])
    const none = await runCli(['widgets', '--profile', 'test'], dir)
    expect([none.code, none.stderr.trim()]).toEqual([
      2,
      'error: dtflw widgets needs the step: dtflw widgets --profile NAME STEP.'
    ])
  })
})

describe('runWidgets in process', () => {
  const sales = useSalesProjects()

  it('answers for a step a selection or --changed-since would leave out, without git', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'widgets', {
        step: 'calculate_sales_stats',
        select: 'ingest_data',
        changedSince: 'main'
      }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    expect(dataOf(result, 'widgets')).toMatchObject({
      profile: 'development',
      step: 'calculate_sales_stats',
      notebook: 'notebooks/calculate_sales_stats.sql'
    })
    expect(
      Object.keys(dataOf(result, 'widgets').parameters).slice(0, 2)
    ).toEqual(['year', 'sales_orders_silver_in'])
  })

  it('lists the steps when none comes close to the name', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'widgets', { step: 'zzz' }),
      deps()
    )
    expect(result.exitCode).toBe(2)
    expect(summaries(result)).toEqual([
      'error: no step "zzz" in dtflw.yaml; the steps are: ingest_data, import_data, calculate_sales_stats.'
    ])
  })
})
