import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../support/databricks-server/index.js'
import {
  startGitHubServer,
  WRITE_TOKEN,
  READ_TOKEN,
  type GitHubServer
} from '../support/github-server/index.js'
import { generateManifest } from '../../bench/synthetic-repo.js'
import {
  repoOf,
  salesRepo,
  writeDeclaredTables,
  writeSalesGoldColumns
} from '../engines/databricks/support.js'
import type { Repo } from '../engines/databricks/support.js'
import {
  actionCheckout,
  git,
  pullRequestEvent,
  runActionStep,
  runnerFiles,
  webhookExample
} from './support.js'
import type { RunnerFiles, StepRun } from './support.js'

let databricks: DatabricksServer
let github: GitHubServer
let checkout: string

beforeAll(async () => {
  databricks = await startDatabricksServer({ defaultDurationMs: 20 })
  // The test environment's catalog, made by an admin: each pull request's
  // preview makes its schema there.
  databricks.catalog.createSchema('sales_test')
  github = await startGitHubServer({
    writeTokens: [WRITE_TOKEN, 'SLOW_TOKEN']
  })
  checkout = await actionCheckout()
})
afterAll(async () => {
  await databricks.close()
  await github.close()
})

/** The sample as a repository: main, then a pull request changing a notebook. */
async function pullRequestRepo(): Promise<{
  repo: Repo
  base: string
  head: string
}> {
  const repo = await salesRepo()
  git(repo.root, 'init', '-q', '-b', 'main')
  git(repo.root, 'add', '-A')
  git(repo.root, 'commit', '-q', '-m', 'base')
  const base = git(repo.root, 'rev-parse', 'HEAD')
  await repo.write(
    'notebooks/import_data.py',
    `${await repo.read('notebooks/import_data.py')}\n# COMMAND ----------\n\nprint("changed")\n`
  )
  git(repo.root, 'commit', '-q', '-am', 'change import_data')
  return { repo, base, head: git(repo.root, 'rev-parse', 'HEAD') }
}

interface Job {
  readonly number: number
  readonly runId: string
  readonly inputs?: Record<string, string>
  readonly fork?: boolean
  /** Default `pull_request`; `pull_request_target` has secrets even from a fork. */
  readonly eventName?: 'pull_request' | 'pull_request_target'
  readonly token?: string
  readonly env?: Record<string, string>
  readonly onSpawn?: Parameters<typeof runActionStep>[0]['onSpawn']
  readonly onRunner?: (files: RunnerFiles) => void
}

async function runJob(
  job: Job,
  project?: Awaited<ReturnType<typeof pullRequestRepo>>
): Promise<
  StepRun & {
    repo: Repo
    runner: string
    runnerFiles: RunnerFiles
    base: string
    head: string
  }
> {
  const { repo, base, head } = project ?? (await pullRequestRepo())
  const runner = await runnerFiles(
    pullRequestEvent({
      number: job.number,
      baseSha: base,
      headSha: head,
      fork: job.fork
    }),
    job.eventName ?? 'pull_request'
  )
  const secrets = !job.fork || job.eventName === 'pull_request_target'
  job.onRunner?.(runner)
  const step = await runActionStep({
    checkout,
    entry: 'index',
    workspace: repo.root,
    runner,
    inputs: {
      command: 'run',
      profile: 'test',
      'github-token': job.token ?? WRITE_TOKEN,
      ...job.inputs
    },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_RUN_ID: job.runId,
      ...(secrets
        ? {
            DATABRICKS_HOST: databricks.url,
            DATABRICKS_TOKEN: databricks.token,
            DTFLW_DATABRICKS_POLL_MS: '10'
          }
        : {}),
      ...job.env
    },
    onSpawn: job.onSpawn
  })
  return { ...step, repo, runner: runner.dir, runnerFiles: runner, base, head }
}

const comments = (number: number) => github.comments('shop/sales', number)
/** Whether a Databricks run was submitted from a pull request's preview folder. */
const ranPreview = (preview: string) =>
  databricks.runs
    .all()
    .some((r) => JSON.stringify(r.request).includes(`/previews/${preview}/`))

describe('the Action, run from dist/ as a runner runs it', () => {
  it('a first run creates the comment, a second updates the same one', async () => {
    writeSalesGoldColumns(databricks)
    // What the data diff task returns for one table (the loopback
    // workspace runs the real notebook in test/engines/databricks).
    databricks.behave('dtflw_data_diff', {
      exitValue: JSON.stringify({
        against: 'test',
        tables: [
          {
            table: 'sales_stats_by_customer_gold',
            head: 'sales_test.sales__pr_11.sales_stats_by_customer_gold',
            base: 'sales_test.sales.sales_stats_by_customer_gold',
            status: 'compared',
            rows: { base: 10, head: 12 },
            columns: { added: [], removed: [], retyped: [] }
          }
        ]
      })
    })
    const project = await pullRequestRepo()
    const first = await runJob({ number: 11, runId: '1001' }, project)
    databricks.behave('dtflw_data_diff', undefined)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.outputs.status).toBe('succeeded')
    expect(first.outputs['run-url']).toMatch(/^http/)
    expect(first.outputs['deployed-root']).toBe(
      '/Workspace/Shared/dtflw/sales/test/previews/pr-11'
    )
    expect(first.outputs['comment-url']).toMatch(/^http/)
    // Absolute, as lineage is: a later step may run elsewhere.
    expect(path.isAbsolute(first.outputs.report)).toBe(true)
    const report = JSON.parse(await readFile(first.outputs.report, 'utf8'))
    expect(report.preview).toBe('pr-11')
    const lineage = JSON.parse(await readFile(first.outputs.lineage, 'utf8'))
    expect(lineage.diff).toBeDefined()
    expect(first.summary).toContain('import_data')
    expect(comments(11)).toHaveLength(1)
    const body = comments(11)[0].body
    expect(body.startsWith('<!-- dtflw:sales:test -->')).toBe(true)
    expect(body).toContain('```mermaid')
    expect(body).toContain('actions/runs/1001')
    // The bundled Action found its data diff notebook, deployed it with
    // the preview, and the diff task's value is the comment's section.
    expect(
      databricks.workspace.read(
        '/Workspace/Shared/dtflw/sales/test/previews/pr-11/.dtflw/dtflw_data_diff'
      )
    ).toBe(
      readFileSync(
        path.join(checkout, 'dist/action/chunks/python/dtflw_data_diff.py'),
        'utf8'
      )
    )
    expect(body).toContain('### Data changes')
    expect(body).toContain(
      '- `sales_stats_by_customer_gold`: 10 → 12 rows (+2)'
    )
    expect(report.dataDiff.against).toBe('test')

    const second = await runJob({ number: 11, runId: '1002' }, project)
    expect(second.code).toBe(0)
    expect(comments(11)).toHaveLength(1)
    expect(comments(11)[0].body).toContain('actions/runs/1002')
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    // Nothing changed in between: the second deploy uploaded nothing.
    expect(second.stdout).toContain(': 0 uploaded, 3 unchanged, 0 removed')
    // The runner consumes ::add-mask:: commands; nothing else may show it.
    const shown = (text: string) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n')
    for (const text of [first.stdout, second.stdout, body, first.summary]) {
      expect(shown(text)).not.toContain(databricks.token)
    }
  })

  it('two racing runs: the one that started later keeps the comment', async () => {
    const project = await pullRequestRepo()
    // The older run's GitHub requests are slow, so it writes last.
    github.setLatency((request) => (request.token === 'SLOW_TOKEN' ? 400 : 0))
    const older = runJob(
      {
        number: 12,
        runId: '2001',
        token: 'SLOW_TOKEN',
        inputs: { command: 'plan' }
      },
      project
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    const newer = runJob(
      { number: 12, runId: '2002', inputs: { command: 'plan' } },
      project
    )
    const [a, b] = await Promise.all([older, newer])
    github.setLatency(0)
    expect([a.code, b.code]).toEqual([0, 0])
    expect(comments(12)).toHaveLength(1)
    expect(comments(12)[0].body).toContain('actions/runs/2002')
  })

  it('on a pull request from a fork it plans, says what it skipped, and does not fail', async () => {
    const step = await runJob({
      number: 13,
      runId: '3001',
      fork: true,
      token: READ_TOKEN
    })
    expect(step.code).toBe(0)
    // It ran nothing of what was asked: not "succeeded".
    expect(step.outputs.status).toBe('skipped')
    expect(step.summary).toContain('pull requests from forks get no secrets')
    expect(step.summary).toContain('```mermaid')
    expect(comments(13)).toHaveLength(0)
    expect(ranPreview('pr-13')).toBe(false)
  })

  // GitHub gives a pull_request_target workflow the pull_request payload,
  // with this repository's secrets and a write token: a workflow that
  // checks out the head would run a stranger's notebooks with them.
  it("on pull_request_target from a fork it neither deploys nor runs the pull request's notebooks, and says how to allow it", async () => {
    const seen = databricks.requests.length
    const step = await runJob({
      number: 15,
      runId: '5001',
      fork: true,
      eventName: 'pull_request_target'
    })
    expect(step.code).toBe(0)
    expect(step.outputs.status).toBe('skipped')
    const note =
      "Skipped `run`: on pull_request_target the pull request's notebooks would run with this repository's secrets; set allow-pull-request-target: true to allow it."
    expect(step.summary).toContain(note)
    expect(comments(15)).toHaveLength(1)
    expect(comments(15)[0].body).toContain(note)
    expect(step.outputs['deployed-root']).toBe('')
    // Not one write to the workspace, not one run.
    const writes = databricks.requests
      .slice(seen)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`)
    expect(writes).toEqual([])
    expect(ranPreview('pr-15')).toBe(false)
  })

  it('on pull_request_target with allow-pull-request-target: true it deploys and runs them in the pull request’s preview', async () => {
    writeSalesGoldColumns(databricks)
    const step = await runJob({
      number: 16,
      runId: '6001',
      fork: true,
      eventName: 'pull_request_target',
      inputs: { 'allow-pull-request-target': 'true' }
    })
    expect(step.code).toBe(0)
    expect(step.outputs.status).toBe('succeeded')
    expect(step.outputs['deployed-root']).toBe(
      '/Workspace/Shared/dtflw/sales/test/previews/pr-16'
    )
    expect(ranPreview('pr-16')).toBe(true)
  })

  it('a failing notebook still sets every output, and the step exits 1', async () => {
    databricks.behave('import_data', {
      outcome: 'failure',
      error: 'ValueError: bad order date'
    })
    const step = await runJob({ number: 14, runId: '4001' })
    databricks.behave('import_data', undefined)
    expect(step.code).toBe(1)
    expect(step.outputs.status).toBe('failed')
    expect(step.outputs['run-url']).toMatch(/^http/)
    expect(step.outputs.error).toBe('import_data: ValueError: bad order date')
    expect(step.outputs.report).toMatch(/report\.json$/)
    // One error line for the failure, with its cause.
    expect(step.stdout.match(/^::error/gm)).toHaveLength(1)
    expect(step.stdout).toContain(
      '::error::dtflw failed: import_data: ValueError: bad order date'
    )
    expect(comments(14)[0].body).toContain('ValueError: bad order date')
  })

  it("never takes someone else's comment for its report: a forged one stays as it is, and the report stays true through a failing run", async () => {
    writeSalesGoldColumns(databricks)
    const project = await pullRequestRepo()
    const first = await runJob({ number: 19, runId: '1901' }, project)
    expect(first.code).toBe(0)
    // Anyone who may comment copies the marker and a stamp from the
    // future, claiming success.
    const stamp =
      '<!-- dtflw:run head=ffff started=2099-01-01T00:00:00.000Z -->'
    const forgedBody = `<!-- dtflw:sales:test -->\n${stamp}\n## ✅ \`sales\` on \`test\`: succeeded\n`
    const [forged] = github.seedComments('shop/sales', 19, [
      { login: 'mallory', body: forgedBody }
    ])
    databricks.behave('import_data', {
      outcome: 'failure',
      error: 'ValueError: bad order date'
    })
    const second = await runJob({ number: 19, runId: '1902' }, project)
    databricks.behave('import_data', undefined)
    expect(second.code).toBe(1)
    const all = comments(19)
    expect(all.map((c) => c.login)).toEqual(['github-actions[bot]', 'mallory'])
    expect(all[0].body).toContain('actions/runs/1902')
    expect(all[0].body).toContain('ValueError: bad order date')
    expect(all[1]).toEqual(forged)
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    // Every edit and deletion the Action made was of its own comments.
    const changes = github.requests.filter((r) => r.changed !== undefined)
    expect(changes.length).toBeGreaterThan(0)
    expect(changes.every((r) => r.changed === r.login)).toBe(true)
  })

  it('a bad manifest is annotated at its file and line, and exits 2', async () => {
    const project = await pullRequestRepo()
    await project.repo.write(
      'dtflw.yaml',
      (await project.repo.read('dtflw.yaml')).replace(
        'inputs: [sales_orders_bronze, products_bronze]',
        'inputs: [sales_orders_bronz, products_bronze]'
      )
    )
    const step = await runJob(
      { number: 15, runId: '5001', inputs: { command: 'validate' } },
      project
    )
    expect(step.code).toBe(2)
    expect(step.stdout).toMatch(
      /::error title=dtflw [a-z-]+,file=dtflw\.yaml,line=\d+,col=\d+::input "sales_orders_bronz" of step "import_data"/
    )
    // Each problem annotated once (the notebook now misses the input the
    // typo renamed: a second problem), and nothing more said as an error.
    const errors = step.stdout
      .split('\n')
      .filter((l) => l.startsWith('::error'))
    expect(errors).toHaveLength(2)
    expect(errors.every((l) => /file=(dtflw\.yaml|notebooks\/)/.test(l))).toBe(
      true
    )
    const body = comments(15)[0].body
    expect(body.startsWith('<!-- dtflw:sales:test -->')).toBe(true)
    expect(body).toContain('input "sales\\_orders\\_bronz" of step')
  })

  it('when the job is cancelled, the post step cancels the Databricks run', async () => {
    databricks.behave('ingest_data', { durationMs: 30_000 })
    const before = databricks.runs.all().length
    // The runner kills the main step outright when the job is cancelled:
    // here once main recorded the run it submitted.
    let stateFile = ''
    const main = await runJob({
      number: 16,
      runId: '6001',
      onSpawn: (child) => {
        const timer = setInterval(() => {
          const state = stateFile ? readFileSync(stateFile, 'utf8') : ''
          if (state.includes('remoteRunId')) {
            clearInterval(timer)
            child.kill('SIGKILL')
          }
        }, 20)
      },
      onRunner: (files) => {
        stateFile = files.env.GITHUB_STATE
      }
    })
    databricks.behave('ingest_data', undefined)
    expect(main.code).toBe(null)
    const remote = databricks.runs.all()[before]
    expect(main.state['remote-run']).toContain(String(remote.runId))
    const post = await runActionStep({
      checkout,
      entry: 'post',
      workspace: main.repo.root,
      runner: main.runnerFiles,
      inputs: { command: 'run', profile: 'test' },
      env: {
        GITHUB_API_URL: github.url,
        DATABRICKS_HOST: databricks.url,
        DATABRICKS_TOKEN: databricks.token,
        'STATE_remote-run': main.state['remote-run']
      }
    })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain(
      `Cancelled Databricks run ${remote.runId}, which the job left running.`
    )
    await databricks.runs.waitUntilDone(remote.runId, 5000)
    const view = databricks.runs.view(remote.runId) as {
      state: { result_state: string }
    }
    expect(view.state.result_state).toBe('CANCELED')
  })

  it('the post step does nothing when main saw its run end', async () => {
    const main = await runJob({ number: 17, runId: '7001' })
    expect(main.state['remote-run']).toBe('')
    const post = await runActionStep({
      checkout,
      entry: 'post',
      workspace: main.repo.root,
      runner: main.runnerFiles,
      inputs: { command: 'run', profile: 'test' },
      env: { 'STATE_remote-run': main.state['remote-run'] ?? '' }
    })
    expect(post.code).toBe(0)
    expect(post.stdout).toBe('')
  })
})

describe('the Action on a big pipeline', () => {
  it('keeps the comment of a 5,000-step flow under 65,536 characters', async () => {
    const repo = await repoOf({
      'dtflw.yaml': generateManifest(5000),
      'profiles/development.yaml': [
        'engine: local',
        'variables: { day: "2026-11-21" }',
        'tables: { layout: catalog, catalog: c, schema: s }',
        'sources:',
        '  raw: { table: x.y.raw }',
        ''
      ].join('\n')
    })
    const notebook =
      '# Databricks notebook source\nprint(dbutils.widgets.get("day"))\n'
    await Promise.all(
      Array.from({ length: 5000 }, (_, i) =>
        repo.write(`notebooks/area${i % 50}/step${i}.py`, notebook)
      )
    )
    git(repo.root, 'init', '-q', '-b', 'main')
    git(repo.root, 'add', '-A')
    git(repo.root, 'commit', '-q', '-m', 'base')
    const base = git(repo.root, 'rev-parse', 'HEAD')
    await repo.write('notebooks/area7/step7.py', `${notebook}print(1)\n`)
    git(repo.root, 'commit', '-q', '-am', 'change step7')
    const step = await runJob(
      {
        number: 21,
        runId: '9001',
        inputs: { command: 'plan', profile: 'development' }
      },
      { repo, base, head: git(repo.root, 'rev-parse', 'HEAD') }
    )
    expect(step.code).toBe(0)
    const body = comments(21)[0].body
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(65_536)
    expect(body).toContain('step7')
    await repo.remove()
  }, 120_000)
})

describe('the Action on a local profile', () => {
  it('says how to get DuckDB when neither it nor the pipeline repository has it, before any run starts', async () => {
    const repo = await repoOf({
      'dtflw.yaml': [
        'pipeline: tiny',
        'flow:',
        '  - notebook: notebooks/one.sql',
        '    outputs: [one]',
        ''
      ].join('\n'),
      'notebooks/one.sql':
        '-- Databricks notebook source\nCREATE OR REPLACE TABLE IDENTIFIER(:one_out) AS SELECT 1 AS id\n',
      'profiles/development.yaml': [
        'engine: local',
        'tables: { layout: path, root: .dtflw/data/dev }',
        ''
      ].join('\n')
    })
    git(repo.root, 'init', '-q', '-b', 'main')
    git(repo.root, 'add', '-A')
    git(repo.root, 'commit', '-q', '-m', 'base')
    const head = git(repo.root, 'rev-parse', 'HEAD')
    const step = await runJob(
      {
        number: 23,
        runId: '9101',
        inputs: { command: 'run', profile: 'development' }
      },
      { repo, base: head, head }
    )
    expect(step.code).toBe(2)
    expect(step.stdout).toContain(
      'the local engine needs DuckDB (@duckdb/node-api), which is not installed here'
    )
    expect(step.stdout).toContain('run npm install')
    await expect(
      repo.read('.dtflw/data/dev/notebooks/one/one.parquet')
    ).rejects.toThrow()
    await repo.remove()
  })
})

describe('the Action promotes', () => {
  it('a build that passed test to acceptance, with a GitHub deployment and its status', async () => {
    databricks.behave('calculate_sales_stats', undefined)
    writeDeclaredTables(databricks)
    const project = await pullRequestRepo()
    const sha = project.head
    const job = async (
      inputs: Record<string, string>,
      eventName: string,
      runId: string
    ): Promise<StepRun> => {
      const runner = await runnerFiles(
        webhookExample(eventName === 'push' ? 'push' : 'workflow_dispatch'),
        eventName
      )
      return runActionStep({
        checkout,
        entry: 'index',
        workspace: project.repo.root,
        runner,
        inputs: { 'github-token': WRITE_TOKEN, ...inputs },
        env: {
          GITHUB_API_URL: github.url,
          GITHUB_RUN_ID: runId,
          GITHUB_SHA: sha,
          DATABRICKS_HOST: databricks.url,
          DATABRICKS_TOKEN: databricks.token,
          DTFLW_DATABRICKS_POLL_MS: '10'
        }
      })
    }
    const tested = await job(
      { command: 'run', profile: 'test' },
      'push',
      '8001'
    )
    expect(tested.code).toBe(0)
    const promoted = await job(
      { command: 'promote', to: 'acceptance' },
      'workflow_dispatch',
      '8002'
    )
    expect(promoted.stderr).toBe('')
    expect(promoted.code).toBe(0)
    expect(promoted.outputs.status).toBe('succeeded')
    expect(promoted.outputs['run-url']).toMatch(/^http/)
    const deployments = github.deployments('shop/sales')
    expect(deployments).toHaveLength(1)
    expect(deployments[0]).toMatchObject({ sha, environment: 'acceptance' })
    const statuses = github.deploymentStatuses(deployments[0].id)
    expect(statuses.map((s) => s.state)).toEqual(['in_progress', 'success'])
    expect(statuses[1].logUrl).toBe(promoted.outputs['run-url'])
    databricks.setBehaviour(undefined)
  })
})
