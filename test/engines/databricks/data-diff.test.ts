import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it
} from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CommandResult } from '../../../src/commands/index.js'
import { renderComment } from '../../../src/github/index.js'
import type { RunReport, TableDiff } from '../../../src/report/index.js'
import {
  runPythonNotebook,
  startDatabricksServer,
  writeDuckCatalogs,
  type DatabricksServer
} from '../../support/databricks-server/index.js'
import { repoRoot } from '../../support/cli.js'
import { dtflw, errors, repoOf, serverEnv, sqlNotebook } from './support.js'
import type { Repo } from './support.js'

const ROOT = '/Workspace/Shared/dtflw/shop/test'
const PREVIEW_ROOT = `${ROOT}/previews/pr-7`
const DIFF_NOTEBOOK = `${PREVIEW_ROOT}/.dtflw/dtflw_data_diff`

/**
 * orders (keyed by id) feeds summary; customers is new with the change:
 * the environment has no such table.
 */
const FILES: Record<string, string> = {
  'dtflw.yaml': [
    'pipeline: shop',
    'sources:',
    '  raw: {}',
    'flow:',
    '  - notebook: notebooks/load_orders.sql',
    '    inputs: [raw]',
    '    outputs: [{ name: orders, key: [id] }]',
    '  - notebook: notebooks/load_customers.sql',
    '    inputs: [raw]',
    '    outputs: [customers]',
    '  - notebook: notebooks/summary.sql',
    '    inputs: [orders]',
    '    outputs: [summary]',
    ''
  ].join('\n'),
  'profiles/test.yaml': [
    'engine: databricks',
    'workspace:',
    '  host: ${DATABRICKS_HOST}',
    '  root: /Workspace/Shared/dtflw/${pipeline}/${profile}',
    'tables:',
    '  layout: catalog',
    '  catalog: cat',
    '  schema: "${pipeline}"',
    'sources:',
    '  raw: { table: shop_raw.exports.raw }',
    ''
  ].join('\n'),
  'notebooks/load_orders.sql': sqlNotebook('SELECT 1'),
  'notebooks/load_customers.sql': sqlNotebook('SELECT 2'),
  'notebooks/summary.sql': sqlNotebook('SELECT 3')
}

/**
 * The tables as the workspace holds them: the environment's (`cat.shop`)
 * and what the preview's steps wrote (`cat.shop__pr_7`): orders lost ids
 * 1-5, gained 201-203, ten amounts changed and a column `note`.
 */
const TABLES = [
  'CREATE SCHEMA cat.shop',
  'CREATE TABLE cat.shop.orders AS SELECT i AS id, i * 10 AS amount FROM range(1, 101) t(i)',
  'CREATE TABLE cat.shop.summary AS SELECT 100 AS n',
  'CREATE SCHEMA cat.shop__pr_7',
  `CREATE TABLE cat.shop__pr_7.orders AS
     SELECT id, CASE WHEN id % 10 = 0 THEN amount + 1 ELSE amount END AS amount, 'x' AS note
     FROM cat.shop.orders WHERE id > 5
     UNION ALL SELECT i, 0, 'new' FROM range(201, 204) t(i)`,
  'CREATE TABLE cat.shop__pr_7.customers AS SELECT i AS id FROM range(1, 43) t(i)',
  'CREATE TABLE cat.shop__pr_7.summary AS SELECT 100 AS n'
]

let server: DatabricksServer
let repo: Repo
let folder: string
let catalogs: Record<string, string>

beforeAll(async () => {
  server = await startDatabricksServer({ defaultDurationMs: 20 })
  folder = await mkdtemp(path.join(os.tmpdir(), 'dtflw-diff-'))
  catalogs = { cat: path.join(folder, 'cat.duckdb') }
  writeDuckCatalogs(catalogs, TABLES)
})
afterAll(async () => {
  await server.close()
  await rm(folder, { recursive: true, force: true })
})
afterEach(async () => {
  server.setBehaviour(undefined)
  for (const key of ['dtflw_data_diff', 'load_orders'])
    server.behave(key, undefined)
  server.clearFaults()
  server.clearRequests()
  await dtflw(repo, server, { command: 'cleanup', preview: 'pr-7' })
  await repo?.remove()
})

/**
 * The workspace as a cluster would run the preview: the steps write
 * their declared tables, and the diff task runs the deployed notebook
 * over the DuckDB catalogs.
 */
function runNotebooks(): void {
  // The catalog an admin made; the preview's schema is dtflw's to make.
  server.catalog.createSchema('cat')
  server.setBehaviour((task) =>
    task.notebookPath === DIFF_NOTEBOOK
      ? runPythonNotebook(
          server.workspace.read(task.notebookPath) ?? '',
          task.baseParameters,
          catalogs
        )
      : undefined
  )
}

async function runPreview(): Promise<CommandResult & { report: RunReport }> {
  repo = await repoOf(FILES)
  const result = await dtflw(repo, server, { command: 'run', preview: 'pr-7' })
  if (result.data?.kind !== 'run')
    throw new Error(`no run: ${JSON.stringify(result.diagnostics)}`)
  return { ...result, report: result.data.report }
}

interface SubmittedTask {
  task_key: string
  depends_on?: { task_key: string }[]
  run_if?: string
  notebook_task: {
    notebook_path: string
    base_parameters: Record<string, string>
  }
}

const submitted = (): SubmittedTask[] =>
  (
    server.requestsTo('POST', '/api/2.2/jobs/runs/submit')[0].body as {
      tasks: SubmittedTask[]
    }
  ).tasks

const byTable = (report: RunReport): Record<string, TableDiff> =>
  Object.fromEntries((report.dataDiff?.tables ?? []).map((t) => [t.table, t]))

describe('a preview run on Databricks compares its tables with the environment', () => {
  it('runs the diff as one more task of the same run, after every step writing a compared table, and reports what it found', async () => {
    runNotebooks()
    const { report, exitCode } = await runPreview()
    expect(exitCode).toBe(0)
    const tasks = submitted()
    expect(server.requestsTo('POST', '/api/2.2/jobs/runs/submit')).toHaveLength(
      1
    )
    const diff = tasks.find((t) => t.task_key === 'dtflw_data_diff')!
    expect(diff.depends_on).toEqual([
      { task_key: 'load_customers' },
      { task_key: 'load_orders' },
      { task_key: 'summary' }
    ])
    expect(diff.run_if).toBe('ALL_DONE')
    expect(diff.notebook_task.notebook_path).toBe(DIFF_NOTEBOOK)
    expect(JSON.parse(diff.notebook_task.base_parameters.plan)).toEqual({
      against: 'test',
      maxRows: 100_000_000,
      timeoutMs: 600_000,
      tables: [
        {
          table: 'orders',
          base: 'cat.shop.orders',
          baseKind: 'table',
          head: 'cat.shop__pr_7.orders',
          key: ['id']
        },
        {
          table: 'customers',
          base: 'cat.shop.customers',
          baseKind: 'table',
          head: 'cat.shop__pr_7.customers',
          key: []
        },
        {
          table: 'summary',
          base: 'cat.shop.summary',
          baseKind: 'table',
          head: 'cat.shop__pr_7.summary',
          key: []
        }
      ]
    })
    // The deployed notebook is dtflw's, byte for byte.
    expect(server.workspace.read(DIFF_NOTEBOOK)).toBe(
      readFileSync(
        path.join(repoRoot, 'src/diff/python/dtflw_data_diff.py'),
        'utf8'
      )
    )
    // The diff task is no step of the report.
    expect(report.steps.map((s) => s.key).sort()).toEqual([
      'load_customers',
      'load_orders',
      'summary'
    ])
    expect(report.status).toBe('succeeded')
    const tables = byTable(report)
    expect(report.dataDiff?.against).toBe('test')
    expect(tables.orders).toEqual({
      table: 'orders',
      head: 'cat.shop__pr_7.orders',
      base: 'cat.shop.orders',
      status: 'compared',
      rows: { base: 100, head: 98 },
      columns: {
        added: [{ name: 'note', type: 'string' }],
        removed: [],
        retyped: []
      },
      keyed: {
        key: ['id'],
        added: 3,
        removed: 5,
        changed: 10,
        unchanged: 85,
        byColumn: { amount: 10 },
        examples: {
          added: ['201', '203'],
          removed: ['1', '5'],
          // The least and greatest key, in the key's own order.
          changed: ['10', '100']
        }
      }
    })
    expect(tables.summary.status).toBe('compared')
    expect(tables.summary.rows).toEqual({ base: 1, head: 1 })
    // Biggest change first: the new table's 42 rows, then orders' 18 rows
    // and a column, then summary's nothing.
    expect(report.dataDiff?.tables.map((t) => t.table)).toEqual([
      'customers',
      'orders',
      'summary'
    ])
  })

  it('reads a table the environment does not have as "new-table"', async () => {
    runNotebooks()
    const { report } = await runPreview()
    expect(byTable(report).customers).toEqual({
      table: 'customers',
      head: 'cat.shop__pr_7.customers',
      base: 'cat.shop.customers',
      status: 'new-table',
      rows: { head: 42 }
    })
  })

  it("puts what it found in the pull request's comment, under Data changes", async () => {
    runNotebooks()
    const { report } = await runPreview()
    const body = renderComment({
      pipeline: 'shop',
      profile: 'test',
      report,
      headSha: 'abc1234',
      runStartedAt: report.startedAt,
      notes: []
    })
    const section = body.slice(body.indexOf('### Data changes'))
    expect(section).toContain('Against `test`, biggest changes first.')
    expect(section).toContain('- `customers`: new table, 42 rows')
    expect(section).toContain('- `orders`: 100 → 98 rows (-2)')
    expect(section).toContain(
      'by `id`: 3 added, 5 removed, 10 changed, 85 unchanged'
    )
  })

  it('makes the preview schema before the run and drops it on cleanup', async () => {
    runNotebooks()
    await runPreview()
    const paths = server.requests.map((r) => `${r.method} ${r.path}`)
    const created = paths.indexOf('POST /api/2.1/unity-catalog/schemas')
    expect(created).toBeGreaterThanOrEqual(0)
    expect(created).toBeLessThan(
      paths.indexOf('POST /api/2.2/jobs/runs/submit')
    )
    expect(
      server.requestsTo('POST', '/api/2.1/unity-catalog/schemas')[0].body
    ).toMatchObject({ catalog_name: 'cat', name: 'shop__pr_7' })
    expect(server.catalog.hasSchema('cat.shop__pr_7')).toBe(true)
    // Written there by the steps (the loopback workspace records them).
    expect(server.catalog.hasTable('cat.shop__pr_7.orders')).toBe(true)

    // A second run finds it and makes nothing.
    server.clearRequests()
    await dtflw(repo, server, { command: 'run', preview: 'pr-7' })
    expect(server.requestsTo('POST', '/api/2.1/unity-catalog/schemas')).toEqual(
      []
    )

    const cleanup = await dtflw(repo, server, {
      command: 'cleanup',
      preview: 'pr-7'
    })
    expect(cleanup.exitCode).toBe(0)
    expect(cleanup.data).toMatchObject({
      kind: 'cleanup',
      result: { removed: ['pr-7'], droppedSchemas: ['cat.shop__pr_7'] }
    })
    const drop = server.requestsTo(
      'DELETE',
      '/api/2.1/unity-catalog/schemas/cat.shop__pr_7'
    )
    expect(drop).toHaveLength(1)
    expect(drop[0].query).toEqual({ force: 'true' })
    expect(server.catalog.hasSchema('cat.shop__pr_7')).toBe(false)
    expect(server.catalog.hasTable('cat.shop__pr_7.orders')).toBe(false)
    expect(server.workspace.get(PREVIEW_ROOT)).toBe(undefined)
  })

  it('never drops a schema of that name that dtflw did not make', async () => {
    runNotebooks()
    server.catalog.createSchema('cat.shop__pr_7')
    await runPreview()
    const cleanup = await dtflw(repo, server, {
      command: 'cleanup',
      preview: 'pr-7'
    })
    expect(cleanup.data).toMatchObject({
      result: { removed: ['pr-7'], keptSchemas: ['cat.shop__pr_7'] }
    })
    expect(server.catalog.hasSchema('cat.shop__pr_7')).toBe(true)
    server.catalog.dropSchema('cat.shop__pr_7')
  })

  it('stops before any upload, exit 2, when the catalog does not exist', async () => {
    repo = await repoOf({
      ...FILES,
      'profiles/test.yaml': FILES['profiles/test.yaml'].replace(
        'catalog: cat',
        'catalog: nowhere'
      )
    })
    const result = await dtflw(repo, server, {
      command: 'run',
      preview: 'pr-7'
    })
    expect(result.exitCode).toBe(2)
    expect(errors(result).join('\n')).toContain(
      'the catalog "nowhere" (tables.catalog) does not exist in the workspace'
    )
    expect(result.diagnostics[0].location).toMatchObject({
      file: expect.stringContaining('test.yaml'),
      line: 7
    })
    expect(server.requestsTo('POST', '/api/2.0/workspace/import')).toEqual([])
    expect(server.requestsTo('POST', '/api/2.2/jobs/runs/submit')).toEqual([])
  })

  it('reads a value that is not the notebook’s JSON as every table not compared, and the run still passes', async () => {
    server.catalog.createSchema('cat')
    server.behave('dtflw_data_diff', { exitValue: '{"tables": 7' })
    const { report, exitCode } = await runPreview()
    expect(exitCode).toBe(0)
    expect(report.status).toBe('succeeded')
    expect(report.dataDiff?.tables.map((t) => [t.table, t.status])).toEqual([
      ['customers', 'not-compared'],
      ['orders', 'not-compared'],
      ['summary', 'not-compared']
    ])
    expect(report.dataDiff?.tables[0].reason).toBe(
      'the data diff task returned a value that is not JSON: "{\\"tables\\": 7"'
    )
  })

  it('a failed diff task leaves the tables not compared with its error, never failing the run', async () => {
    server.catalog.createSchema('cat')
    server.behave('dtflw_data_diff', {
      outcome: 'failure',
      error:
        'AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] cat.shop__pr_7.orders\nat line 1'
    })
    const { report, exitCode } = await runPreview()
    expect(exitCode).toBe(0)
    expect(report.steps.every((s) => s.status === 'succeeded')).toBe(true)
    expect(new Set(report.dataDiff?.tables.map((t) => t.reason))).toEqual(
      new Set([
        'the data diff task failed: AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] cat.shop__pr_7.orders'
      ])
    )
  })

  it('in a flow split into several runs, goes into the last, once every step writing a compared table has ended', async () => {
    runNotebooks()
    repo = await repoOf(FILES)
    const before = server.runs.all().length
    const result = await dtflw(
      repo,
      server,
      { command: 'run', preview: 'pr-7' },
      { env: serverEnv(server, { DTFLW_DATABRICKS_MAX_TASKS: '2' }) }
    )
    expect(result.exitCode).toBe(0)
    const runs = server.runs.all().slice(before)
    const keys = runs.map((r) => r.tasks.map((t) => t.key))
    // Each run holds at most two tasks, the diff task among them.
    expect(keys).toEqual([
      ['load_customers'],
      ['load_orders'],
      ['summary', 'dtflw_data_diff']
    ])
    const last = runs[2]
    expect(last.byKey.get('dtflw_data_diff')?.deps).toEqual(['summary'])
    // load_customers is no dependency of summary: the last run waited for
    // it all the same.
    expect(last.startTime).toBeGreaterThanOrEqual(runs[0].endTime)
    if (result.data?.kind !== 'run') throw new Error('no run')
    expect(
      result.data.report.dataDiff?.tables.map((t) => [t.table, t.status])
    ).toEqual([
      ['customers', 'new-table'],
      ['orders', 'compared'],
      ['summary', 'compared']
    ])
  })

  it('leaves out the tables of a step that failed, and still compares the others', async () => {
    runNotebooks()
    server.behave('load_orders', { outcome: 'failure', error: 'boom' })
    const { report, exitCode } = await runPreview()
    expect(exitCode).toBe(1)
    expect(report.dataDiff?.tables.map((t) => [t.table, t.status])).toEqual([
      ['customers', 'new-table']
    ])
  })
})
