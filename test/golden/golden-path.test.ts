import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { actionCheckout } from '../action/support.js'
import {
  publicRegistryReachable,
  startRegistry
} from '../generators/registry.js'
import type { Registry } from '../generators/registry.js'
import {
  lintWorkflows,
  makeTempDir,
  removeDir,
  runProcess
} from '../generators/support.js'
import { repoRoot } from '../support/cli.js'
import {
  runPythonNotebook,
  startDatabricksServer,
  writeDuckCatalogs
} from '../support/databricks-server/index.js'
import type { DatabricksServer } from '../support/databricks-server/index.js'
import {
  startGitHubServer,
  READ_TOKEN,
  WRITE_TOKEN
} from '../support/github-server/index.js'
import { startWorkflow } from '../support/workflow-runner/runner.js'
import type {
  JobResult,
  RunnerWorld,
  Trigger
} from '../support/workflow-runner/runner.js'
import {
  createOrigin,
  dispatchPayload,
  editFile,
  pullRequestPayload,
  pushPayload
} from './repository.js'

/**
 * The path a new team takes, end to end: `npm init dtflw-pipeline` from
 * the packed package on a registry on loopback, push, and the generated
 * workflow files run as written (their `if:`, `needs:`, `env:`,
 * `permissions:`, `environment:` and the dtflw step's `with:`, against
 * the Action's `action.yml`) by a runner stand-in, against the loopback
 * workspace and GitHub: a pull request with its preview and comment, a
 * second push, a superseded run cancelled mid-deploy, the pull request
 * closed, the merge to main promoted to acceptance, and a manual promotion
 * to production. Only the secrets a team sets in its GitHub environments
 * are given.
 */
const reachable = await publicRegistryReachable()
if (!reachable) {
  console.warn(
    'skipped the golden path: the public npm registry is unreachable, and the install needs our dependencies from it'
  )
}
const maybe = reachable ? describe : describe.skip
const MINUTE = 60_000

const SP = { clientId: 'c0ffee-sp', clientSecret: 'dose-golden-secret-42' }

interface Variant {
  readonly name: string
  readonly options: readonly string[]
  readonly auth: 'oauth-m2m' | 'github-oidc'
  readonly notebook: string
  /** Then adds steps with the installed dtflw (one variant is enough). */
  readonly addsSteps?: boolean
}

const VARIANTS: readonly Variant[] = [
  {
    name: 'shop_sql',
    options: [],
    auth: 'oauth-m2m',
    notebook: 'notebooks/daily_revenue.sql',
    addsSteps: true
  },
  {
    name: 'shop_py',
    options: ['--language', 'python'],
    auth: 'oauth-m2m',
    notebook: 'notebooks/daily_revenue.py'
  },
  {
    name: 'shop_oidc',
    options: ['--auth', 'github-oidc'],
    auth: 'github-oidc',
    notebook: 'notebooks/daily_revenue.sql'
  }
]

/**
 * `dtflw add` from the installed package: the templates ship beside the
 * bundle, and the published Yeoman notebook generator (what a generator of
 * another package composes with) loads by path.
 */
async function expectStepsAdded(
  repo: string,
  env: Record<string, string | undefined>
): Promise<void> {
  const npx = (args: string[]) =>
    runProcess('npx', ['--no', ...args], { cwd: repo, env })
  const read = (file: string) => readFile(path.join(repo, file), 'utf8')
  const added = await npx([
    'dtflw',
    'add',
    'weekly_revenue',
    '--template',
    'aggregate',
    '--by',
    'week',
    '--yes'
  ])
  expect([added.code, added.stderr]).toEqual([0, ''])
  expect(added.stdout).toContain(
    'Added step weekly_revenue (notebooks/weekly_revenue.sql) from template aggregate after daily_revenue'
  )
  expect(await read('notebooks/weekly_revenue.sql')).toContain(
    "CAST(date_trunc('WEEK', CAST(order_date AS DATE)) AS DATE) AS week"
  )
  const run = await npx(['dtflw', 'run', '--profile', 'development'])
  expect(run.stdout).toContain('ok        weekly_revenue')
  expect(run.code).toBe(0)
  const generator = path.join(
    repo,
    'node_modules/create-dtflw-pipeline/generators/notebook/index.js'
  )
  const yeoman = await runProcess(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module'
       const require = createRequire(process.argv[1])
       const { createEnv } = await import(require.resolve('yeoman-environment'))
       const env = createEnv({ cwd: process.cwd(), skipInstall: true })
       env.register(process.argv[1], { namespace: 'create-dtflw-pipeline:notebook' })
       await env.run(['create-dtflw-pipeline:notebook', 'audit'], { inputs: 'raw_orders', yes: true })`,
      generator
    ],
    { cwd: repo, env }
  )
  expect(yeoman.code).toBe(0)
  // Editing the manifest is what was asked: Yeoman asks no overwrite question.
  expect(yeoman.stderr).toContain('force dtflw.yaml')
  expect(await read('notebooks/audit.sql')).toContain('IDENTIFIER(:audit_out)')
  expect(await read('dtflw.yaml')).toContain(
    '  - notebook: notebooks/audit.sql\n    inputs: [raw_orders]\n    outputs: [audit]\n'
  )
}

maybe('the golden path of a generated repository', () => {
  let runDir: string
  let registry: Registry
  let action: string
  let npmEnv: Record<string, string>
  const servers: { close(): Promise<void> }[] = []

  beforeAll(async () => {
    runDir = await makeTempDir('dtflw-golden-')
    registry = await startRegistry(runDir)
    npmEnv = {
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
      npm_config_userconfig: registry.userconfig,
      npm_config_cache: registry.cache,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false'
    }
    const npm = async (args: string[], cwd: string) => {
      const run = await runProcess('npm', args, {
        cwd,
        env: { ...npmEnv, HOME: process.env.HOME },
        timeoutMs: 5 * MINUTE
      })
      if (run.code !== 0)
        throw new Error(`npm ${args.join(' ')}: ${run.stdout}\n${run.stderr}`)
      return run
    }
    const pack = await npm(
      ['pack', '--ignore-scripts', '--json', '--pack-destination', runDir],
      repoRoot
    )
    const [{ filename }] = JSON.parse(pack.stdout) as { filename: string }[]
    await npm(
      [
        'publish',
        path.join(runDir, filename),
        '--userconfig',
        registry.publishConfig
      ],
      runDir
    )
    action = await actionCheckout()
  }, 3 * MINUTE)

  afterAll(async () => {
    await registry?.stop()
    for (const server of servers) await server.close()
    await removeDir(runDir)
  })

  /**
   * The data diff task as a cluster runs it: dtflw's deployed notebook,
   * over DuckDB files holding each catalog's tables the workspace has
   * (empty: the stand-in's steps write no rows).
   */
  function runDataDiff(
    databricks: DatabricksServer,
    work: string,
    task: { notebookPath: string; baseParameters: Record<string, string> }
  ) {
    const plan = JSON.parse(task.baseParameters.plan) as {
      tables: { base: string; head: string }[]
    }
    const names = plan.tables
      .flatMap((t) => [t.base, t.head])
      .map((n) => n.replaceAll('`', ''))
      .filter((n) => databricks.catalog.hasTable(n))
    const folder = path.join(work, `catalogs-${Date.now()}`)
    const catalogs = Object.fromEntries(
      [...new Set(names.map((n) => n.split('.')[0]))].map((c) => [
        c,
        path.join(folder, `${c}.duckdb`)
      ])
    )
    mkdirSync(folder, { recursive: true })
    writeDuckCatalogs(catalogs, [
      ...[...new Set(names.map((n) => n.split('.').slice(0, 2).join('.')))].map(
        (schema) => `CREATE SCHEMA IF NOT EXISTS ${schema}`
      ),
      ...names.map((n) => `CREATE TABLE ${n} (id BIGINT)`)
    ])
    return runPythonNotebook(
      databricks.workspace.read(task.notebookPath) ?? '',
      task.baseParameters,
      catalogs
    )
  }

  it.concurrent.each(VARIANTS)(
    '$name: pull request, preview, comment, cancel, merge, acceptance, production',
    async (variant) => {
      const databricks = await startDatabricksServer({
        oauthClients: [SP],
        federatedClientIds: [SP.clientId],
        // What the sample's daily_revenue notebook creates (its SELECT), in
        // Unity Catalog's type names; other tasks write their outputs bare.
        behaviour: (task) =>
          task.notebookPath.endsWith('/.dtflw/dtflw_data_diff')
            ? runDataDiff(databricks, work, task)
            : task.taskKey === 'daily_revenue'
              ? {
                  writes: [
                    {
                      table: task.baseParameters.daily_revenue_out,
                      columns: [
                        { name: 'order_date', type: 'date' },
                        { name: 'revenue', type: 'decimal(18,2)' },
                        { name: 'orders', type: 'bigint' }
                      ]
                    }
                  ]
                }
              : undefined
      })
      // The test environment's catalog, made by an admin: a preview makes
      // its own schema in it.
      databricks.catalog.createSchema(`${variant.name}_test`)
      const github = await startGitHubServer()
      servers.push(databricks, github)
      const work = path.join(runDir, variant.name)
      await mkdir(work)
      const init = await runProcess(
        'npm',
        [
          'init',
          'dtflw-pipeline',
          variant.name,
          '--yes',
          '--',
          ...variant.options
        ],
        {
          cwd: work,
          env: { ...npmEnv, HOME: process.env.HOME },
          timeoutMs: 5 * MINUTE
        }
      )
      expect(init.stderr).not.toMatch(/deprecated|ERR!|force/)
      expect(init.code).toBe(0)
      expect(init.stdout).toContain(
        `Created pipeline ${variant.name} in ${variant.name}.`
      )
      expect(init.stdout).toContain('npx --no dtflw run --profile development')
      const clone = path.join(work, variant.name)
      expect(await lintWorkflows(clone)).toEqual([])
      const origin = createOrigin(
        clone,
        path.join(work, 'origin.git'),
        `shop/${variant.name}`
      )
      const host = databricks.url
      const secrets: Record<string, string> =
        variant.auth === 'github-oidc'
          ? { DATABRICKS_HOST: host, DATABRICKS_CLIENT_ID: SP.clientId }
          : {
              DATABRICKS_HOST: host,
              DATABRICKS_CLIENT_ID: SP.clientId,
              DATABRICKS_CLIENT_SECRET: SP.clientSecret
            }
      const world: RunnerWorld = {
        origin: origin.bare,
        repository: origin.fullName,
        actions: { 'soley/dtflw-action': action },
        githubApiUrl: github.url,
        githubServerUrl: 'https://github.com',
        tokens: { write: WRITE_TOKEN, read: READ_TOKEN },
        secrets: {
          repository: {},
          environments: {
            test: secrets,
            acceptance: secrets,
            production: secrets
          }
        },
        idToken: {
          url: databricks.githubIdTokenUrl,
          token: databricks.githubRequestToken
        },
        env: npmEnv,
        npmCiCache: path.join(runDir, 'npm-ci-cache')
      }
      const workflow = (file: string) =>
        path.join(clone, '.github', 'workflows', file)
      const secretValues = [SP.clientSecret, WRITE_TOKEN, READ_TOKEN]
      const expectClean = (jobs: readonly JobResult[]) => {
        for (const job of jobs) {
          expect({ job: job.id, warnings: job.warnings }).toEqual({
            job: job.id,
            warnings: []
          })
          for (const step of job.steps) {
            const printed = `${step.stdout}\n${step.stderr}`
              .split('\n')
              .filter((l) => !l.startsWith('::add-mask::'))
              .join('\n')
            for (const secret of secretValues)
              expect(printed).not.toContain(secret)
          }
        }
      }
      const timing = (jobs: readonly JobResult[]) => {
        if (process.env.GOLDEN_TIMING)
          console.log(
            jobs
              .flatMap((j) =>
                j.steps.map((s) => `${j.id} ${s.name} ${s.durationMs}ms`)
              )
              .join('\n')
          )
        return jobs
      }
      const ok = (jobs: readonly JobResult[]) =>
        Object.fromEntries(jobs.map((j) => [j.id, j.result]))
      const explain = (jobs: readonly JobResult[]) =>
        jobs
          .flatMap((j) =>
            j.steps
              .filter((s) => s.outcome !== 'success' && s.outcome !== 'skipped')
              .map((s) => `${j.id} / ${s.name}: ${s.stdout}\n${s.stderr}`)
          )
          .join('\n')
      const trigger = (
        eventName: string,
        payload: Record<string, unknown>,
        sha: string,
        ref: string
      ): Trigger => ({ eventName, payload, sha, ref, actor: 'dana' })
      const root = `/Shared/dtflw/${variant.name}`
      const notebookPaths = (under: string) =>
        databricks.workspace
          .paths()
          .filter((p) => p.startsWith(`${under}/notebooks/`))

      // 1. A pull request: the local job, then a preview on test with a comment.
      const base = origin.sha('main')
      origin.git('checkout', '-q', '-b', 'revenue-since')
      await origin.change(variant.notebook, '', 'Revenue: a blank line')
      const head1 = origin.push('revenue-since')
      const pr = (
        action: 'opened' | 'synchronize' | 'closed',
        head: string,
        merged = false
      ) =>
        pullRequestPayload({
          origin,
          number: 7,
          action,
          head,
          base,
          branch: 'revenue-since',
          merged
        })
      const merge1 = origin.mergeRef(7, head1, base)
      const opened = await startWorkflow(
        workflow('pull-request.yml'),
        trigger(
          'pull_request',
          pr('opened', head1),
          merge1,
          'refs/pull/7/merge'
        ),
        world
      ).done
      expect(explain(opened)).toBe('')
      timing(opened)
      expect(ok(opened)).toEqual({ local: 'success', test: 'success' })
      expectClean(opened)
      const preview = `${root}/test/previews/pr-7`
      expect(notebookPaths(preview).length).toBe(2)
      const comments = () => github.comments(origin.fullName, 7)
      expect(comments()).toHaveLength(1)
      const first = comments()[0]
      expect(first.body).toContain('succeeded')
      // The preview's tables against test's: on a first push test has
      // none of them yet, and the comment says so.
      expect(first.body).toContain('### Data changes')
      expect(first.body).toMatch(/: new table, [\d,]+ rows/)
      const dtflwStep = opened
        .find((j) => j.id === 'test')!
        .steps.find((s) => s.name.startsWith('soley/dtflw-action'))!
      expect(dtflwStep.outputs.status).toBe('succeeded')
      expect(dtflwStep.outputs['comment-url']).toContain('#issuecomment-')

      // 2. A second push, and a third that supersedes its run in the
      // middle of the deploy: the next run succeeds (no stale lock) and
      // updates the same comment.
      await origin.change(variant.notebook, '', 'Revenue: another blank line')
      const head2 = origin.push('revenue-since')
      const merge2 = origin.mergeRef(7, head2, base)
      const lockPath = `${preview}/.dtflw/deploy.lock`
      databricks.fault({
        method: 'POST',
        path: '/api/2.0/workspace/import',
        delayMs: 300,
        times: 50
      })
      const superseded = startWorkflow(
        workflow('pull-request.yml'),
        trigger(
          'pull_request',
          pr('synchronize', head2),
          merge2,
          'refs/pull/7/merge'
        ),
        world
      )
      const deadline = Date.now() + 2 * MINUTE
      while (!databricks.workspace.get(lockPath) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20))
      expect(databricks.workspace.get(lockPath)).toBeDefined()
      superseded.cancel()
      const cancelled = await superseded.done
      databricks.clearFaults()
      expect(ok(cancelled)).toEqual({ local: 'success', test: 'cancelled' })
      const cancelledStep = cancelled
        .find((j) => j.id === 'test')!
        .steps.find((s) => s.name === 'soley/dtflw-action@v1')!
      expect(cancelledStep.stdout).not.toContain('internal error')
      expect(cancelledStep.exitCode).toBe(130)
      expect(databricks.workspace.get(lockPath)).toBeUndefined()
      await origin.change(variant.notebook, '', 'Revenue: a third blank line')
      const head3 = origin.push('revenue-since')
      const merge3 = origin.mergeRef(7, head3, base)
      const next = await startWorkflow(
        workflow('pull-request.yml'),
        trigger(
          'pull_request',
          pr('synchronize', head3),
          merge3,
          'refs/pull/7/merge'
        ),
        world
      ).done
      expect(explain(next)).toBe('')
      expect(ok(next)).toEqual({ local: 'success', test: 'success' })
      expect(comments()).toHaveLength(1)
      expect(comments()[0].id).toBe(first.id)
      expect(comments()[0].body).not.toBe(first.body)

      // 4. Merged and closed: the preview goes.
      origin.git('checkout', '-q', 'main')
      origin.git('merge', '-q', '--no-ff', '--no-edit', 'revenue-since')
      const accepted = origin.push('main')
      const closed = await startWorkflow(
        workflow('preview-cleanup.yml'),
        trigger(
          'pull_request',
          pr('closed', head3, true),
          accepted,
          'refs/pull/7/merge'
        ),
        world
      ).done
      expect(explain(closed)).toBe('')
      expect(ok(closed)).toEqual({ cleanup: 'success' })
      expect(
        databricks.workspace.paths().filter((p) => p.startsWith(preview))
      ).toEqual([])

      // 5. The merge on main: a run on test, then acceptance gets that build.
      const main = await startWorkflow(
        workflow('main.yml'),
        trigger(
          'push',
          pushPayload({
            origin,
            branch: 'main',
            before: base,
            after: accepted
          }),
          accepted,
          'refs/heads/main'
        ),
        world
      ).done
      expect(explain(main)).toBe('')
      timing(main)
      expect(ok(main)).toEqual({ test: 'success', acceptance: 'success' })
      expectClean(main)
      const onTest = notebookPaths(`${root}/test`).filter(
        (p) => !p.includes('/previews/')
      )
      expect(onTest.length).toBe(2)
      for (const p of onTest) {
        const twin = p.replace(`${root}/test/`, `${root}/acceptance/`)
        expect(databricks.workspace.read(twin)).toBe(
          databricks.workspace.read(p)
        )
      }
      const acceptedNotebook = databricks.workspace.read(onTest[0])

      // 6. Main moves on, untested; production takes the accepted build only.
      await editFile(origin, variant.notebook, (t) => `${t}\n`)
      origin.git('commit', '-q', '-am', 'Revenue: untested change')
      const later = origin.push('main')
      const refused = await startWorkflow(
        workflow('promote.yml'),
        trigger(
          'workflow_dispatch',
          dispatchPayload({ origin, branch: 'main', inputs: {} }),
          later,
          'refs/heads/main'
        ),
        world
      ).done
      expect(ok(refused)).toEqual({ production: 'failure' })
      const refusal = refused[0].steps.find((s) =>
        s.name.startsWith('soley/dtflw-action')
      )!
      expect(refusal.exitCode).toBe(4)
      expect(notebookPaths(`${root}/production`)).toEqual([])
      const promoted = await startWorkflow(
        workflow('promote.yml'),
        trigger(
          'workflow_dispatch',
          dispatchPayload({
            origin,
            branch: 'main',
            inputs: { sha: accepted }
          }),
          later,
          'refs/heads/main'
        ),
        world
      ).done
      expect(explain(promoted)).toBe('')
      expect(ok(promoted)).toEqual({ production: 'success' })
      const onProduction = notebookPaths(`${root}/production`)
      expect(onProduction.length).toBe(2)
      expect(
        databricks.workspace.read(
          onProduction[0].replace('/production/', '/test/')
        )
      ).toBeDefined()
      expect(
        databricks.workspace.read(onTest[0].replace('/test/', '/production/'))
      ).toBe(acceptedNotebook)

      // 7. The next step, added with the installed dtflw.
      if (variant.addsSteps) {
        await expectStepsAdded(clone, { ...npmEnv, HOME: process.env.HOME })
      }
    },
    10 * MINUTE
  )
})
