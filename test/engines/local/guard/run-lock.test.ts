import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'
import { RefusedError } from '../../../../src/diagnostics/index.js'
import { acquireRunLock } from '../../../../src/engines/local/guard/run-lock.js'
import { planOf } from '../../../support/plan.js'
import {
  makeRepo,
  removeRepo,
  runLocal,
  sqlNotebook
} from '../../support/repo.js'

const now = () => new Date('2024-01-02T03:04:05Z')

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!
}

describe('the run lock of a table root', () => {
  let root: string
  beforeEach(async () => {
    root = await makeRepo({})
  })
  afterEach(() => removeRepo(root))

  it('refuses a second holder at once, naming the first', async () => {
    const first = await acquireRunLock(root, { runId: 'one', waitMs: 0, now })
    const second = acquireRunLock(root, { runId: 'two', waitMs: 0, now })
    await expect(second).rejects.toThrow(RefusedError)
    await expect(second).rejects.toThrow(
      `the tables under ${root} are in use by run one (pid ${process.pid} on ${hostname()}, since 2024-01-02T03:04:05.000Z): one run per profile at a time. Wait for it to finish, or run again with --wait <seconds>.`
    )
    await first.release()
  })

  it('lets a second run wait for the first', async () => {
    const first = await acquireRunLock(root, { runId: 'one', waitMs: 0, now })
    setTimeout(() => void first.release(), 300)
    const started = Date.now()
    const second = await acquireRunLock(root, {
      runId: 'two',
      waitMs: 5000,
      pollMs: 50,
      now
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    await second.release()
  })

  it('refuses a run whose table root holds, or lies in, a root in use', async () => {
    const inner = path.join(root, 'data/dev')
    const first = await acquireRunLock(inner, { runId: 'dev', waitMs: 0, now })
    const outer = acquireRunLock(root, { runId: 'all', waitMs: 0, now })
    await expect(outer).rejects.toThrow(RefusedError)
    await expect(outer).rejects.toThrow(
      `the tables under ${root} and under ${inner} hold one another, and those are in use by run dev (pid ${process.pid} on ${hostname()}, since 2024-01-02T03:04:05.000Z): runs whose table roots nest cannot run at once.`
    )
    // The refused run gave its own lock back.
    await expect(stat(path.join(root, '.dtflw.lock'))).rejects.toThrow()
    await first.release()
    const all = await acquireRunLock(root, { runId: 'all', waitMs: 0, now })
    await expect(
      acquireRunLock(path.join(inner, 'deeper'), {
        runId: 'deeper',
        waitMs: 0,
        now
      })
    ).rejects.toThrow(/in use by run all .*runs whose table roots nest/)
    await all.release()
  })

  it('a run does not remove the live staging of a run whose root lies in its own', async () => {
    await writeFile(
      path.join(root, 'make.sql'),
      sqlNotebook('CREATE TABLE IDENTIFIER(:t_out) AS SELECT 1 AS x')
    )
    const inner = path.join(root, 'out/dev')
    const staging = path.join(inner, 'make/.dtflw-staging-live')
    await mkdir(staging, { recursive: true })
    const held = await acquireRunLock(inner, { runId: 'dev', waitMs: 0, now })
    try {
      // Refused before any step, with a report that says why.
      const report = await runLocal(
        root,
        planOf({
          steps: [{ notebook: 'make.sql', outputs: ['t'] }],
          tables: { layout: 'path', root: 'out' }
        }),
        undefined,
        { tablesRoot: 'out' }
      )
      expect(report.stopped?.reason).toMatch(
        /runs whose table roots nest cannot run at once/
      )
      expect(report.steps.map((s) => s.status)).toEqual(['pending'])
      await stat(staging)
    } finally {
      await held.release()
    }
  })

  it('takes over a lock whose holder was killed', async () => {
    await writeFile(
      path.join(root, '.dtflw.lock'),
      JSON.stringify({
        pid: deadPid(),
        host: hostname(),
        runId: 'killed',
        startedAt: 'x'
      })
    )
    const lock = await acquireRunLock(root, { runId: 'next', waitMs: 0, now })
    await lock.release()
    await expect(stat(path.join(root, '.dtflw.lock'))).rejects.toThrow()
  })

  it('a run removes the staging and work folders a killed run left', async () => {
    const staging = path.join(root, 'out/make/.dtflw-staging-abc123')
    const work = path.join(root, '.dtflw/runs/old/work')
    await mkdir(staging, { recursive: true })
    await mkdir(path.join(work, 'make'), { recursive: true })
    await writeFile(
      path.join(work, '.owner'),
      JSON.stringify({
        pid: deadPid(),
        host: hostname(),
        runId: 'old',
        startedAt: 'x'
      })
    )
    await writeFile(
      path.join(root, 'make.sql'),
      sqlNotebook('CREATE TABLE IDENTIFIER(:t_out) AS SELECT 1 AS x')
    )
    const report = await runLocal(
      root,
      planOf({
        steps: [{ notebook: 'make.sql', outputs: ['t'] }],
        tables: { layout: 'path', root: 'out' }
      })
    )
    expect(report.status).toBe('succeeded')
    await expect(stat(staging)).rejects.toThrow()
    await expect(stat(work)).rejects.toThrow()
    expect(await readdir(path.join(root, '.dtflw/runs/old'))).toEqual([])
  })
})
