import { describe, expect, it } from '@jest/globals'
import {
  deferInputs,
  locationValue,
  planFlow,
  previewProfile,
  selectSteps
} from '../../src/flow/index.js'
import { flowOf } from '../support/manifest.js'
import { catalogLayout, pathLayout, profileOf } from '../support/profiles.js'

const FLOW = flowOf(`pipeline: shop
sources:
  raw_orders: {}
flow:
  - notebook: notebooks/clean.sql
    inputs: [raw_orders]
    outputs: [orders]
  - notebook: notebooks/revenue.sql
    inputs: [orders]
    outputs: [revenue]
`)

const where = (plan: ReturnType<typeof planFlow>) =>
  Object.fromEntries(
    plan.steps.map((s) => [
      s.key,
      {
        reads: s.inputs.map((i) => locationValue(i.location)),
        writes: s.outputs.map((o) => locationValue(o.location))
      }
    ])
  )

describe("a preview's tables", () => {
  it("go beside the environment's own: a schema of their own in a catalog", () => {
    const profile = profileOf(catalogLayout('shop_test', 'shop'), {
      sources: { raw_orders: { table: 'landing.exports.orders' } }
    })
    const plan = planFlow(FLOW, previewProfile(profile, 'pr-42'))
    expect(where(plan)).toEqual({
      clean: {
        reads: ['landing.exports.orders'],
        writes: ['shop_test.shop__pr_42.orders']
      },
      revenue: {
        reads: ['shop_test.shop__pr_42.orders'],
        writes: ['shop_test.shop__pr_42.revenue']
      }
    })
  })

  it('and a folder of their own under the path layout', () => {
    const plan = planFlow(
      FLOW,
      previewProfile(
        profileOf(pathLayout('.dtflw/data/dev'), {
          sources: { raw_orders: { path: 'data/raw.csv', format: 'csv' } }
        }),
        'my-branch'
      )
    )
    expect(where(plan).revenue.writes).toEqual([
      '.dtflw/data/dev/previews/my-branch/notebooks/revenue/revenue.parquet'
    ])
  })

  it('a step the preview does not run is read where the environment has it', () => {
    const profile = profileOf(catalogLayout('shop_test', 'shop'), {
      sources: { raw_orders: { table: 'landing.exports.orders' } }
    })
    const base = planFlow(FLOW, profile)
    const preview = deferInputs(
      selectSteps(planFlow(FLOW, previewProfile(profile, 'pr-42')), [
        'revenue'
      ]),
      base
    )
    expect(where(preview)).toEqual({
      revenue: {
        reads: ['shop_test.shop.orders'],
        writes: ['shop_test.shop__pr_42.revenue']
      }
    })
  })
})
