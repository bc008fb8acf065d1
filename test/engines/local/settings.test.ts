import { describe, expect, it } from '@jest/globals'
import { UsageError } from '../../../src/diagnostics/index.js'
import { readLocalEngineSettings } from '../../../src/engines/local/index.js'
import type { ResolvedProfile } from '../../../src/profiles/index.js'
import { pathLayout, profileOf } from '../../support/profiles.js'

/** A local profile with these values, each found at line 4 of its file. */
function profileWith(
  values: Record<string, unknown>,
  tables = pathLayout('.dtflw/data')
): ResolvedProfile {
  return {
    ...profileOf(tables, { name: 'dev' }),
    values,
    locate: () => ({ file: 'profiles/dev.yaml', line: 4, column: 10 })
  }
}

describe('the local engine’s settings, read once from the profile and the environment', () => {
  it('a profile that says nothing: python3 resolved, sandbox standard, no timeout, the table root locked', () => {
    const env = { HOME: '/home/u' }
    expect(readLocalEngineSettings(profileWith({}), env)).toEqual({
      python: { command: 'python3', resolve: true },
      sandbox: 'standard',
      tablesRoot: '.dtflw/data',
      env
    })
  })

  it('the profile’s python:, sandbox: and timeout_seconds; DTFLW_PYTHON wins over python:', () => {
    const values = { python: 'py3.12', sandbox: 'strict', timeout_seconds: 90 }
    expect(readLocalEngineSettings(profileWith(values), {})).toMatchObject({
      python: { command: 'py3.12', resolve: false },
      sandbox: 'strict',
      timeoutSeconds: 90
    })
    expect(
      readLocalEngineSettings(profileWith(values), {
        DTFLW_PYTHON: '/opt/py/bin/python'
      }).python
    ).toEqual({ command: '/opt/py/bin/python', resolve: false })
  })

  it('timeout_seconds 0 is no timeout, and a catalog profile locks its catalog’s warehouse folder', () => {
    const settings = readLocalEngineSettings(
      profileWith(
        { timeout_seconds: 0 },
        { layout: 'catalog', catalog: 'sales', schema: 'silver' }
      ),
      {}
    )
    expect(settings.timeoutSeconds).toBeUndefined()
    expect(settings.tablesRoot).toBe('.dtflw/warehouse/sales')
  })

  it('a value of the wrong type is a usage error at its file and line', () => {
    const read = (): unknown =>
      readLocalEngineSettings(profileWith({ sandbox: 'loose' }), {})
    expect(read).toThrow(UsageError)
    expect(read).toThrow(
      'sandbox of profile "dev" must be standard or strict, got "loose".'
    )
    try {
      read()
    } catch (error) {
      expect((error as UsageError).diagnostics[0].location).toEqual({
        file: 'profiles/dev.yaml',
        line: 4,
        column: 10
      })
    }
  })
})
