import { describe, expect, it } from '@jest/globals'
import {
  parseRateLimits,
  readDatabricksTuning
} from '../../../src/engines/databricks/tuning.js'

describe('DTFLW_DATABRICKS_* tuning', () => {
  it('paces by the published limits unless told, per endpoint, default or in total', () => {
    expect(readDatabricksTuning({}).rateLimits).toEqual({
      endpoints: {
        'workspace/import': 30,
        'workspace/export': 60,
        'jobs/runs/submit': 35,
        'jobs/runs/get': 100
      },
      default: 100
    })
    expect(parseRateLimits('workspace/import=10, default=50')).toMatchObject({
      endpoints: { 'workspace/import': 10, 'jobs/runs/get': 100 },
      default: 50
    })
    expect(parseRateLimits('15').total).toBe(15)
    expect(parseRateLimits('total=7.5').total).toBe(7.5)
  })

  it('refuses what cannot be a rate, and switching pacing off', () => {
    for (const bad of ['0', 'workspace/import=0', 'import=5', 'fast'])
      expect(() => parseRateLimits(bad)).toThrow(/DTFLW_DATABRICKS_RATE_LIMIT/)
    expect(() => parseRateLimits('0')).toThrow(/cannot be switched off/)
  })

  it('reads the retry budget, uploads, polls and tasks per run', () => {
    expect(
      readDatabricksTuning({
        DTFLW_DATABRICKS_RETRY_BUDGET: '90s',
        DTFLW_DATABRICKS_UPLOADS: '4',
        DTFLW_DATABRICKS_POLL_MS: '50',
        DTFLW_DATABRICKS_MAX_TASKS: '5000'
      })
    ).toMatchObject({
      retryBudgetMs: 90_000,
      uploads: 4,
      pollMs: 50,
      // Never above what the Jobs API holds.
      maxTasks: 1000
    })
    expect(
      readDatabricksTuning({ DTFLW_DATABRICKS_RETRY_BUDGET: '2m' })
        .retryBudgetMs
    ).toBe(120_000)
    expect(() =>
      readDatabricksTuning({ DTFLW_DATABRICKS_RETRY_BUDGET: 'long' })
    ).toThrow('DTFLW_DATABRICKS_RETRY_BUDGET must be a duration')
    expect(() =>
      readDatabricksTuning({ DTFLW_DATABRICKS_MAX_TASKS: '0' })
    ).toThrow('DTFLW_DATABRICKS_MAX_TASKS must be a whole number of at least 1')
  })
})
