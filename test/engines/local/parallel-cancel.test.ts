import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { readRunReport } from '../../../src/report/index.js'
import type { RunReport, StepResult } from '../../../src/report/index.js'
import { planOf } from '../../support/plan.js'
import {
  makeRepo,
  pyNotebook,
  removeRepo,
  runLocal,
  runOptions,
  sqlNotebook
} from '../support/repo.js'

const sources = { raw: { path: 'data/raw.csv', format: 'csv' } }

const steps = (report: RunReport) =>
  Object.fromEntries(report.steps.map((s) => [s.key, s]))

const span = (s: StepResult) => [
  Date.parse(s.startedAt!),
  Date.parse(s.finishedAt!)
]

const overlap = (a: StepResult, b: StepResult) => {
  const [a0, a1] = span(a)
  const [b0, b1] = span(b)
  return a0 < b1 && b0 < a1
}

/** Resolves once `file` exists (the notebook got going). */
async function waitForFile(file: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const text = await readFile(file, 'utf8').catch(() => undefined)
    if (text) return text
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`${file} never appeared`)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('running the plan', () => {
  let root: string
  beforeEach(async () => {
    root = await makeRepo({
      'data/raw.csv': 'id\n1\n2\n',
      'notebooks/load_a.sql': sqlNotebook(
        'CREATE TABLE IDENTIFIER(:ta_out) AS SELECT * FROM IDENTIFIER(:raw_in)'
      ),
      'notebooks/load_b.sql': sqlNotebook(
        'CREATE TABLE IDENTIFIER(:tb_out) AS SELECT * FROM IDENTIFIER(:raw_in)'
      ),
      'notebooks/wait_a.py': pyNotebook('import time\ntime.sleep(0.4)'),
      'notebooks/wait_b.py': pyNotebook('import time\ntime.sleep(0.4)'),
      'notebooks/slow.py': pyNotebook(
        [
          'import os, time',
          'with open("slow.pid", "w") as f:',
          '    f.write(str(os.getpid()))',
          'time.sleep(30)'
        ].join('\n')
      ),
      'notebooks/heavy.sql': sqlNotebook(
        'CREATE TABLE IDENTIFIER(:h_out) AS SELECT sum(hash(i)) AS s FROM range(100000000000) r(i)'
      ),
      'notebooks/after.sql': sqlNotebook('SELECT * FROM IDENTIFIER(:h_in)'),
      'notebooks/broken.sql': sqlNotebook('SELECT * FROM nowhere')
    })
  })
  afterEach(() => removeRepo(root))

  const branches = planOf({
    steps: [
      { notebook: 'notebooks/load_a.sql', inputs: ['raw'], outputs: ['ta'] },
      { notebook: 'notebooks/wait_a.py', inputs: ['ta'] },
      { notebook: 'notebooks/load_b.sql', inputs: ['raw'], outputs: ['tb'] },
      { notebook: 'notebooks/wait_b.py', inputs: ['tb'] }
    ],
    sources
  })

  it('runs independent branches side by side, each step after its inputs', async () => {
    const report = await runLocal(
      root,
      branches,
      runOptions({ parallelism: 2 })
    )
    const s = steps(report)
    expect(report.status).toBe('succeeded')
    expect(overlap(s.wait_a, s.wait_b)).toBe(true)
    expect(span(s.wait_a)[0]).toBeGreaterThanOrEqual(span(s.load_a)[1])
    expect(span(s.wait_b)[0]).toBeGreaterThanOrEqual(span(s.load_b)[1])
  })

  it('runs one step at a time with parallelism 1', async () => {
    const report = await runLocal(
      root,
      branches,
      runOptions({ parallelism: 1 })
    )
    const s = steps(report)
    expect(overlap(s.wait_a, s.wait_b)).toBe(false)
  })

  const stoppable = planOf({
    steps: [
      { notebook: 'notebooks/slow.py' },
      { notebook: 'notebooks/heavy.sql', outputs: ['h'] },
      { notebook: 'notebooks/after.sql', inputs: ['h'] },
      { notebook: 'notebooks/load_a.sql', inputs: ['raw'], outputs: ['ta'] }
    ],
    sources
  })

  it('cancels cleanly on abort: kills python3, interrupts DuckDB, reports', async () => {
    const controller = new AbortController()
    const started = Date.now()
    const running = runLocal(
      root,
      stoppable,
      runOptions({ parallelism: 2, signal: controller.signal, runId: 'stop' })
    )
    const pid = Number(await waitForFile(path.join(root, 'slow.pid')))
    controller.abort()
    const report = await running
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(report.status).toBe('cancelled')
    expect(report.steps.map((s) => [s.key, s.status])).toEqual([
      ['slow', 'cancelled'],
      ['heavy', 'cancelled'],
      ['after', 'skipped'],
      ['load_a', 'pending']
    ])
    expect(steps(report).after.skippedBecause).toBe('heavy')
    expect(report.resume).toBe('slow,heavy+,load_a')
    expect(alive(pid)).toBe(false)
    expect(
      await readRunReport(path.join(root, '.dtflw/runs/stop/report.json'))
    ).toEqual(report)
    const left = await readdir(path.join(root, '.dtflw/data'), {
      recursive: true
    })
    expect(left.filter((e) => e.includes('.dtflw-staging-'))).toEqual([])
  })

  it('with failFast stops the running steps at the first failure', async () => {
    const plan = planOf({
      steps: [
        { notebook: 'notebooks/slow.py' },
        { notebook: 'notebooks/broken.sql' },
        { notebook: 'notebooks/load_a.sql', inputs: ['raw'], outputs: ['ta'] }
      ],
      sources
    })
    const report = await runLocal(
      root,
      plan,
      runOptions({ parallelism: 2, failFast: true })
    )
    expect(report.status).toBe('failed')
    expect(report.steps.map((s) => [s.key, s.status])).toEqual([
      ['slow', 'cancelled'],
      ['broken', 'failed'],
      ['load_a', 'pending']
    ])
  })
})
