import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it
} from '@jest/globals'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { CommandResult } from '../../../src/commands/index.js'
import type { RunReport } from '../../../src/report/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../support/databricks-server/index.js'
import { dtflw, errors, repoOf, sqlNotebook } from './support.js'
import type { Repo } from './support.js'

const ROOT = '/Workspace/Shared/dtflw/branches/test'

/**
 * Two independent branches: load_a → use_a, and load_b → use_b, and a last
 * step reading both.
 */
const FILES: Record<string, string> = {
  'dtflw.yaml': [
    'pipeline: branches',
    'sources:',
    '  raw: {}',
    'flow:',
    '  - notebook: notebooks/load_a.sql',
    '    inputs: [raw]',
    '    outputs: [a]',
    '  - notebook: notebooks/load_b.sql',
    '    inputs: [raw]',
    '    outputs: [b]',
    '  - notebook: notebooks/use_a.sql',
    '    inputs: [a]',
    '    outputs: [a2]',
    '  - notebook: notebooks/use_b.sql',
    '    inputs: [b]',
    '    outputs: [b2]',
    '  - notebook: notebooks/report.py',
    '    args: { day: "${var.day}" }',
    '    inputs: [a2, b2]',
    ''
  ].join('\n'),
  'profiles/test.yaml': [
    'engine: databricks',
    'variables: { day: "2026-12-01" }',
    'workspace:',
    '  host: ${DATABRICKS_HOST}',
    '  root: /Workspace/Shared/dtflw/${pipeline}/${profile}',
    'tables: { layout: catalog, catalog: cat, schema: "${pipeline}" }',
    'sources:',
    '  raw: { table: shop.exports.raw }',
    ''
  ].join('\n'),
  'notebooks/load_a.sql': sqlNotebook('SELECT 1'),
  'notebooks/load_b.sql': sqlNotebook('SELECT 2'),
  'notebooks/use_a.sql': sqlNotebook('SELECT 3'),
  'notebooks/use_b.sql': sqlNotebook('SELECT 4'),
  // The one notebook that can end with a value.
  'notebooks/report.py': [
    '# Databricks notebook source',
    'day = dbutils.widgets.get("day")',
    '',
    '# COMMAND ----------',
    '',
    'dbutils.notebook.exit(day)',
    ''
  ].join('\n')
}

let server: DatabricksServer
let repo: Repo
beforeAll(async () => {
  server = await startDatabricksServer({ defaultDurationMs: 40 })
})
afterAll(() => server.close())
afterEach(async () => {
  server.setBehaviour(undefined)
  for (const key of ['load_a', 'load_b', 'use_a', 'use_b', 'report']) {
    server.behave(key, undefined)
  }
  server.clearFaults()
  server.clearRequests()
  // Tasks write their tables into the shared workspace: start clean.
  for (const table of ['a', 'b', 'a2', 'b2']) {
    server.catalog.deleteTable(`cat.branches.${table}`)
  }
  await repo?.remove()
})

async function run(
  extra: Parameters<typeof dtflw>[2] = { command: 'run' },
  options: Parameters<typeof dtflw>[3] = {}
): Promise<CommandResult & { report: RunReport }> {
  repo = await repoOf(FILES)
  const result = await dtflw(repo, server, extra, options)
  if (result.data?.kind !== 'run') {
    throw new Error(`no run: ${JSON.stringify(result.diagnostics)}`)
  }
  return { ...result, report: result.data.report }
}

const statuses = (report: RunReport) =>
  Object.fromEntries(report.steps.map((s) => [s.key, s.status]))

describe('dtflw run on a Databricks profile', () => {
  it('submits one multi-task run whose depends_on are the plan edges, with the plan parameters', async () => {
    const { report, exitCode } = await run()
    expect(exitCode).toBe(0)
    expect(report.status).toBe('succeeded')
    const submits = server.requestsTo('POST', '/api/2.2/jobs/runs/submit')
    expect(submits).toHaveLength(1)
    const body = submits[0].body as {
      tasks: {
        task_key: string
        depends_on?: { task_key: string }[]
        notebook_task: { notebook_path: string; base_parameters: object }
      }[]
      idempotency_token: string
    }
    expect(
      body.tasks.map((t) => [
        t.task_key,
        (t.depends_on ?? []).map((d) => d.task_key)
      ])
    ).toEqual([
      ['load_a', []],
      ['load_b', []],
      ['use_a', ['load_a']],
      ['use_b', ['load_b']],
      ['report', ['use_a', 'use_b']]
    ])
    const reportTask = body.tasks.find((t) => t.task_key === 'report')!
    expect(reportTask.notebook_task).toEqual({
      notebook_path: `${ROOT}/notebooks/report`,
      base_parameters: {
        day: '2026-12-01',
        a2_in: 'cat.branches.a2',
        b2_in: 'cat.branches.b2'
      },
      source: 'WORKSPACE'
    })
    expect(body.idempotency_token.length).toBeLessThanOrEqual(64)
    // Every step carries its task run's page.
    for (const step of report.steps) expect(step.runUrl).toMatch(/^http/)
    expect(report.runUrl).toMatch(/^http/)
    expect(report.remoteRunId).toBe(String(server.runs.all().at(-1)!.runId))
  })

  it('runs independent branches side by side', async () => {
    server.behave('use_a', { durationMs: 150 })
    server.behave('use_b', { durationMs: 150 })
    const { report } = await run()
    const span = (key: string) => {
      const s = report.steps.find((x) => x.key === key)!
      return [Date.parse(s.startedAt!), Date.parse(s.finishedAt!)]
    }
    const [a0, a1] = span('use_a')
    const [b0, b1] = span('use_b')
    expect(a0 < b1 && b0 < a1).toBe(true)
    expect(span('report')[0]).toBeGreaterThanOrEqual(Math.max(a1, b1))
  })

  it('a failing task skips its dependents, the other branch still succeeds, exit 1', async () => {
    server.behave('load_b', {
      outcome: 'failure',
      error: 'AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] shop.exports.raw',
      errorTrace: 'Traceback (most recent call last):\n  line 1'
    })
    const { report, exitCode } = await run()
    expect(exitCode).toBe(1)
    expect(statuses(report)).toEqual({
      load_a: 'succeeded',
      load_b: 'failed',
      use_a: 'succeeded',
      use_b: 'skipped',
      report: 'skipped'
    })
    const failed = report.steps.find((s) => s.key === 'load_b')!
    expect(failed.error).toMatchObject({
      kind: 'notebook',
      message: 'AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] shop.exports.raw',
      detail: 'Traceback (most recent call last):\n  line 1'
    })
    expect(report.steps.find((s) => s.key === 'report')!.skippedBecause).toBe(
      'load_b'
    )
    expect(report.resume).toBe('load_b+')
  })

  it('a task that succeeds without writing its table fails, naming the table, and its dependents do not run', async () => {
    server.behave('use_a', {
      outcome: 'success-without-outputs',
      durationMs: 5
    })
    server.behave('use_b', { durationMs: 400 })
    const { report, exitCode } = await run()
    expect(exitCode).toBe(1)
    const step = report.steps.find((s) => s.key === 'use_a')!
    expect(step.status).toBe('failed')
    expect(step.error).toMatchObject({ kind: 'output-missing', table: 'a2' })
    expect(step.error!.message).toContain('cat.branches.a2')
    expect(statuses(report).report).toBe('skipped')
    expect(report.steps.find((s) => s.key === 'report')!.skippedBecause).toBe(
      'use_a'
    )
  })

  it('reports the exit value of dbutils.notebook.exit, fetching the output only of the notebook that calls it', async () => {
    server.behave('report', { exitValue: '{"rows": 42}' })
    const { report } = await run()
    expect(report.steps.find((s) => s.key === 'report')!.exitValue).toBe(
      '{"rows": 42}'
    )
    const outputs = server.requestsTo('GET', '/api/2.2/jobs/runs/get-output')
    const reportTask = server.runs
      .all()
      .at(-1)!
      .tasks.find((t) => t.key === 'report')!
    expect(outputs.map((r) => Number(r.query.run_id))).toEqual([
      reportTask.runId
    ])
  })

  it('--lazy submits only the steps whose outputs are missing', async () => {
    for (const table of ['a', 'b', 'a2']) {
      server.catalog.putTable(`cat.branches.${table}`)
    }
    const { report } = await run({ command: 'run', lazy: true })
    expect(statuses(report)).toEqual({
      load_a: 'lazy',
      load_b: 'lazy',
      use_a: 'lazy',
      use_b: 'succeeded',
      report: 'succeeded'
    })
    const body = server.requestsTo('POST', '/api/2.2/jobs/runs/submit')[0]
      .body as { tasks: { task_key: string; depends_on?: unknown[] }[] }
    expect(body.tasks.map((t) => t.task_key)).toEqual(['use_b', 'report'])
  })

  it('starts exactly one run through 429 with Retry-After, 503 and a lost answer', async () => {
    const before = server.runs.all().length
    server.fault({
      method: 'POST',
      path: '/api/2.2/jobs/runs/submit',
      times: 1,
      status: 429,
      retryAfter: 1,
      body: { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }
    })
    server.fault({
      method: 'POST',
      path: '/api/2.2/jobs/runs/submit',
      times: 1,
      when: 'after',
      drop: true
    })
    server.fault({
      method: 'GET',
      path: '/api/2.2/jobs/runs/get',
      times: 2,
      status: 503,
      body: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' }
    })
    const { report, exitCode } = await run()
    expect(exitCode).toBe(0)
    expect(report.status).toBe('succeeded')
    expect(server.runs.all().length - before).toBe(1)
  })

  it('cancels the Databricks run when the command is aborted, and exits 143 on SIGTERM', async () => {
    server.behave('load_a', { durationMs: 5000 })
    server.behave('load_b', { durationMs: 5000 })
    const controller = new AbortController()
    const { report, exitCode } = await run(
      { command: 'run' },
      {
        onEvent: (event) => {
          if (event.type === 'step-started') controller.abort('SIGTERM')
        },
        signal: controller.signal
      }
    )
    expect(exitCode).toBe(143)
    expect(report.status).toBe('cancelled')
    expect(server.requestsTo('POST', '/api/2.2/jobs/runs/cancel')).toHaveLength(
      1
    )
    const remote = server.runs.view(Number(report.remoteRunId)) as {
      state: { result_state: string }
    }
    expect(remote.state.result_state).toBe('CANCELED')
    expect(statuses(report).load_a).toBe('cancelled')
  })

  it('writes the report and event log like the local engine, without any token', async () => {
    const canary = server.token
    const { report } = await run()
    const runDir = path.join(repo.root, '.dtflw/runs', report.runId)
    const files = await readdir(runDir)
    expect(files.sort()).toEqual(['events.jsonl', 'report.json'])
    for (const file of files) {
      expect(await readFile(path.join(runDir, file), 'utf8')).not.toContain(
        canary
      )
    }
    const events = (await readFile(path.join(runDir, 'events.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).type)
    expect(events.slice(0, 4)).toEqual([
      'deploy-started',
      'deploy-finished',
      'run-started',
      'run-submitted'
    ])
    expect(events.at(-1)).toBe('run-finished')
  })

  it('a missing workspace host is a usage error naming the variable', async () => {
    repo = await repoOf(FILES)
    const result = await dtflw(
      repo,
      server,
      { command: 'run' },
      { env: { DATABRICKS_TOKEN: server.token } }
    )
    expect(result.exitCode).toBe(2)
    expect(errors(result).join('\n')).toContain('DATABRICKS_HOST is not set')
  })
})
