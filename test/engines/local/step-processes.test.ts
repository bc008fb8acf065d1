import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { probeBwrap } from '../../../src/engines/local/python/bwrap.js'
import type { RunReport } from '../../../src/report/index.js'
import { runCli } from '../../support/cli.js'
import { planOf } from '../../support/plan.js'
import { makeRepo, removeRepo, runLocal, sqlNotebook } from '../support/repo.js'

const profile = (extra = '') => ({
  'profiles/development.yaml': `engine: local\ntables: { layout: path, root: out, format: parquet }\n${extra}`
})

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }
}

const steps = (stdout: string): Record<string, RunReport['steps'][number]> =>
  Object.fromEntries(
    (JSON.parse(stdout).result as RunReport).steps.map((s) => [s.key, s])
  )

describe('what a local step starts ends with it', () => {
  const made: string[] = []
  afterEach(async () => {
    for (const dir of made.splice(0)) await removeRepo(dir)
  })

  describe.each(['standard', 'strict'])('sandbox: %s', (sandbox) => {
    let skip: string | undefined
    beforeAll(async () => {
      skip = sandbox === 'strict' ? await probeBwrap() : undefined
    })
    const level = `sandbox: ${sandbox}\n`
    // In a strict sandbox the step has its own process ids: only the
    // standard one's can be looked up here.
    const pidsOf = (output: string | undefined): number[] =>
      sandbox === 'strict'
        ? []
        : (/pids (.*)/.exec(output ?? '')?.[1] ?? '').split(' ').map(Number)

    it('dtflw run exits once its steps are done, though a notebook left processes holding its output', async () => {
      if (skip) return
      const dir = await makeRepo({
        ...profile(level),
        'dtflw.yaml': 'pipeline: p\nflow:\n  - notebook: spawner.py\n',
        'spawner.py': [
          '# Databricks notebook source',
          'import subprocess',
          '# A child that keeps stdout open, and a grandchild in a session of its own.',
          'child = subprocess.Popen(["sleep", "60"])',
          'shell = subprocess.Popen(["sh", "-c", "setsid sleep 61 > /dev/null & echo $!"], stdout=subprocess.PIPE)',
          'detached = shell.stdout.readline().decode().strip()',
          'print("pids %d %s" % (child.pid, detached))'
        ].join('\n')
      })
      made.push(dir)
      const started = Date.now()
      const run = await runCli(
        ['run', '--profile', 'development', '--json'],
        dir,
        { timeoutMs: 30_000 }
      )
      expect([run.code, run.signal]).toEqual([0, null])
      expect(Date.now() - started).toBeLessThan(20_000)
      const spawner = steps(run.stdout).spawner
      expect(spawner.status).toBe('succeeded')
      expect(spawner.output).toMatch(/pids \d+ \d+/)
      expect(pidsOf(spawner.output).filter(alive)).toEqual([])
    })

    it('timeout_seconds of the profile stops a local step, SQL or Python, and fails it saying so', async () => {
      if (skip) return
      const dir = await makeRepo({
        ...profile(`${level}timeout_seconds: 4\n`),
        'dtflw.yaml':
          'pipeline: p\nflow:\n  - notebook: sleepy.py\n  - notebook: heavy.sql\n  - notebook: quick.sql\n',
        'sleepy.py': [
          '# Databricks notebook source',
          'import subprocess, time',
          'print("pids %d" % subprocess.Popen(["sleep", "60"]).pid)',
          'time.sleep(60)'
        ].join('\n'),
        'heavy.sql': sqlNotebook(
          'SELECT sum(hash(a.i + b.i)) FROM range(100000) a(i), range(100000) b(i)'
        ),
        'quick.sql': sqlNotebook('SELECT 1 AS one')
      })
      made.push(dir)
      const started = Date.now()
      const run = await runCli(
        ['run', '--profile', 'development', '--json'],
        dir,
        { timeoutMs: 30_000 }
      )
      expect(run.code).toBe(1)
      expect(Date.now() - started).toBeLessThan(25_000)
      const result = steps(run.stdout)
      for (const key of ['sleepy', 'heavy']) {
        expect([key, result[key].status, result[key].error]).toEqual([
          key,
          'failed',
          {
            kind: 'timeout',
            message: `step "${key}" timed out after 4 s (timeout_seconds of the profile) and was stopped, with everything it started.`
          }
        ])
      }
      expect(result.quick.status).toBe('succeeded')
      expect(pidsOf(result.sleepy.output).filter(alive)).toEqual([])
    })
  })

  it('a step key that is no safe file name fails its step, and nothing is written outside the run folder', async () => {
    const root = await makeRepo({
      'notebooks/ok.sql': sqlNotebook('SELECT 1 AS one')
    })
    made.push(root)
    // `validate` refuses such keys; the engine holds anyway.
    const plan = planOf({ steps: [{ notebook: 'notebooks/ok.sql' }] })
    const unsafe = {
      ...plan,
      steps: ['..', ''].map((key, index) => ({ ...plan.steps[0], key, index })),
      levels: [['', '..']]
    }
    const report = await runLocal(root, unsafe)
    expect(report.steps.map((s) => [s.status, s.error?.message])).toEqual(
      ['..', ''].map((key) => [
        'failed',
        `step key "${key}" cannot name the step's log and work folder: set key: on the step in dtflw.yaml to letters, digits, "_" and "-".`
      ])
    )
    const runDir = path.join(root, '.dtflw/runs', report.runId)
    expect(
      (await readdir(path.join(runDir, 'logs'), { recursive: true })).sort()
    ).toEqual([
      'unsafe-keys',
      'unsafe-keys/key-.log',
      'unsafe-keys/key-2e2e.log'
    ])
    expect((await readdir(path.join(root, '.dtflw/runs'))).sort()).toEqual(
      [report.runId, 'latest'].sort()
    )
  })
})
