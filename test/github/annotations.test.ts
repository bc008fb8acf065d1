import { describe, expect, it } from '@jest/globals'
import type { Diagnostic } from '../../src/diagnostics/index.js'
import { planAnnotations } from '../../src/github/index.js'
import { diagnosticsOf } from './support/scenarios.js'

describe('planAnnotations', () => {
  it('keeps 10 of 25 errors, at file, line and column, and sums up the other 15', () => {
    const diagnostics = diagnosticsOf(25, 0)
    expect(diagnostics).toHaveLength(25)
    const { annotations, overflow } = planAnnotations(diagnostics)
    expect(annotations).toHaveLength(10)
    expect(annotations[0]).toEqual({
      level: 'error',
      title: 'dtflw unknown-input',
      message:
        'input "missing_0" of step "step_0" is not produced by an earlier step and is not a declared source; declare it under sources:, or add a step before this one that outputs it.',
      file: 'dtflw.yaml',
      startLine: 9,
      startColumn: 22
    })
    expect(annotations.map((a) => a.startLine)).toEqual(
      Array.from({ length: 10 }, (_, i) => 9 + 3 * i)
    )
    expect(overflow).toEqual({
      level: 'notice',
      title: 'dtflw: more problems than GitHub shows',
      message:
        '15 more errors are not annotated (GitHub shows 10 of each per step): ' +
        'dtflw.yaml:39:22, dtflw.yaml:42:22, dtflw.yaml:45:22, dtflw.yaml:48:22, dtflw.yaml:51:22, …. ' +
        'Run `dtflw validate` to see every problem.'
    })
  })

  it('counts errors and warnings against their own quotas', () => {
    const { annotations, overflow } = planAnnotations(diagnosticsOf(12, 13))
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(10)
    expect(annotations.filter((a) => a.level === 'warning')).toHaveLength(10)
    expect(annotations.find((a) => a.level === 'warning')).toMatchObject({
      title: 'dtflw unused-source',
      file: 'dtflw.yaml',
      startLine: 4
    })
    expect(overflow?.message).toMatch(
      /^2 more errors and 3 more warnings are not annotated/
    )
  })

  it('needs no summary within the quotas, and puts problems without a place last', () => {
    const unplaced: Diagnostic = {
      severity: 'error',
      code: 'platform',
      summary: 'the workspace refused the token.'
    }
    const { annotations, overflow } = planAnnotations([
      unplaced,
      ...diagnosticsOf(2, 1)
    ])
    expect(overflow).toBeUndefined()
    expect(
      annotations.map(
        (a) => `${a.level} ${a.file ?? '-'}:${a.startLine ?? '-'}`
      )
    ).toEqual([
      'warning dtflw.yaml:4',
      'error dtflw.yaml:10',
      'error dtflw.yaml:13',
      'error -:-'
    ])
  })
})
