import { describe, expect, it } from '@jest/globals'
import { buildLineage, renderLineageJson } from '../../src/lineage/index.js'
import { expectGolden } from './support/golden.js'
import { prScenario, samplePlan } from './support/sample.js'

describe('renderLineageJson', () => {
  it('renders the declared sample lineage (golden file)', async () => {
    await expectGolden(
      'sample-lineage.json',
      renderLineageJson(buildLineage(samplePlan()))
    )
  })

  it('adds the diff when given, and parses back to the same model', () => {
    const { head, diff } = prScenario()
    const text = renderLineageJson(head, diff)
    expect(JSON.parse(text)).toEqual({ lineage: head, diff })
    expect(text.endsWith('}\n')).toBe(true)
  })
})
