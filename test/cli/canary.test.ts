import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { git } from '../support/git.js'
import { runCli } from '../support/cli.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../support/databricks-server/index.js'
import {
  startGitHubServer,
  WRITE_TOKEN,
  type GitHubServer
} from '../support/github-server/index.js'
import { repoOf, type Repo } from '../engines/databricks/support.js'
import {
  actionCheckout,
  pullRequestEvent,
  runActionStep,
  runnerFiles
} from '../action/support.js'

// Three secrets, one from each place a secret comes from: `.env` (a name
// that looks like nothing), a name listed under `secrets:` and a
// secret-looking name in the real environment. Each reaches the notebook
// through a step argument and through a profile value, and the notebook
// prints it, exits with it and fails with it. The random tails are what
// the greps look for, so a partly masked secret is found too.
const DOTENV = 'c4n4ry-dotenv-7f3a9b2e1d'
const LISTED = 'c4n4ry-listed-5c6d7e8f90'
const TOKEN = 'c4n4ry-token-1a2b3c4d5e'
const TAILS = ['7f3a9b2e1d', '5c6d7e8f90', '1a2b3c4d5e']
const reversed = (s: string) => [...s].reverse().join('')

const PROJECT = {
  'dtflw.yaml': [
    'pipeline: vault',
    'promotion: [test, acceptance]',
    'flow:',
    '  - notebook: notebooks/leak.py',
    '    args: { route: "${WAREHOUSE_ROUTE}", dsn: "${SHOP_DSN}", token: "${SHOP_API_TOKEN}", again: "${var.route}" }',
    '  - notebook: notebooks/fail.py',
    '    args: { route: "${WAREHOUSE_ROUTE}" }',
    ''
  ].join('\n'),
  'profiles/_base.yaml': [
    'secrets: [SHOP_DSN]',
    'variables: { route: "${WAREHOUSE_ROUTE}", dsn: "${SHOP_DSN}", token: "${SHOP_API_TOKEN}" }',
    'engine: local',
    'tables: { layout: path, root: ".dtflw/data/${profile}" }',
    ''
  ].join('\n'),
  'profiles/development.yaml': 'extends: _base\n',
  'profiles/test.yaml': [
    'extends: _base',
    'engine: databricks',
    'workspace:',
    '  host: ${DATABRICKS_HOST}',
    '  root: /Workspace/Shared/dtflw/${pipeline}/${profile}',
    'compute: { serverless: true }',
    'tables: { layout: catalog, catalog: vault_test, schema: "${pipeline}" }',
    ''
  ].join('\n'),
  'profiles/acceptance.yaml': [
    'extends: test',
    'workspace: { root: /Workspace/Shared/dtflw/vault/acceptance }',
    ''
  ].join('\n'),
  '.env': `WAREHOUSE_ROUTE=${DOTENV}\n`,
  '.gitignore': '.dtflw/\n',
  // Prints what it received, exits with it, and with it reversed, which
  // no masking hides: proof that the notebook got the real values.
  'notebooks/leak.py': [
    '# Databricks notebook source',
    'values = [dbutils.widgets.get(n) for n in ("route", "dsn", "token", "again")]',
    'print("received", *values)',
    'dbutils.notebook.exit(" ".join(values) + " | " + " ".join(v[::-1] for v in values))',
    ''
  ].join('\n'),
  'notebooks/fail.py': [
    '# Databricks notebook source',
    'raise ValueError("cannot reach " + dbutils.widgets.get("route"))',
    ''
  ].join('\n')
}

/** What the notebooks do on the loopback workspace, as they do locally. */
function behaviour(server: DatabricksServer): void {
  server.setBehaviour((task) => {
    const p = task.baseParameters
    if (task.taskKey === 'leak') {
      const values = [p.route, p.dsn, p.token, p.again]
      return {
        exitValue: `${values.join(' ')} | ${values.map(reversed).join(' ')}`
      }
    }
    return {
      outcome: 'failure',
      error: `ValueError: cannot reach ${p.route}`,
      errorTrace: `Traceback (most recent call last):\nValueError: cannot reach ${p.route}`
    }
  })
}

/** Every file under a folder, as text. */
async function filesUnder(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  for (const e of entries) {
    if (!e.isFile()) continue
    const file = path.join(e.parentPath, e.name)
    out.set(file, await readFile(file, 'utf8'))
  }
  return out
}

/** Where a canary shows: `what` for each text holding one. */
function leaks(texts: Iterable<[string, string]>): string[] {
  const found: string[] = []
  for (const [what, text] of texts) {
    for (const tail of TAILS) {
      if (text.includes(tail)) found.push(`${what}: …${tail}`)
    }
  }
  return found
}

let databricks: DatabricksServer
let github: GitHubServer
let repo: Repo

beforeAll(async () => {
  databricks = await startDatabricksServer({ defaultDurationMs: 20 })
  github = await startGitHubServer()
  repo = await repoOf(PROJECT)
  git(repo.root, 'init', '-q', '-b', 'main')
  git(repo.root, 'add', '-A')
  git(repo.root, 'commit', '-q', '-m', 'base')
})
afterAll(async () => {
  await databricks.close()
  await github.close()
  await repo.remove()
})

describe('a secret from .env, from secrets: or from the environment', () => {
  it('reaches the notebook and nothing else: no output of any command, no file, no comment', async () => {
    behaviour(databricks)
    const env = {
      SHOP_DSN: LISTED,
      SHOP_API_TOKEN: TOKEN,
      DATABRICKS_HOST: databricks.url,
      DATABRICKS_TOKEN: databricks.token,
      DTFLW_DATABRICKS_POLL_MS: '10'
    }
    const commands = [
      ['validate'],
      ['plan', '--profile', 'development'],
      ['explain', '--profile', 'development'],
      ['widgets', '--profile', 'development', 'leak'],
      ['deploy', '--profile', 'development'],
      ['run', '--profile', 'development'],
      ['lineage', '--profile', 'development', '--format', 'json'],
      ['lineage', '--profile', 'development', '--format', 'openlineage'],
      ['lineage', '--profile', 'development', '--format', 'markdown'],
      ['lineage', '--profile', 'development', '--format', 'mermaid'],
      ['plan', '--profile', 'test'],
      ['explain', '--profile', 'test'],
      ['widgets', '--profile', 'test', 'leak'],
      ['deploy', '--profile', 'test', '--preview', 'pr-1'],
      ['run', '--profile', 'test'],
      ['lineage', '--profile', 'test', '--format', 'json'],
      ['cleanup', '--profile', 'test', '--preview', 'pr-1'],
      ['cancel', '--profile', 'test', '--run-id', '7000000000001'],
      ['promote', '--to', 'acceptance', '--dry-run'],
      ['promote', '--to', 'acceptance']
    ]
    const outputs: [string, string][] = []
    const codes: Record<string, number | null> = {}
    for (const args of commands) {
      for (const json of [false, true]) {
        const line = [...args, ...(json ? ['--json'] : [])]
        const run = await runCli(line, repo.root, { env })
        const name = `dtflw ${line.join(' ')}`
        codes[name] = run.code
        outputs.push([`${name} (stdout)`, run.stdout])
        outputs.push([`${name} (stderr)`, run.stderr])
      }
    }
    // The runs ran: the leak step succeeded, the other failed with it.
    expect(codes['dtflw run --profile development']).toBe(1)
    expect(codes['dtflw run --profile test --json']).toBe(1)
    expect(codes['dtflw validate']).toBe(0)
    // The test run failed, so nothing is promoted: refused, and said why.
    expect(codes['dtflw promote --to acceptance']).toBe(4)
    const json = JSON.parse(
      outputs.find(
        ([w]) => w === 'dtflw run --profile test --json (stdout)'
      )![1]
    )
    expect(json.result.steps[0].exitValue).toBe(
      `*** *** *** *** | ${[DOTENV, LISTED, TOKEN, DOTENV].map(reversed).join(' ')}`
    )
    const local = JSON.parse(
      outputs.find(
        ([w]) => w === 'dtflw run --profile development --json (stdout)'
      )![1]
    )
    expect(local.result.steps[0].exitValue).toBe(json.result.steps[0].exitValue)
    expect(local.result.steps[1].error.message).toContain(
      'ValueError: cannot reach ***'
    )

    // The Action, from dist/ as a runner runs it, on a pull request.
    const head = git(repo.root, 'rev-parse', 'HEAD')
    const runner = await runnerFiles(
      pullRequestEvent({ number: 5, baseSha: head, headSha: head }),
      'pull_request'
    )
    const action = await runActionStep({
      checkout: await actionCheckout(),
      entry: 'index',
      workspace: repo.root,
      runner,
      inputs: { command: 'run', profile: 'test', 'github-token': WRITE_TOKEN },
      env: { ...env, GITHUB_API_URL: github.url, GITHUB_RUN_ID: '77' }
    })
    expect(action.code).toBe(1)
    expect(action.outputs.status).toBe('failed')
    // The runner consumes `::add-mask::` and shows it to no one: that is
    // how the Action tells GitHub what to mask.
    const shown = action.stdout
      .split('\n')
      .filter((l) => !/^::add-mask::c4n4ry-/.test(l))
      .join('\n')
    expect(action.stdout).toContain(`::add-mask::${DOTENV}`)
    const comments = github.comments('shop/sales', 5)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('cannot reach ***')

    const texts: [string, string][] = [
      ...outputs,
      ['action stdout', shown],
      ['action stderr', action.stderr],
      ['action outputs', JSON.stringify(action.outputs)],
      ['action state', JSON.stringify(action.state)],
      ['action summary', action.summary],
      ['pull-request comment', comments[0].body],
      ...(await filesUnder(path.join(repo.root, '.dtflw'))),
      ...(await filesUnder(runner.dir)),
      ...databricks.workspace
        .paths()
        .map((p): [string, string] => [
          `workspace ${p}`,
          `${p}\n${databricks.workspace.read(p) ?? ''}`
        ])
    ]
    // The report, the event log, the step logs and lineage are there.
    const files = texts.map(([w]) => w).join('\n')
    expect(files).toMatch(/runs\/[^/]+\/report\.json/)
    expect(files).toMatch(/runs\/[^/]+\/events\.jsonl/)
    expect(files).toMatch(/runs\/[^/]+\/logs\/leak\.log/)
    expect(files).toMatch(/lineage\.json/)
    expect(leaks(texts)).toEqual([])

    // The notebooks got the real values, locally and on the workspace.
    const logs = texts.filter(([w]) => w.endsWith('logs/leak.log'))
    expect(logs.length).toBeGreaterThan(0)
    const submitted = databricks.runs
      .all()
      .flatMap((r) => r.tasks)
      .filter((t) => t.key === 'leak')
    expect(submitted.length).toBeGreaterThan(0)
    for (const task of submitted) {
      const params = (
        task.spec.notebook_task as { base_parameters: Record<string, string> }
      ).base_parameters
      expect(params).toMatchObject({
        route: DOTENV,
        dsn: LISTED,
        token: TOKEN,
        again: DOTENV
      })
    }
  }, 240_000)
})
