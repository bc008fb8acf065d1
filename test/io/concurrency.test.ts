import { setTimeout as delay } from 'node:timers/promises'
import { describe, expect, it } from '@jest/globals'
import { mapLimit } from '../../src/io/index.js'

/** Counts calls in flight and remembers the most seen at once. */
function gauge() {
  let now = 0
  let most = 0
  const started: number[] = []
  return {
    started,
    get most() {
      return most
    },
    async track<T>(index: number, work: () => Promise<T>): Promise<T> {
      started.push(index)
      most = Math.max(most, ++now)
      try {
        return await work()
      } finally {
        now--
      }
    }
  }
}

describe('mapLimit', () => {
  it('never has more than the limit in flight, and uses all of it', async () => {
    const g = gauge()
    const items = Array.from({ length: 12 }, (_, i) => i)
    await mapLimit(items, 3, (item) =>
      g.track(item, () => delay(item % 2 === 0 ? 5 : 15))
    )
    expect(g.most).toBe(3)
    expect(g.started.sort((a, b) => a - b)).toEqual(items)
  })

  it('returns results in the order of the items, not of completion', async () => {
    const waits = [30, 1, 20, 5, 10]
    const results = await mapLimit(waits, 5, async (ms, index) => {
      await delay(ms)
      return `${index}:${ms}`
    })
    expect(results).toEqual(['0:30', '1:1', '2:20', '3:5', '4:10'])
  })

  it('rejects with the first error and starts nothing after it', async () => {
    const g = gauge()
    const items = Array.from({ length: 10 }, (_, i) => i)
    const failing = mapLimit(items, 2, (item) =>
      g.track(item, async () => {
        await delay(5)
        if (item === 3) throw new Error(`upload ${item} failed`)
        return item
      })
    )
    await expect(failing).rejects.toThrow('upload 3 failed')
    // Items 0-3 ran; 4 may have started beside 3; nothing later did.
    expect(Math.max(...g.started)).toBeLessThanOrEqual(4)
  })

  it('lets calls already started settle before it rejects', async () => {
    const settled: number[] = []
    const failing = mapLimit([0, 1], 2, async (item) => {
      if (item === 0) throw new Error('first fails at once')
      await delay(20)
      settled.push(item)
      return item
    })
    await expect(failing).rejects.toThrow('first fails at once')
    // Nothing is still writing once the caller hears of the failure.
    expect(settled).toEqual([1])
  })

  it('handles no items, a limit above the count and a limit below one', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([])
    expect(
      await mapLimit(['a', 'b'], 99, async (s) => s.toUpperCase())
    ).toEqual(['A', 'B'])
    const g = gauge()
    const ran = await mapLimit([1, 2, 3], 0, (n) =>
      g.track(n, async () => n * 2)
    )
    expect(ran).toEqual([2, 4, 6])
    expect(g.most).toBe(1)
  })
})
