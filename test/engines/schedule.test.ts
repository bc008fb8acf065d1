import { describe, expect, it } from '@jest/globals'
import { selectSteps } from '../../src/flow/index.js'
import type { PlannedStep } from '../../src/flow/index.js'
import { runReady } from '../../src/engines/schedule.js'
import type { StepResult, StepStatus } from '../../src/report/types.js'
import { planOf } from '../support/plan.js'

/**
 * a → b → c, and d → e independent of them:
 *   a:x  b:x→y  c:y→z   d:p  e:p→q
 */
const plan = planOf({
  steps: [
    { notebook: 'n/a.sql', outputs: ['x'] },
    { notebook: 'n/b.sql', inputs: ['x'], outputs: ['y'] },
    { notebook: 'n/c.sql', inputs: ['y'], outputs: ['z'] },
    { notebook: 'n/d.sql', outputs: ['p'] },
    { notebook: 'n/e.sql', inputs: ['p'], outputs: ['q'] }
  ]
})

function result(step: PlannedStep, status: StepStatus): StepResult {
  return {
    key: step.key,
    notebook: step.notebook,
    status,
    attempt: 1,
    parameters: step.parameters,
    reads: [],
    writes: []
  }
}

/** A fake step runner: each step takes `ms`, ends with `outcome[key]`. */
function fake(
  outcome: Record<string, StepStatus | 'throw' | 'hang'> = {},
  ms = 10
) {
  const log: string[] = []
  let running = 0
  let peak = 0
  const execute = async (step: PlannedStep, signal: AbortSignal) => {
    log.push(`start ${step.key}`)
    running++
    peak = Math.max(peak, running)
    try {
      const what = outcome[step.key] ?? 'succeeded'
      if (what === 'throw') throw new Error('boom')
      const wait = what === 'hang' ? 60_000 : ms
      const aborted = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), wait)
        signal.addEventListener('abort', () => {
          clearTimeout(timer)
          resolve(true)
        })
      })
      return result(step, aborted ? 'cancelled' : (what as StepStatus))
    } finally {
      running--
      log.push(`end ${step.key}`)
    }
  }
  return { execute, log, peak: () => peak }
}

const statuses = (results: readonly StepResult[]) =>
  Object.fromEntries(results.map((r) => [r.key, r.status]))

describe('runReady', () => {
  it('runs every step once, a step only after its dependencies', async () => {
    const f = fake()
    const results = await runReady(plan, f.execute, { concurrency: 4 })
    expect(statuses(results)).toEqual({
      a: 'succeeded',
      b: 'succeeded',
      c: 'succeeded',
      d: 'succeeded',
      e: 'succeeded'
    })
    expect(f.log.indexOf('end a')).toBeLessThan(f.log.indexOf('start b'))
    expect(f.log.indexOf('end b')).toBeLessThan(f.log.indexOf('start c'))
    expect(f.log.indexOf('end d')).toBeLessThan(f.log.indexOf('start e'))
    // a and d have no dependencies: both start before either ends.
    expect(f.log.slice(0, 2).sort()).toEqual(['start a', 'start d'])
  })

  it('never runs more than `concurrency` steps at once', async () => {
    const wide = planOf({
      steps: Array.from({ length: 6 }, (_, i) => ({ notebook: `n/s${i}.sql` }))
    })
    const f = fake({}, 20)
    await runReady(wide, f.execute, { concurrency: 2 })
    expect(f.peak()).toBe(2)
    const g = fake({}, 20)
    await runReady(wide, g.execute, { concurrency: 1 })
    expect(g.peak()).toBe(1)
  })

  it('skips the dependents of a failed step and goes on with other branches', async () => {
    const f = fake({ a: 'failed' })
    const results = await runReady(plan, f.execute, { concurrency: 2 })
    expect(statuses(results)).toEqual({
      a: 'failed',
      b: 'skipped',
      c: 'skipped',
      d: 'succeeded',
      e: 'succeeded'
    })
    // Transitive skips name the step at the root of the failure.
    expect(results.find((r) => r.key === 'c')?.skippedBecause).toBe('a')
    expect(f.log).not.toContain('start b')
  })

  it('treats a lazily skipped dependency as done', async () => {
    const f = fake({ a: 'lazy' })
    const results = await runReady(plan, f.execute, { concurrency: 2 })
    expect(statuses(results).b).toBe('succeeded')
  })

  it('reports a step runner that throws as a failed step', async () => {
    const f = fake({ d: 'throw' })
    const results = await runReady(plan, f.execute, { concurrency: 2 })
    const d = results.find((r) => r.key === 'd')!
    expect(d.status).toBe('failed')
    expect(d.error).toEqual({
      kind: 'engine',
      message: 'step "d" could not be run: boom'
    })
    expect(statuses(results).e).toBe('skipped')
  })

  it('with failFast cancels running steps and starts nothing more', async () => {
    const f = fake({ a: 'failed', d: 'hang' }, 30)
    const results = await runReady(plan, f.execute, {
      concurrency: 2,
      failFast: true
    })
    expect(statuses(results)).toEqual({
      a: 'failed',
      b: 'skipped',
      c: 'skipped',
      d: 'cancelled',
      e: 'skipped'
    })
    expect(results.find((r) => r.key === 'e')?.skippedBecause).toBe('d')
  })

  it('stops on abort: running steps cancelled, the rest pending or skipped', async () => {
    const controller = new AbortController()
    const f = fake({ a: 'hang' })
    setTimeout(() => controller.abort(), 50)
    const results = await runReady(plan, f.execute, {
      concurrency: 1,
      signal: controller.signal
    })
    expect(statuses(results)).toEqual({
      a: 'cancelled',
      b: 'skipped',
      c: 'skipped',
      d: 'pending',
      e: 'pending'
    })
  })

  it('starts nothing when the signal is already aborted', async () => {
    const f = fake()
    const results = await runReady(plan, f.execute, {
      concurrency: 2,
      signal: AbortSignal.abort()
    })
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['pending']))
    expect(f.log).toEqual([])
  })

  it('tells the caller about every start and every result once', async () => {
    const started: string[] = []
    const settled: string[] = []
    await runReady(plan, fake({ b: 'failed' }).execute, {
      concurrency: 2,
      onStart: (s) => started.push(s.key),
      onResult: (r) => settled.push(`${r.key}:${r.status}`)
    })
    expect(started.sort()).toEqual(['a', 'b', 'd', 'e'])
    expect(settled.sort()).toEqual([
      'a:succeeded',
      'b:failed',
      'c:skipped',
      'd:succeeded',
      'e:succeeded'
    ])
  })

  it('runs a selected step whose producer the selection left out', async () => {
    const selected = selectSteps(plan, ['b', 'c', 'd', 'e'])
    const results = await runReady(selected, fake().execute, { concurrency: 2 })
    expect(statuses(results)).toEqual({
      b: 'succeeded',
      c: 'succeeded',
      d: 'succeeded',
      e: 'succeeded'
    })
  })

  it('never waits forever on a dependency that is not in the plan', async () => {
    // A selection drops such edges; a plan cut another way (a report's
    // plan, a future command) must still run, not hang the CI job.
    const cut = { ...plan, steps: plan.steps.filter((s) => s.key !== 'a') }
    expect(cut.steps.find((s) => s.key === 'b')?.dependsOn).toEqual(['a'])
    const results = await runReady(cut, fake().execute, { concurrency: 2 })
    expect(statuses(results)).toEqual({
      b: 'succeeded',
      c: 'succeeded',
      d: 'succeeded',
      e: 'succeeded'
    })
  })

  it('returns results in plan order whatever order steps end in', async () => {
    const results = await runReady(plan, fake().execute, { concurrency: 5 })
    expect(results.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })
})
