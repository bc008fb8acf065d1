import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it
} from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { CommandResult } from '../../../src/commands/index.js'
import type { RunReport } from '../../../src/report/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../support/databricks-server/index.js'
import { dtflw, errors, repoOf, serverEnv, sqlNotebook } from './support.js'
import type { Repo } from './support.js'

/**
 * A chain a → b → c beside a lone step d, and e after both b and d:
 * levels [a, d], [b], [c, e].
 */
const FILES: Record<string, string> = {
  'dtflw.yaml': [
    'pipeline: follow',
    'sources:',
    '  raw: {}',
    'flow:',
    ...['a', 'b', 'c', 'd', 'e'].flatMap((key) => [
      `  - notebook: notebooks/${key}.sql`,
      `    inputs: [${{ a: 'raw', b: 'ta', c: 'tb', d: 'raw', e: 'tb, td' }[key]}]`,
      `    outputs: [t${key}]`
    ]),
    ''
  ].join('\n'),
  'profiles/test.yaml': [
    'engine: databricks',
    'workspace:',
    '  host: ${DATABRICKS_HOST}',
    '  root: /Workspace/Shared/dtflw/${pipeline}/${profile}',
    'tables: { layout: catalog, catalog: cat, schema: "${pipeline}" }',
    'sources:',
    '  raw: { table: shop.exports.raw }',
    ''
  ].join('\n'),
  ...Object.fromEntries(
    ['a', 'b', 'c', 'd', 'e'].map((key) => [
      `notebooks/${key}.sql`,
      sqlNotebook(`SELECT '${key}'`)
    ])
  )
}

const TABLES = '/api/2.1/unity-catalog/tables'

let server: DatabricksServer
let repo: Repo
beforeAll(async () => {
  server = await startDatabricksServer({ defaultDurationMs: 30 })
})
afterAll(() => server.close())
afterEach(async () => {
  for (const key of ['a', 'b', 'c', 'd', 'e']) {
    server.behave(key, undefined)
    server.catalog.deleteTable(`cat.follow.t${key}`)
  }
  server.clearFaults()
  server.clearRequests()
  server.statusOnly = false
  await repo?.remove()
})

async function run(
  env: Record<string, string> = {},
  request: Partial<Parameters<typeof dtflw>[2]> = {},
  files: Record<string, string> = FILES
): Promise<CommandResult & { report: RunReport; reportFile: string }> {
  repo = await repoOf(files)
  const result = await dtflw(
    repo,
    server,
    { command: 'run', ...request },
    { env: serverEnv(server, env) }
  )
  if (result.data?.kind !== 'run') {
    throw new Error(`no run: ${JSON.stringify(result.diagnostics)}`)
  }
  return {
    ...result,
    report: result.data.report,
    reportFile: path.join(repo.root, result.data.reportPath)
  }
}

const statuses = (report: RunReport) =>
  Object.fromEntries(report.steps.map((s) => [s.key, s.status]))

describe('following a Databricks run', () => {
  it('a 429 on every kind of request of a run is retried: submit, get, get-output, table checks', async () => {
    server.behave('c', { outcome: 'failure', error: 'boom' })
    for (const [method, p] of [
      ['POST', '/api/2.2/jobs/runs/submit'],
      ['GET', '/api/2.2/jobs/runs/get'],
      ['GET', '/api/2.2/jobs/runs/get-output'],
      ['GET', new RegExp(`^${TABLES}/`)]
    ] as const)
      server.fault({
        method,
        path: p,
        times: 2,
        status: 429,
        retryAfter: 0,
        body: { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }
      })
    const { report, exitCode } = await run()
    expect(exitCode).toBe(1)
    expect(statuses(report)).toEqual({
      a: 'succeeded',
      b: 'succeeded',
      c: 'failed',
      d: 'succeeded',
      e: 'succeeded'
    })
    expect(report.steps.find((s) => s.key === 'c')!.error!.message).toBe('boom')
    expect(server.requests.filter((r) => r.status === 429)).toHaveLength(8)
  })

  it('passes step arguments to base_parameters exactly as written, a 20-digit number included', async () => {
    const { exitCode } = await run(
      {},
      {},
      {
        ...FILES,
        'dtflw.yaml': FILES['dtflw.yaml'].replace(
          '  - notebook: notebooks/a.sql\n',
          '  - notebook: notebooks/a.sql\n    args: { batch: 12345678901234567890, ratio: 1.50 }\n'
        )
      }
    )
    expect(exitCode).toBe(0)
    const body = server.requestsTo('POST', '/api/2.2/jobs/runs/submit')[0]
      .body as {
      tasks: {
        task_key: string
        notebook_task: { base_parameters: Record<string, string> }
      }[]
    }
    expect(
      body.tasks.find((t) => t.task_key === 'a')!.notebook_task.base_parameters
    ).toMatchObject({ batch: '12345678901234567890', ratio: '1.50' })
  })

  it('follows runs and tasks by status where the API gives no state', async () => {
    server.statusOnly = true
    server.behave('b', { outcome: 'failure', error: 'bad input' })
    const { report, exitCode } = await run()
    expect(exitCode).toBe(1)
    expect(statuses(report)).toEqual({
      a: 'succeeded',
      b: 'failed',
      c: 'skipped',
      d: 'succeeded',
      e: 'skipped'
    })
    expect(report.steps.find((s) => s.key === 'c')!.skippedBecause).toBe('b')
  })

  it('a 403 on an output check stops following: the run is cancelled, said so with its page, exit 3, and report.json is written', async () => {
    server.behave('a', { durationMs: 10 })
    server.behave('d', { durationMs: 1000 })
    server.fault({
      method: 'GET',
      path: `${TABLES}/cat.follow.ta`,
      status: 403,
      body: { error_code: 'PERMISSION_DENIED', message: 'no SELECT on ta' }
    })
    const { report, exitCode, reportFile, diagnostics } = await run()
    expect(exitCode).toBe(3)
    const remote = server.runs.all().at(-1)!
    // Cancelling is asynchronous: the run ends a moment later.
    await server.runs.waitUntilDone(remote.runId)
    expect(
      (server.runs.view(remote.runId) as { state: { result_state: string } })
        .state.result_state
    ).toBe('CANCELED')
    const message = diagnostics.find((d) => d.severity === 'error')!.summary
    expect(message).toContain('dtflw stopped following the run')
    expect(message).toContain('no SELECT on ta')
    expect(message).toContain(
      `The Databricks run was cancelled (${report.runUrl}).`
    )
    const written = JSON.parse(await readFile(reportFile, 'utf8')) as RunReport
    expect(written.status).toBe('failed')
    expect(written.stopped).toEqual({
      reason: message,
      stillRunning: []
    })
    expect(written.steps.find((s) => s.key === 'd')!.status).toBe('cancelled')
  })

  it('a submit the workspace refuses exits 3 with its message, and report.json says so', async () => {
    server.fault({
      method: 'POST',
      path: '/api/2.2/jobs/runs/submit',
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: 'Cluster validation error: node type i3.nope does not exist'
      }
    })
    const { report, exitCode, reportFile, diagnostics } = await run()
    expect(exitCode).toBe(3)
    const message = errors({ exitCode, diagnostics })[0]
    expect(message).toContain('node type i3.nope does not exist')
    const written = JSON.parse(await readFile(reportFile, 'utf8')) as RunReport
    expect(written.stopped?.reason).toBe(message)
    expect(written.status).toBe('failed')
    expect(report.remoteRunId).toBe(undefined)
  })

  it('when the run cannot be cancelled either, it says plainly that the run still runs, with its page and how to cancel it', async () => {
    server.behave('d', { durationMs: 1000 })
    server.fault({
      method: 'GET',
      path: `${TABLES}/cat.follow.ta`,
      status: 403,
      body: { error_code: 'PERMISSION_DENIED', message: 'no SELECT on ta' }
    })
    server.fault({
      method: 'POST',
      path: '/api/2.2/jobs/runs/cancel',
      times: 5,
      status: 403,
      body: { error_code: 'PERMISSION_DENIED', message: 'no CAN_MANAGE_RUN' }
    })
    const { report, exitCode, diagnostics } = await run()
    expect(exitCode).toBe(3)
    const message = errors({ exitCode, diagnostics })[0]
    expect(message).toContain(
      `Databricks run ${report.remoteRunId} still runs (${report.runUrl}): cancel it on its page or with dtflw cancel --profile test --run-id ${report.remoteRunId}`
    )
    expect(report.stopped?.stillRunning).toEqual([
      { remoteRunId: report.remoteRunId, url: report.runUrl }
    ])
    await server.runs.waitUntilDone(Number(report.remoteRunId))
  })

  it('a flow larger than a run holds runs as several, each submitted as the steps it waits for end, with one report', async () => {
    const { report, exitCode } = await run({ DTFLW_DATABRICKS_MAX_TASKS: '2' })
    expect(exitCode).toBe(0)
    const submits = server.requestsTo('POST', '/api/2.2/jobs/runs/submit')
    const bodies = submits.map(
      (r) =>
        r.body as {
          run_name: string
          idempotency_token: string
          tasks: { task_key: string; depends_on?: { task_key: string }[] }[]
        }
    )
    expect(
      bodies.map((b) =>
        b.tasks.map((t) => [
          t.task_key,
          (t.depends_on ?? []).map((d) => d.task_key)
        ])
      )
    ).toEqual([
      [
        ['a', []],
        ['d', []]
      ],
      [
        ['b', []],
        ['c', ['b']]
      ],
      [['e', []]]
    ])
    expect(new Set(bodies.map((b) => b.idempotency_token)).size).toBe(3)
    expect(bodies.map((b) => b.run_name.slice(-5))).toEqual([
      '(1/3)',
      '(2/3)',
      '(3/3)'
    ])
    expect(statuses(report)).toEqual({
      a: 'succeeded',
      b: 'succeeded',
      c: 'succeeded',
      d: 'succeeded',
      e: 'succeeded'
    })
    expect(report.remoteRuns).toHaveLength(3)
    expect(report.remoteRunId).toBe(report.remoteRuns![0].remoteRunId)
    // The second run went once a and d had ended, not before.
    const runs = server.runs.all().slice(-3)
    const endOf = (key: string) =>
      runs[0].tasks.find((t) => t.key === key)!.endTime
    expect(runs[1].startTime).toBeGreaterThanOrEqual(
      Math.max(endOf('a'), endOf('d'))
    )
  })

  it('a step whose upstream in an earlier run failed is not submitted, and is skipped naming the cause', async () => {
    server.behave('a', { outcome: 'failure', error: 'no raw data' })
    const { report, exitCode } = await run({ DTFLW_DATABRICKS_MAX_TASKS: '2' })
    expect(exitCode).toBe(1)
    expect(statuses(report)).toEqual({
      a: 'failed',
      b: 'skipped',
      c: 'skipped',
      d: 'succeeded',
      e: 'skipped'
    })
    for (const key of ['b', 'c', 'e'])
      expect(report.steps.find((s) => s.key === key)!.skippedBecause).toBe('a')
    // b and c make the whole second run: it is never submitted.
    expect(
      server
        .requestsTo('POST', '/api/2.2/jobs/runs/submit')
        .map((r) =>
          (r.body as { tasks: { task_key: string }[] }).tasks.map(
            (t) => t.task_key
          )
        )
    ).toEqual([['a', 'd']])
    expect(report.resume).toBe('a+')
  })
})
