import { describe, expect, it } from '@jest/globals'
import { adjacencyOf, reachableFrom } from '../../src/flow/index.js'

describe('reachableFrom', () => {
  const edges = [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
    { from: 'a', to: 'c' },
    { from: 'x', to: 'c' }
  ]

  it('walks downstream and upstream from the start, start included', () => {
    const down = adjacencyOf(edges, 'downstream')
    const up = adjacencyOf(edges, 'upstream')
    expect([...reachableFrom(['b'], down)]).toEqual(['b', 'c'])
    expect([...reachableFrom(['c'], up)].sort()).toEqual(['a', 'b', 'c', 'x'])
  })

  it('follows a chain of 100,000 nodes without recursion', () => {
    const chain = Array.from({ length: 100000 }, (_, i) => ({
      from: `n${i}`,
      to: `n${i + 1}`
    }))
    expect(reachableFrom(['n0'], adjacencyOf(chain, 'downstream')).size).toBe(
      100001
    )
  })
})
