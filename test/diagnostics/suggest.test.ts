import { describe, expect, it } from '@jest/globals'
import { didYouMean, suggest } from '../../src/diagnostics/index.js'

describe('suggest', () => {
  it('offers the closest name for a typo', () => {
    expect(suggest('orders_bronz', ['orders_bronze', 'customers'])).toBe(
      'orders_bronze'
    )
  })
  it('offers nothing when no name is close', () => {
    expect(didYouMean('zzz', ['orders_bronze', 'customers'])).toBe('')
  })
})
