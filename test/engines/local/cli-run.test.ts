import { afterEach, describe, expect, it } from '@jest/globals'
import {
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
  mkdir
} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../support/cli.js'

/** A pipeline repository for the `dtflw` bin: files relative to its root. */
async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-local-cli-'))
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), text)
  }
  return dir
}

const profile = {
  'profiles/development.yaml':
    'engine: local\ntables: { layout: path, root: out, format: parquet }\n'
}

async function waitFor(file: string, ms = 20_000): Promise<string> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    const text = await readFile(file, 'utf8').catch(() => '')
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

/** Hidden folders a run leaves while it works. */
async function leftovers(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [])
  return entries.filter(
    (e) => e.includes('.dtflw-staging-') || /runs\/[^/]+\/work$/.test(e)
  )
}

describe('dtflw run keeps the local engine’s promises', () => {
  const made: string[] = []
  afterEach(async () => {
    for (const dir of made.splice(0)) {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('a notebook that would abort DuckDB fails its step, exit 1, with a report', async () => {
    const dir = await repo({
      ...profile,
      'dtflw.yaml':
        'pipeline: p\nflow:\n  - notebook: logging.sql\n  - notebook: fine.sql\n    outputs: [t]\n',
      'logging.sql':
        "-- Databricks notebook source\nCALL enable_logging(storage_path='/elsewhere');\nSELECT 1;\n",
      'fine.sql':
        '-- Databricks notebook source\nCREATE TABLE IDENTIFIER(:t_out) AS SELECT 1 AS x\n'
    })
    made.push(dir)
    const run = await runCli(['run', '--profile', 'development', '--json'], dir)
    expect([run.code, run.stderr]).toEqual([1, expect.any(String)])
    expect(run.stderr).not.toContain('terminate called')
    const body = JSON.parse(run.stdout)
    const steps = Object.fromEntries(
      body.result.steps.map((s: { key: string }) => [s.key, s])
    )
    expect(steps.logging.status).toBe('failed')
    expect(steps.logging.error.message).toBe(
      'logging.sql:2: enable_logging() is refused by the local engine: it changes DuckDB’s logging for the whole process; remove the call (local runs keep each step’s output in its log).'
    )
    expect(steps.fine.status).toBe('succeeded')
    await stat(path.join(dir, '.dtflw/runs', body.result.runId, 'report.json'))
    expect(await leftovers(dir)).toEqual([])
  })

  it('kill -9 of dtflw during a Python step: the step writes nothing afterwards, and the next run cleans up', async () => {
    const dir = await repo({
      ...profile,
      'dtflw.yaml':
        'pipeline: p\nflow:\n  - notebook: slow.py\n    outputs: [result]\n',
      'slow.py': [
        '# Databricks notebook source',
        'import os, time',
        'open("child.pid", "w").write(str(os.getpid()))',
        'time.sleep(1.5)',
        'open("late.txt", "w").write("written after the CLI died")',
        'import duckdb',
        'duckdb.sql("SELECT 1 AS x").write_parquet(dbutils.widgets.get("result_out"))'
      ].join('\n')
    })
    made.push(dir)
    const run = await runCli(['run', '--profile', 'development'], dir, {
      onSpawn: (child) => {
        void waitFor(path.join(dir, 'child.pid')).then(() =>
          child.kill('SIGKILL')
        )
      }
    })
    expect(run.signal).toBe('SIGKILL')
    const pid = Number(await readFile(path.join(dir, 'child.pid'), 'utf8'))
    await new Promise((r) => setTimeout(r, 2500))
    expect(alive(pid)).toBe(false)
    await expect(stat(path.join(dir, 'late.txt'))).rejects.toThrow()
    // The killed run left its staging and work folders, and its lock.
    expect((await leftovers(dir)).length).toBeGreaterThan(0)
    await stat(path.join(dir, 'out/.dtflw.lock'))

    await writeFile(
      path.join(dir, 'slow.py'),
      '# Databricks notebook source\nimport duckdb\nduckdb.sql("SELECT 1 AS x").write_parquet(dbutils.widgets.get("result_out"))\n'
    )
    const again = await runCli(['run', '--profile', 'development'], dir)
    expect(again.code).toBe(0)
    expect(await leftovers(dir)).toEqual([])
    await stat(path.join(dir, 'out/slow/result.parquet'))
  })

  it('a second run of the same tables is refused with exit 4 naming the first', async () => {
    const dir = await repo({
      ...profile,
      'dtflw.yaml':
        'pipeline: p\nflow:\n  - notebook: slow.py\n    outputs: [result]\n',
      'slow.py': [
        '# Databricks notebook source',
        'import duckdb, os, time',
        'open("started", "w").write("yes")',
        '# Holds the tables until the test has tried a second run.',
        'for _ in range(600):',
        '    if os.path.exists("release"):',
        '        break',
        '    time.sleep(0.05)',
        'duckdb.sql("SELECT 1 AS x").write_parquet(dbutils.widgets.get("result_out"))'
      ].join('\n')
    })
    made.push(dir)
    const first = runCli(['run', '--profile', 'development'], dir)
    await waitFor(path.join(dir, 'started'))
    const second = await runCli(['run', '--profile', 'development'], dir)
    expect(second.code).toBe(4)
    expect(second.stderr).toMatch(
      /the tables under .*out are in use by run \S+ \(pid \d+ on .*, since .*\): one run per profile at a time/
    )
    await writeFile(path.join(dir, 'release'), 'go')
    expect((await first).code).toBe(0)
  })
})
