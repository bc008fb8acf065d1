import { describe, expect, it } from '@jest/globals'
import { failedOutputs, planOutputs } from '../../src/action/outputs.js'
import { errorAt } from '../../src/diagnostics/index.js'

describe("the Action's outputs", () => {
  it('say why a run stopped at timeout-minutes, not nothing', () => {
    const outputs = planOutputs(
      { exitCode: 130, diagnostics: [] },
      { stopped: 'stopped after timeout-minutes (30); the run was cancelled.' }
    )
    expect(outputs.status).toBe('failed')
    expect(outputs.error).toBe(
      'stopped after timeout-minutes (30); the run was cancelled.'
    )
  })

  it('say skipped when the command asked for was not run', () => {
    expect(
      planOutputs({ exitCode: 0, diagnostics: [] }, { skipped: true }).status
    ).toBe('skipped')
  })

  it('carry the first error, and are all set when nothing ran', () => {
    const outputs = planOutputs({
      exitCode: 2,
      diagnostics: [errorAt('usage', 'first'), errorAt('usage', 'second')]
    })
    expect(outputs.error).toBe('first')
    expect(Object.keys(failedOutputs('x')).sort()).toEqual(
      Object.keys(outputs).sort()
    )
  })
})
