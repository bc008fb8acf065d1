import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
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

  it('dtflw run exits once its steps are done, though a notebook left processes holding its output', async () => {
    const dir = await makeRepo({
      ...profile(),
      'dtflw.yaml': 'pipeline: p\nflow:\n  - notebook: spawner.py\n',
      'spawner.py': [
        '# Databricks notebook source',
        'import subprocess',
        '# A child that keeps stdout open, and a grandchild in a session of its own.',
        'child = subprocess.Popen(["sleep", "60"])',
        'shell = subprocess.Popen(["sh", "-c", "setsid sleep 61 > /dev/null & echo $!"], stdout=subprocess.PIPE)',
        'detached = shell.stdout.readline().decode().strip()',
        'open("pids", "w").write("%d %s" % (child.pid, detached))',
        'print("left them running")'
      ].join('\n')
    })
    made.push(dir)
    const started = Date.now()
    const run = await runCli(
      ['run', '--profile', 'development', '--json'],
      dir,
      {
        timeoutMs: 30_000
      }
    )
    expect([run.code, run.signal]).toEqual([0, null])
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(steps(run.stdout).spawner.status).toBe('succeeded')
    const pids = (await readFile(path.join(dir, 'pids'), 'utf8'))
      .split(' ')
      .map(Number)
    expect(pids.filter(alive)).toEqual([])
  })

  it('timeout_seconds of the profile stops a local step, SQL or Python, and fails it saying so', async () => {
    const dir = await makeRepo({
      ...profile('timeout_seconds: 4\n'),
      'dtflw.yaml':
        'pipeline: p\nflow:\n  - notebook: sleepy.py\n  - notebook: heavy.sql\n  - notebook: quick.sql\n',
      'sleepy.py': [
        '# Databricks notebook source',
        'import subprocess, time',
        'open("sleeper", "w").write(str(subprocess.Popen(["sleep", "60"]).pid))',
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
      {
        timeoutMs: 30_000
      }
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
    const sleeper = Number(await readFile(path.join(dir, 'sleeper'), 'utf8'))
    expect(alive(sleeper)).toBe(false)
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
      steps: [{ ...plan.steps[0], key: '..' }],
      levels: [['..']]
    }
    const report = await runLocal(root, unsafe)
    expect(report.steps[0].status).toBe('failed')
    expect(report.steps[0].error?.message).toBe(
      'step key ".." cannot name the step\'s log and work folder: set key: on the step in dtflw.yaml to letters, digits, "_" and "-".'
    )
    const runDir = path.join(root, '.dtflw/runs', report.runId)
    expect(await readdir(path.join(runDir, 'logs'))).toEqual(['step-2e2e.log'])
    expect((await readdir(path.join(root, '.dtflw/runs'))).sort()).toEqual(
      [report.runId, 'latest'].sort()
    )
  })
})
