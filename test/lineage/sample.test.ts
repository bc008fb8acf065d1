import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Plan } from '../../src/flow/index.js'
import { copySalesProject } from '../support/sales-project.js'
import type { SalesProject } from '../support/sales-project.js'
import { samplePlan } from './support/sample.js'

// The renderer tests plan a sketch of examples/sales in memory; this keeps the
// sketch true to the example's files. Positions differ: the sketch's YAML is
// laid out differently.
const withoutPositions = (plan: Plan) => ({
  ...plan,
  steps: plan.steps.map(({ location: _location, ...rest }) => rest)
})

describe('the sample plan sketch', () => {
  let project: SalesProject
  beforeAll(async () => {
    project = await copySalesProject()
  })
  afterAll(() => project.remove())

  it.each(['development', 'test'] as const)(
    'equals the planner output for examples/sales on %s',
    async (profile) => {
      expect(withoutPositions(samplePlan(profile))).toEqual(
        withoutPositions(await project.plan(profile))
      )
    }
  )
})
