import { describe, expect, it } from '@jest/globals'
import { planLockTakeover } from '../../../src/engines/databricks/lock.js'

describe('planLockTakeover', () => {
  const now = new Date('2026-12-07T10:00:00Z')
  const held = {
    id: 'x',
    owner: 'octo (GitHub shop/sales run 9 attempt 1)',
    ciRun: 'shop/sales run 9',
    attempt: 1,
    acquiredAt: '2026-12-07T09:59:00Z',
    expiresAt: '2026-12-07T10:14:00Z'
  }
  it('takes over an expired lock, an earlier attempt of the same CI run, or when forced', () => {
    expect(
      planLockTakeover(
        { ...held, expiresAt: '2026-12-07T09:59:59Z' },
        { owner: 'me' },
        now,
        false
      )
    ).toBe('expired')
    expect(
      planLockTakeover(
        held,
        { owner: 'octo', ciRun: 'shop/sales run 9', attempt: 2 },
        now,
        false
      )
    ).toBe('rerun')
    expect(planLockTakeover(held, { owner: 'me' }, now, true)).toBe('forced')
    expect(planLockTakeover(undefined, { owner: 'me' }, now, false)).toBe(
      'unreadable'
    )
  })

  it('refuses a live lock of someone else, another run, or the same attempt', () => {
    expect(planLockTakeover(held, { owner: 'me' }, now, false)).toBe(undefined)
    expect(
      planLockTakeover(
        held,
        { owner: 'octo', ciRun: 'shop/sales run 10', attempt: 2 },
        now,
        false
      )
    ).toBe(undefined)
    expect(
      planLockTakeover(
        held,
        { owner: 'octo', ciRun: 'shop/sales run 9', attempt: 1 },
        now,
        false
      )
    ).toBe(undefined)
  })
})
