import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  buildRunReport,
  createEventLog,
  notRunResult,
  planResume,
  readEventLog,
  readLatestRunReport,
  readRunReport,
  writeRunReport
} from '../../src/report/index.js'
import type { StepResult, StepStatus } from '../../src/report/index.js'
import { planOf } from '../support/plan.js'

// a → b → c ; a → d ; e
const plan = planOf({
  steps: [
    { notebook: 'n/a.sql', outputs: ['x'] },
    { notebook: 'n/b.sql', inputs: ['x'], outputs: ['y'] },
    { notebook: 'n/c.sql', inputs: ['y'] },
    { notebook: 'n/d.sql', inputs: ['x'] },
    { notebook: 'n/e.sql' }
  ]
})

function results(statuses: Record<string, StepStatus>): StepResult[] {
  return plan.steps.map((step) =>
    notRunResult(step, statuses[step.key] ?? 'succeeded')
  )
}

describe('planResume', () => {
  it('is undefined when everything finished well', () => {
    expect(planResume(plan, results({ a: 'lazy' }))).toBeUndefined()
  })

  it('selects a failed step with its downstream as key+', () => {
    expect(
      planResume(
        plan,
        results({ a: 'failed', b: 'skipped', c: 'skipped', d: 'skipped' })
      )
    ).toBe('a+')
  })

  it('names steps one by one where part of the downstream succeeded', () => {
    expect(
      planResume(
        plan,
        results({ a: 'failed', b: 'skipped', c: 'skipped', e: 'pending' })
      )
    ).toBe('a,b+,e')
  })
})

describe('buildRunReport', () => {
  const base = {
    plan,
    runId: 'r1',
    toolVersion: '1.2.3',
    startedAt: new Date('2024-01-02T03:04:05.000Z'),
    finishedAt: new Date('2024-01-02T03:04:07.500Z')
  }

  it('orders steps as planned, fills pending ones and computes status', () => {
    const steps = results({}).reverse().slice(0, 3)
    const report = buildRunReport({ ...base, steps, cancelled: false })
    expect(report.steps.map((s) => [s.key, s.status])).toEqual([
      ['a', 'pending'],
      ['b', 'pending'],
      ['c', 'succeeded'],
      ['d', 'succeeded'],
      ['e', 'succeeded']
    ])
    expect(report).toMatchObject({
      schemaVersion: 1,
      status: 'failed',
      durationMs: 2500,
      startedAt: '2024-01-02T03:04:05.000Z',
      resume: 'a,b'
    })
  })

  it('says succeeded or cancelled', () => {
    expect(
      buildRunReport({ ...base, steps: results({}), cancelled: false }).status
    ).toBe('succeeded')
    expect(
      buildRunReport({ ...base, steps: results({}), cancelled: true }).status
    ).toBe('cancelled')
  })
})

describe('report files', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dtflw-report-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('writes report.json and latest, and reads them back', async () => {
    expect(await readLatestRunReport(dir)).toBeUndefined()
    const report = buildRunReport({
      plan,
      runId: 'run-7',
      toolVersion: '1',
      startedAt: new Date(0),
      finishedAt: new Date(1),
      steps: results({}),
      cancelled: false
    })
    const file = await writeRunReport(dir, report)
    expect(file).toBe(path.join(dir, 'run-7', 'report.json'))
    expect(await readFile(path.join(dir, 'latest'), 'utf8')).toBe('run-7\n')
    expect(await readRunReport(file)).toEqual(report)
    expect(await readLatestRunReport(dir)).toEqual(report)
  })

  it('refuses a file that is not a run report, saying why', async () => {
    const file = path.join(dir, 'other.json')
    await writeFile(file, '{"hello": 1}')
    await expect(readRunReport(file)).rejects.toThrow(
      `${file} is not a dtflw run report (schemaVersion 1 with runId and steps); pass the report.json of a run.`
    )
    await expect(readRunReport(path.join(dir, 'none.json'))).rejects.toThrow(
      'the file does not exist'
    )
  })

  it('appends events as JSON lines, in order', async () => {
    const file = path.join(dir, 'r', 'events.jsonl')
    const log = await createEventLog(file)
    for (let i = 0; i < 100; i++) {
      log.append({ '@timestamp': `t${i}`, type: 'step-log', line: `${i}` })
    }
    await log.close()
    log.append({ '@timestamp': 'late', type: 'dropped' })
    const records = await readEventLog(file)
    expect(records).toHaveLength(100)
    expect(records.map((r) => r.line)).toEqual(
      Array.from({ length: 100 }, (_, i) => `${i}`)
    )
  })
})
