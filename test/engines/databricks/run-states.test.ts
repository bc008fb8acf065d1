import { describe, expect, it } from '@jest/globals'
import { standingOf } from '../../../src/engines/databricks/run-states.js'

describe('standingOf', () => {
  it('reads status where the API gives it, whatever the deprecated state says', () => {
    expect(
      standingOf({
        state: { life_cycle_state: 'RUNNING' },
        status: {
          state: 'TERMINATED',
          termination_details: {
            code: 'CLUSTER_ERROR',
            type: 'CLOUD_FAILURE',
            message: 'no capacity'
          }
        }
      })
    ).toEqual({
      started: true,
      terminal: true,
      outcome: 'failed',
      code: 'CLUSTER_ERROR',
      message: 'no capacity',
      blame: 'platform'
    })
    expect(
      standingOf({
        status: {
          state: 'TERMINATED',
          termination_details: {
            code: 'SUCCESS_WITH_FAILURES',
            type: 'SUCCESS'
          }
        }
      }).outcome
    ).toBe('succeeded')
    expect(
      standingOf({
        status: {
          state: 'TERMINATED',
          termination_details: { code: 'USER_CANCELED', type: 'SUCCESS' }
        }
      }).outcome
    ).toBe('cancelled')
    expect(standingOf({ status: { state: 'BLOCKED' } })).toEqual({
      started: false,
      terminal: false
    })
    expect(standingOf({ status: { state: 'QUEUED' } }).started).toBe(false)
    expect(standingOf({ status: { state: 'PENDING' } }).started).toBe(true)
  })

  it('falls back to state when there is no status', () => {
    expect(
      standingOf({
        state: { life_cycle_state: 'TERMINATED', result_state: 'TIMEDOUT' }
      })
    ).toMatchObject({ terminal: true, outcome: 'failed', code: 'TIMEDOUT' })
    expect(
      standingOf({
        state: { life_cycle_state: 'SKIPPED', result_state: 'UPSTREAM_FAILED' }
      }).outcome
    ).toBe('skipped')
    expect(
      standingOf({ state: { life_cycle_state: 'INTERNAL_ERROR' } })
    ).toMatchObject({ outcome: 'failed', blame: 'platform' })
  })
})
