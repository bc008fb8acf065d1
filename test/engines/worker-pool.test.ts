import { describe, expect, it } from '@jest/globals'
import { planSqlSlots } from '../../src/engines/local/run-plan.js'
import { createWorkerPool } from '../../src/engines/worker-pool.js'
import type { PooledWorker } from '../../src/engines/worker-pool.js'
import { parseNotebook } from '../../src/notebooks/index.js'
import type { Notebook } from '../../src/notebooks/index.js'
import { planOf } from '../support/plan.js'

/** Stands in for a worker process: the pool only sees `alive` and `close`. */
class FakeWorker implements PooledWorker {
  alive = true
  closed = false
  close(): void {
    this.closed = true
    this.alive = false
  }
}

function countingPool(idleMs?: number) {
  const started: FakeWorker[] = []
  const pool = createWorkerPool(
    () => {
      const worker = new FakeWorker()
      started.push(worker)
      return worker
    },
    idleMs === undefined ? {} : { idleMs }
  )
  return { pool, started }
}

describe('a worker pool warmed before a run', () => {
  it('starts workers up to the count asked for, and hands them out before starting any other', () => {
    const { pool, started } = countingPool()
    pool.prewarm(2)
    expect(started).toHaveLength(2)
    const first = pool.acquire()
    const second = pool.acquire()
    expect(new Set([first, second])).toEqual(new Set(started))
    pool.acquire()
    expect(started).toHaveLength(3)
  })

  it('counts the idle live workers it has: warming again starts only what is missing', () => {
    const { pool, started } = countingPool()
    pool.prewarm(1)
    pool.prewarm(2)
    expect(started).toHaveLength(2)
    started[0].alive = false
    pool.prewarm(2)
    expect(started).toHaveLength(3)
  })

  it('lets warmed workers that no step took end after the idle time, and starts none once closed', async () => {
    const { pool, started } = countingPool(20)
    pool.prewarm(2)
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(started.every((w) => w.closed)).toBe(true)
    pool.close()
    pool.prewarm(3)
    expect(started).toHaveLength(2)
  })
})

describe('how many SQL workers a run warms', () => {
  const sql = (key: string): [string, Notebook] => [
    key,
    parseNotebook(
      '-- Databricks notebook source\nSELECT 1\n',
      `notebooks/${key}.sql`
    )
  ]
  const python = (key: string): [string, Notebook] => [
    key,
    parseNotebook(
      '# Databricks notebook source\nprint(1)\n',
      `notebooks/${key}.py`
    )
  ]
  // a, b and c run together; d after a.
  const plan = planOf({
    steps: [
      { notebook: 'notebooks/a.sql', outputs: ['ta'] },
      { notebook: 'notebooks/b.sql', outputs: ['tb'] },
      { notebook: 'notebooks/c.py', outputs: ['tc'] },
      { notebook: 'notebooks/d.sql', inputs: ['ta'], outputs: ['td'] }
    ]
  })

  it('is the most SQL steps that can run at once, bounded by the parallelism', () => {
    const notebooks = new Map([sql('a'), sql('b'), python('c'), sql('d')])
    expect(planSqlSlots(plan, notebooks, 4)).toBe(2)
    expect(planSqlSlots(plan, notebooks, 1)).toBe(1)
  })

  it('is none for a flow of Python notebooks', () => {
    const notebooks = new Map([
      python('a'),
      python('b'),
      python('c'),
      python('d')
    ])
    expect(planSqlSlots(plan, notebooks, 4)).toBe(0)
  })
})
