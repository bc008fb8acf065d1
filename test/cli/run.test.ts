import { describe, expect, it } from '@jest/globals'
import { cp, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { repoRoot, runCli } from '../support/cli.js'
import { commitAll } from '../support/git.js'

/** A fresh copy of the sample pipeline, as a user's clone would be. */
async function sampleCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-cli-'))
  await cp(path.join(repoRoot, 'examples', 'sales'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.dtflw`)
  })
  return dir
}

const gold = (dir: string) =>
  path.join(
    dir,
    '.dtflw/data/development/notebooks/calculate_sales_stats/sales_stats_by_customer_gold.parquet'
  )

describe('dtflw run on the local engine', () => {
  it('runs the sample pipeline and writes the report and every output', async () => {
    const dir = await sampleCopy()
    const run = await runCli(['run', '--profile', 'development', '--json'], dir)
    expect(run.code).toBe(0)
    const body = JSON.parse(run.stdout)
    expect(body.result.status).toBe('succeeded')
    expect(
      body.result.steps.map(
        (s: { key: string; status: string }) => `${s.key}:${s.status}`
      )
    ).toEqual([
      'ingest_data:succeeded',
      'import_data:succeeded',
      'calculate_sales_stats:succeeded'
    ])
    const report = JSON.parse(
      await readFile(
        path.join(dir, '.dtflw/runs', body.result.runId, 'report.json'),
        'utf8'
      )
    )
    expect(report.runId).toBe(body.result.runId)
    expect((await stat(gold(dir))).size).toBeGreaterThan(0)
  })

  it('a failing step exits 1, names the resume selection and leaves the previous outputs intact', async () => {
    const dir = await sampleCopy()
    expect((await runCli(['run', '--profile', 'development'], dir)).code).toBe(
      0
    )
    const before = await readFile(gold(dir))
    const notebook = path.join(dir, 'notebooks/calculate_sales_stats.sql')
    const text = await readFile(notebook, 'utf8')
    await writeFile(
      notebook,
      text.replace(
        'SUM(o.amount) AS DECIMAL(18, 2)) AS total',
        'SUM(o.no_such_column) AS DECIMAL(18, 2)) AS total'
      )
    )
    const run = await runCli(['run', '--profile', 'development'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/FAILED\s+calculate_sales_stats/)
    expect(run.stdout).toContain('no_such_column')
    expect(run.stdout).toContain(
      'Resume with: --select "calculate_sales_stats"'
    )
    expect(await readFile(gold(dir))).toEqual(before)
  })

  it('Ctrl-C cancels the running step, exits 130 and writes no output', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-cancel-'))
    await writeFile(
      path.join(dir, 'dtflw.yaml'),
      'pipeline: slow\nflow:\n  - notebook: slow.py\n    outputs: [result]\n'
    )
    await writeFile(
      path.join(dir, 'slow.py'),
      '# Databricks notebook source\nimport time\nprint("sleeping", flush=True)\ntime.sleep(60)\n'
    )
    await mkdir(path.join(dir, 'profiles'))
    await writeFile(
      path.join(dir, 'profiles/development.yaml'),
      'engine: local\ntables: { layout: path, root: out, format: parquet }\n'
    )
    const started = Date.now()
    const run = await runCli(['run', '--profile', 'development'], dir, {
      onSpawn: (child) => {
        child.stderr?.on('data', (d: Buffer) => {
          if (d.toString().includes('started'))
            setTimeout(() => child.kill('SIGINT'), 300)
        })
      }
    })
    expect(run.code).toBe(130)
    expect(Date.now() - started).toBeLessThan(20000)
    expect(run.stdout).toMatch(/cancelled\s+slow/)
    await expect(
      stat(path.join(dir, 'out/slow/result.parquet'))
    ).rejects.toThrow()
  })
})

describe('changed steps and the lineage diff against a git ref', () => {
  async function repoWithChange(): Promise<string> {
    const dir = await sampleCopy()
    commitAll(dir)
    const notebook = path.join(dir, 'notebooks/import_data.py')
    await writeFile(
      notebook,
      (await readFile(notebook, 'utf8')) +
        '\n# COMMAND ----------\n\n# MAGIC %sql\n# MAGIC SELECT 1\n'
    )
    return dir
  }

  it('--changed-since selects the changed notebook and everything downstream', async () => {
    const dir = await repoWithChange()
    const run = await runCli(
      ['plan', '--profile', 'development', '--changed-since', 'main'],
      dir
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'Changed since main: import_data; selected with downstream: calculate_sales_stats, import_data.'
    )
    expect(run.stdout).toContain('Left out by the selection: ingest_data.')
  })

  it('--defer-to reads unchanged upstream tables in another environment', async () => {
    const dir = await repoWithChange()
    const run = await runCli(
      [
        'plan',
        '--profile',
        'development',
        '--changed-since',
        'main',
        '--defer-to',
        'acceptance',
        '--json'
      ],
      dir,
      { env: { DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' } }
    )
    expect(run.code).toBe(0)
    const plan = JSON.parse(run.stdout).result.plan
    expect(plan.steps[0].parameters.sales_orders_bronze_in).toBe(
      'sales_acceptance.sales.sales_orders_bronze'
    )
  })

  it('lineage --base marks the changed step and its downstream', async () => {
    const dir = await repoWithChange()
    const run = await runCli(
      ['lineage', '--base', 'main', '--format', 'json'],
      dir
    )
    expect(run.code).toBe(0)
    const { diff } = JSON.parse(run.stdout)
    expect(diff.steps.changed).toEqual(['import_data'])
    expect(diff.impacted.steps).toEqual(['calculate_sales_stats'])
  })
})

describe('the bundled dist/', () => {
  it('runs as a single file with only the native DuckDB addon beside it', async () => {
    const { spawnSync } = await import('node:child_process')
    const result = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'dist/cli/index.js'), 'validate'],
      { cwd: path.join(repoRoot, 'examples/sales'), encoding: 'utf8' }
    )
    expect(result.stdout).toContain('Valid: 3 steps and 5 profiles')
    expect(result.status).toBe(0)
  })
})
