import { describe, expect, it } from '@jest/globals'
import { planRunBatches } from '../../../src/engines/databricks/run-batches.js'
import { planOf } from '../../support/plan.js'

/** a → b → c, d alone, e after b and d: levels [a, d], [b], [c, e]. */
const plan = planOf({
  sources: { raw: { path: 'raw.csv' } },
  steps: [
    { notebook: 'a.sql', inputs: ['raw'], outputs: ['ta'] },
    { notebook: 'b.sql', inputs: ['ta'], outputs: ['tb'] },
    { notebook: 'c.sql', inputs: ['tb'], outputs: ['tc'] },
    { notebook: 'd.sql', inputs: ['raw'], outputs: ['td'] },
    { notebook: 'e.sql', inputs: ['tb', 'td'], outputs: ['te'] }
  ]
})
const all = new Set(plan.steps.map((s) => s.key))

describe('planRunBatches', () => {
  it('keeps a plan that fits in one run', () => {
    expect(planRunBatches(plan, all, 1000)).toEqual([['a', 'd', 'b', 'c', 'e']])
  })

  it('fills runs with whole levels in order, cutting a level that does not fit', () => {
    expect(planRunBatches(plan, all, 3)).toEqual([
      ['a', 'd', 'b'],
      ['c', 'e']
    ])
    expect(planRunBatches(plan, all, 1)).toEqual([
      ['a'],
      ['d'],
      ['b'],
      ['c'],
      ['e']
    ])
  })

  it('leaves out the steps not run (lazy)', () => {
    expect(planRunBatches(plan, new Set(['c', 'e']), 1)).toEqual([['c'], ['e']])
  })
})
