import { describe, expect, it } from '@jest/globals'
import { createMasker } from '../../src/diagnostics/index.js'
import {
  boundStepEvent,
  boundStepResult,
  ERROR_MESSAGE_KEPT,
  EXIT_VALUE_KEPT
} from '../../src/report/index.js'
import type { StepResult } from '../../src/report/index.js'

const SECRET = 'canary-0f9e8d7c'
const mask = createMasker([SECRET]).mask

const result = (extra: Partial<StepResult>): StepResult => ({
  key: 'load',
  notebook: 'nb/load.py',
  status: 'failed',
  attempt: 1,
  parameters: { token: SECRET },
  reads: [],
  writes: [],
  ...extra
})

describe('boundStepResult', () => {
  it('masks what the notebook wrote, and keeps what it received for the run', () => {
    const bounded = boundStepResult(
      result({
        exitValue: `got ${SECRET}`,
        error: {
          kind: 'notebook',
          message: `ValueError: ${SECRET}`,
          detail: `Traceback\n  ${SECRET}`
        },
        output: `printing ${SECRET}`
      }),
      mask
    )
    expect(bounded).toMatchObject({
      exitValue: 'got ***',
      error: { message: 'ValueError: ***', detail: 'Traceback\n  ***' },
      output: 'printing ***'
    })
    // Parameters are masked where they are written, not here.
    expect(bounded.parameters.token).toBe(SECRET)
  })

  it('keeps the first 64 KiB of a 5 MB exit value and its whole length', () => {
    const huge = `${SECRET}${'x'.repeat(5 * 1024 * 1024)}`
    const bounded = boundStepResult(result({ exitValue: huge }), mask)
    expect(bounded.exitValue).toHaveLength(EXIT_VALUE_KEPT)
    expect(bounded.exitValue!.startsWith('***x')).toBe(true)
    expect(bounded.exitValueLength).toBe(huge.length)
    // Bounding twice changes nothing.
    expect(boundStepResult(bounded, mask)).toEqual(bounded)
  })

  it('cuts a long error message, saying how much, and keeps the end of a traceback', () => {
    const bounded = boundStepResult(
      result({
        error: {
          kind: 'notebook',
          message: 'm'.repeat(ERROR_MESSAGE_KEPT + 10),
          detail: `${'frame\n'.repeat(20_000)}ValueError: the cause`
        }
      }),
      mask
    )
    expect(bounded.error!.message).toBe(
      `${'m'.repeat(ERROR_MESSAGE_KEPT)}… (10 more characters)`
    )
    expect(bounded.error!.detail!.endsWith('ValueError: the cause')).toBe(true)
    expect(bounded.error!.detail!.startsWith('… (')).toBe(true)
  })
})

describe('boundStepEvent', () => {
  it('masks and bounds a line of output', () => {
    const event = boundStepEvent(
      {
        type: 'step-log',
        key: 'load',
        at: '2026-01-01T00:00:00.000Z',
        line: `${SECRET} ${'y'.repeat(100_000)}`
      },
      mask
    )
    expect(event.type === 'step-log' && event.line).toMatch(
      /^\*\*\* y+… \(91,\d{3} more characters\)$/
    )
  })
})
