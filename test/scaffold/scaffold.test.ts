import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { appTemplates, planScaffold } from '../../src/scaffold/index.js'
import { readParquet } from '../engines/support/repo.js'
import { runCli } from '../support/cli.js'
import {
  answersOf,
  lintWorkflows,
  makeTempDir,
  readTree,
  removeDir,
  VERSION,
  writeScaffold
} from '../generators/support.js'

// A laptop or CI job with the workspace configured, as the README says to.
const WORKSPACE = { DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' }

/** The template folder as a repository: `_gitignore` is `.gitignore` there. */
async function templateTree(): Promise<Record<string, string>> {
  const tree = await readTree(path.join(appTemplates(), 'pipeline'))
  const { _gitignore, _npmrc, ...rest } = tree
  return { ...rest, '.gitignore': _gitignore, '.npmrc': _npmrc }
}

/** Comment lines of a YAML text, which patches must keep. */
const comments = (text: string) =>
  text.split('\n').filter((l) => l.trimStart().startsWith('#'))

describe('planScaffold', () => {
  it('writes the template as it stands for its own answers, and nothing else', async () => {
    const answers = answersOf({
      name: 'orders_pipeline',
      description:
        'A Databricks notebook pipeline, tested on every pull request and promoted from test to acceptance to production.'
    })
    const files = await planScaffold(answers, { version: '0.1.0' })
    const planned = Object.fromEntries(files.map((f) => [f.path, f.content]))
    expect(planned).toEqual(await templateTree())
  })

  it('patches only the named fields, keeping every comment', async () => {
    const answers = answersOf({
      name: 'sales',
      hostTest: 'https://adb-1.2.azuredatabricks.net/',
      hostProduction: 'https://adb-3.4.azuredatabricks.net',
      compute: 'new-cluster',
      layout: 'path',
      storageRoot: 'abfss://lake@acct.dfs.core.windows.net/pipelines',
      language: 'python'
    })
    const files = await planScaffold(answers, { version: VERSION })
    const out = Object.fromEntries(files.map((f) => [f.path, f.content]))
    const template = await templateTree()
    for (const name of [
      'base',
      'development',
      'test',
      'acceptance',
      'production'
    ]) {
      const file = `profiles/${name}.yaml`
      expect(comments(out[file])).toEqual(comments(template[file]))
    }
    expect(parse(out['profiles/test.yaml'])).toEqual({
      ...parse(template['profiles/test.yaml']),
      variables: {
        storage_root: 'abfss://lake@acct.dfs.core.windows.net/pipelines'
      },
      workspace: {
        host: 'https://adb-1.2.azuredatabricks.net',
        root: '/Workspace/Shared/dtflw/${pipeline}/${profile}'
      },
      compute: {
        new_cluster: {
          spark_version: '16.4.x-scala2.12',
          node_type_id: 'Standard_D4ds_v5',
          num_workers: 1,
          data_security_mode: 'DATA_SECURITY_MODE_AUTO'
        }
      },
      tables: {
        layout: 'path',
        root: '${var.storage_root}/${pipeline}/${profile}',
        format: 'parquet'
      },
      sources: {
        raw_orders: {
          path: '${var.storage_root}/landing/raw_orders.csv',
          format: 'csv'
        }
      }
    })
    // Acceptance takes the test host by default; production its own.
    expect(parse(out['profiles/acceptance.yaml'])).toEqual({
      extends: 'test',
      workspace: { host: 'https://adb-1.2.azuredatabricks.net' }
    })
    expect(parse(out['profiles/production.yaml']).workspace.host).toBe(
      'https://adb-3.4.azuredatabricks.net'
    )
    expect(out['profiles/base.yaml']).toBe(template['profiles/base.yaml'])
    expect(parse(out['dtflw.yaml'])).toEqual({
      ...parse(template['dtflw.yaml']),
      pipeline: 'sales',
      flow: parse(template['dtflw.yaml']).flow.map(
        (s: { notebook: string }) => ({
          ...s,
          notebook: s.notebook.replace('.sql', '.py')
        })
      )
    })
    expect(comments(out['dtflw.yaml'])).toEqual(
      comments(template['dtflw.yaml'])
    )
    expect(JSON.parse(out['package.json'])).toEqual({
      ...JSON.parse(template['package.json']),
      name: 'sales',
      devDependencies: { 'create-dtflw-pipeline': `^${VERSION}` }
    })
    expect(out['README.md'].split('\n')[0]).toBe('# sales')
    expect(Object.keys(out).filter((p) => p.startsWith('notebooks/'))).toEqual([
      'notebooks/clean_orders.py',
      'notebooks/daily_revenue.py'
    ])
    expect(out['requirements.txt']).toContain('duckdb==')
  })

  it('without samples writes no notebooks, data or sources, and an empty flow', async () => {
    const answers = answersOf({
      samples: false,
      compute: 'existing-cluster',
      clusterId: '0123-456789-abcdefgh'
    })
    const files = await planScaffold(answers, { version: VERSION })
    const out = Object.fromEntries(files.map((f) => [f.path, f.content]))
    expect(
      Object.keys(out).filter((p) => /^(notebooks|data)\//.test(p))
    ).toEqual([])
    expect(parse(out['dtflw.yaml'])).toEqual({
      pipeline: 'my_pipeline',
      promotion: ['test', 'acceptance', 'production'],
      flow: []
    })
    expect(parse(out['profiles/base.yaml'])).toEqual({
      engine: 'local',
      tables: {
        layout: 'path',
        root: '.dtflw/data/${profile}',
        format: 'parquet'
      }
    })
    expect(parse(out['profiles/test.yaml']).compute).toEqual({
      existing_cluster_id: '0123-456789-abcdefgh'
    })
    expect(parse(out['profiles/test.yaml']).sources).toBeUndefined()
    expect(out['requirements.txt']).toBeUndefined()
  })
})

describe('a generated repository', () => {
  let root: string
  beforeAll(async () => {
    root = await makeTempDir()
  })
  afterAll(() => removeDir(root))

  const scaffold = async (name: string, given: Record<string, unknown>) => {
    const dir = path.join(root, name)
    await mkdir(dir)
    await writeScaffold(dir, given)
    return dir
  }

  it('validates and runs on the local engine: SQL samples, catalog layout', async () => {
    const dir = await scaffold('sql', { name: 'sql_orders' })
    const validate = await runCli(['validate'], dir, { env: WORKSPACE })
    expect([validate.code, validate.stdout.trim(), validate.stderr]).toEqual([
      0,
      'Valid: 2 steps and 5 profiles (acceptance, base, development, production, test).',
      ''
    ])
    const run = await runCli(['run', '--profile', 'development'], dir)
    expect([run.code, run.stdout]).toEqual([
      0,
      expect.stringContaining('succeeded')
    ])
    expect(
      await readParquet(
        path.join(
          dir,
          '.dtflw/data/development/notebooks/daily_revenue/daily_revenue.parquet'
        ),
        'SELECT count(*)::INT AS days, sum(orders)::INT AS orders, sum(revenue)::DOUBLE AS revenue FROM {}'
      )
    ).toEqual([{ days: 7, orders: 15, revenue: 675.89 }])
  })

  it('validates and runs the Python samples to the same tables, path layout', async () => {
    const dir = await scaffold('python', {
      name: 'py_orders',
      language: 'python',
      layout: 'path',
      compute: 'new-cluster'
    })
    const validate = await runCli(['validate'], dir, { env: WORKSPACE })
    expect([validate.code, validate.stderr]).toEqual([0, ''])
    const run = await runCli(['run', '--profile', 'development'], dir)
    expect([run.code, run.stderr]).toEqual([
      0,
      expect.stringContaining('succeeded daily_revenue')
    ])
    expect(
      await readParquet(
        path.join(
          dir,
          '.dtflw/data/development/notebooks/daily_revenue/daily_revenue.parquet'
        ),
        'SELECT count(*)::INT AS days, sum(orders)::INT AS orders, sum(revenue)::DOUBLE AS revenue FROM {}'
      )
    ).toEqual([{ days: 7, orders: 15, revenue: 675.89 }])
  })

  it('validates without samples, and plans the Databricks profiles offline', async () => {
    const dir = await scaffold('empty', {
      samples: false,
      hostTest: 'https://adb-1.2.azuredatabricks.net',
      compute: 'existing-cluster',
      clusterId: '0123-456789-abcdefgh'
    })
    const validate = await runCli(['validate'], dir, { env: WORKSPACE })
    expect([validate.code, validate.stdout.trim()]).toEqual([
      0,
      'Valid: 0 steps and 5 profiles (acceptance, base, development, production, test).'
    ])
    const explain = await runCli(['explain', '--profile', 'test'], dir)
    expect(explain.code).toBe(0)
    expect(explain.stdout).toMatch(
      /compute\.existing_cluster_id\s+0123-456789-abcdefgh/
    )
    expect(explain.stdout).toMatch(
      /workspace\.host\s+https:\/\/adb-1\.2\.azuredatabricks\.net/
    )
  })

  it('has workflows that actionlint accepts, and actionlint does find mistakes', async () => {
    const dir = await scaffold('lint', {})
    expect(await lintWorkflows(dir)).toEqual([])
    const file = path.join(dir, '.github/workflows/main.yml')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('needs: test', 'needs: tset'))
    expect(await lintWorkflows(dir)).toEqual([
      expect.objectContaining({
        file: '.github/workflows/main.yml',
        message: expect.stringContaining('"tset"')
      })
    ])
  })

  it('has workflows wired as the issue asks: triggers, permissions, concurrency', async () => {
    const dir = await scaffold('wiring', {})
    const read = async (name: string) =>
      parse(await readFile(path.join(dir, '.github/workflows', name), 'utf8'))
    const pr = await read('pull-request.yml')
    expect(pr.permissions).toEqual({})
    expect(pr.jobs.local.permissions).toEqual({ contents: 'read' })
    expect(
      pr.jobs.local.steps.map((s: { run?: string }) => s.run).filter(Boolean)
    ).toEqual([
      'python -m pip install -r requirements.txt',
      'npm ci',
      'npx --no dtflw validate',
      'npx --no dtflw run --profile development'
    ])
    expect(pr.jobs.test.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write'
    })
    expect(pr.jobs.test.steps[1]).toEqual({
      uses: 'soley/dtflw-action@v1',
      with: expect.objectContaining({
        command: 'run',
        profile: 'test',
        comment: true
      })
    })
    const main = await read('main.yml')
    expect(main.on).toEqual({ push: { branches: ['main'] } })
    expect(main.jobs.acceptance.steps[1].with).toEqual(
      expect.objectContaining({ command: 'promote', to: 'acceptance' })
    )
    expect(main.jobs.acceptance.permissions['deployments']).toBe('write')
    expect(main.jobs.acceptance.concurrency).toEqual({
      group: 'dtflw-acceptance',
      'cancel-in-progress': false
    })
    const promote = await read('promote.yml')
    expect(Object.keys(promote.on)).toEqual(['workflow_dispatch'])
    expect(promote.jobs.production.environment).toBe('production')
    expect(promote.jobs.production.steps[1].with).toEqual(
      expect.objectContaining({ command: 'promote', to: 'production' })
    )
    const cleanup = await read('preview-cleanup.yml')
    expect(cleanup.on).toEqual({ pull_request: { types: ['closed'] } })
    expect(cleanup.jobs.cleanup.steps[1].with.command).toBe('cleanup')
    // Every action input is one the Action declares (DESIGN.md section 5).
    const inputs = new Set([
      'command',
      'profile',
      'manifest',
      'working-directory',
      'preview',
      'changed-only',
      'comment',
      'github-token',
      'databricks-host',
      'databricks-token',
      'databricks-client-id',
      'databricks-client-secret',
      'timeout-minutes',
      'to'
    ])
    for (const workflow of [pr, main, promote, cleanup]) {
      for (const job of Object.values(workflow.jobs) as {
        steps: { uses?: string; with?: object }[]
      }[]) {
        for (const step of job.steps.filter((s) =>
          s.uses?.startsWith('soley/')
        )) {
          for (const key of Object.keys(step.with ?? {}))
            expect(inputs).toContain(key)
        }
      }
    }
  })

  it.each([
    [
      'oauth-m2m',
      {
        'databricks-client-id': 'DATABRICKS_CLIENT_ID',
        'databricks-client-secret': 'DATABRICKS_CLIENT_SECRET'
      },
      undefined
    ],
    [
      'github-oidc',
      { 'databricks-client-id': 'DATABRICKS_CLIENT_ID' },
      'write'
    ],
    ['pat', { 'databricks-token': 'DATABRICKS_TOKEN' }, undefined]
  ])(
    'signs in with %s in every dtflw step, and the README lists those secrets',
    async (auth, credentials, idToken) => {
      const dir = await scaffold(`auth-${auth}`, { auth })
      const expected = {
        'databricks-host': '${{ secrets.DATABRICKS_HOST }}',
        ...Object.fromEntries(
          Object.entries(credentials).map(([input, secret]) => [
            input,
            `\${{ secrets.${secret} }}`
          ])
        )
      }
      let steps = 0
      for (const name of [
        'pull-request.yml',
        'main.yml',
        'promote.yml',
        'preview-cleanup.yml'
      ]) {
        const text = await readFile(
          path.join(dir, '.github/workflows', name),
          'utf8'
        )
        const workflow = parse(text)
        for (const job of Object.values(workflow.jobs) as {
          permissions: Record<string, string>
          steps: { uses?: string; with?: Record<string, unknown> }[]
        }[]) {
          const dtflw = job.steps.filter((s) => s.uses?.startsWith('soley/'))
          if (dtflw.length === 0) continue
          expect(job.permissions['id-token']).toBe(idToken)
          for (const step of dtflw) {
            steps++
            const given = Object.fromEntries(
              Object.entries(step.with ?? {}).filter(([k]) =>
                k.startsWith('databricks-')
              )
            )
            expect(given).toEqual(expected)
          }
        }
        expect(comments(text)).toEqual(
          comments(
            await readFile(
              path.join(appTemplates(), 'pipeline/.github/workflows', name),
              'utf8'
            )
          )
        )
      }
      expect(steps).toBe(5)
      const readme = await readFile(path.join(dir, 'README.md'), 'utf8')
      for (const secret of Object.values(credentials))
        expect(readme).toContain(`\`${secret}\``)
      for (const other of [
        'DATABRICKS_TOKEN',
        'DATABRICKS_CLIENT_SECRET',
        'DATABRICKS_CLIENT_ID'
      ].filter((s) => !Object.values(credentials).includes(s)))
        expect(readme).not.toContain(`\`${other}\`:`)
      expect(await lintWorkflows(dir)).toEqual([])
    }
  )
})
