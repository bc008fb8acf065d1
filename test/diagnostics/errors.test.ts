import { describe, expect, it } from '@jest/globals'
import {
  dedupeDiagnostics,
  errorAt,
  ExitCode,
  InternalError,
  InvalidConfigError,
  warningAt
} from '../../src/diagnostics/index.js'

describe('exit codes', () => {
  it('gives a bug in dtflw its own code, 70, apart from bad input (2)', () => {
    expect(new InternalError('x').exitCode).toBe(70)
    expect(ExitCode.Internal).toBe(70)
    expect(new InvalidConfigError([]).exitCode).toBe(2)
  })
})

describe('dedupeDiagnostics', () => {
  const at = { file: 'profiles/base.yaml', line: 3, column: 9 }

  it('keeps the first of diagnostics that say the same thing at the same place', () => {
    const a = errorAt('invalid-value', 'engine is wrong.', at)
    expect(
      dedupeDiagnostics([
        a,
        errorAt('invalid-value', 'engine is wrong.', { ...at }),
        errorAt('invalid-value', 'engine is wrong.', { ...at, line: 4 }),
        warningAt('invalid-value', 'engine is wrong.', at, { detail: 'x' })
      ])
    ).toHaveLength(3)
  })
})
