import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startGitHubServer,
  WRITE_TOKEN,
  type GitHubServer
} from '../support/github-server/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../support/databricks-server/index.js'
import {
  salesRepo,
  writeSalesGoldColumns
} from '../engines/databricks/support.js'
import type { Repo } from '../engines/databricks/support.js'
import {
  actionCheckout,
  git,
  pullRequestEvent,
  runActionStep,
  runnerFiles
} from './support.js'

/**
 * The Action at its edges, run from dist/ as a runner runs it: inputs that
 * point nowhere, a base branch that does not load, a comment across a
 * failed and a fixed run, Dependabot, and errors said once.
 */
let databricks: DatabricksServer
let github: GitHubServer
let checkout: string

beforeAll(async () => {
  databricks = await startDatabricksServer({ defaultDurationMs: 10 })
  // The test environment's catalog: a pull request's preview makes its
  // schema there.
  databricks.catalog.createSchema('sales_test')
  writeSalesGoldColumns(databricks)
  github = await startGitHubServer()
  checkout = await actionCheckout()
})
afterAll(async () => {
  await databricks.close()
  await github.close()
})

async function repository(): Promise<{ repo: Repo; base: string }> {
  const repo = await salesRepo()
  git(repo.root, 'init', '-q', '-b', 'main')
  git(repo.root, 'add', '-A')
  git(repo.root, 'commit', '-q', '-m', 'base')
  return { repo, base: git(repo.root, 'rev-parse', 'HEAD') }
}

async function step(options: {
  repo: Repo
  base: string
  number: number
  inputs: Record<string, string>
  env?: Record<string, string>
  actor?: string
}) {
  const head = git(options.repo.root, 'rev-parse', 'HEAD')
  const runner = await runnerFiles(
    pullRequestEvent({
      number: options.number,
      baseSha: options.base,
      headSha: head
    }),
    'pull_request'
  )
  return runActionStep({
    checkout,
    entry: 'index',
    workspace: options.repo.root,
    runner,
    inputs: { 'github-token': WRITE_TOKEN, ...options.inputs },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_RUN_ID: String(options.number * 10),
      DTFLW_DATABRICKS_POLL_MS: '10',
      ...(options.actor ? { GITHUB_ACTOR: options.actor } : {}),
      ...options.env
    }
  })
}

const credentials = () => ({
  DATABRICKS_HOST: databricks.url,
  DATABRICKS_TOKEN: databricks.token
})

describe('the Action at its edges', () => {
  it('refuses a working-directory that does not exist, before running anything above it', async () => {
    const { repo, base } = await repository()
    const before = databricks.runs.all().length
    const run = await step({
      repo,
      base,
      number: 31,
      inputs: {
        command: 'run',
        profile: 'test',
        'working-directory': 'does-not-exist'
      },
      env: credentials()
    })
    expect(run.code).toBe(2)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.error).toBe(
      'input "working-directory": the checkout has no folder "does-not-exist"; set it to the folder of dtflw.yaml, relative to the repository root.'
    )
    expect(run.stdout.match(/^::error/gm)).toHaveLength(1)
    expect(databricks.runs.all().length).toBe(before)
  })

  it('refuses a working-directory or manifest outside the checkout', async () => {
    const { repo, base } = await repository()
    const outside: Record<string, string>[] = [
      { 'working-directory': '..' },
      { manifest: '../../etc/dtflw.yaml' }
    ]
    for (const inputs of outside) {
      const run = await step({
        repo,
        base,
        number: 32,
        inputs: { command: 'validate', ...inputs },
        env: credentials()
      })
      expect(run.code).toBe(2)
      expect(run.outputs.error).toMatch(
        /^input "(working-directory|manifest)" must be a path inside the repository's checkout/
      )
    }
  })

  it('a pull request that fixes a broken main passes: no diff against a base that does not load', async () => {
    const { repo } = await repository()
    const good = await repo.read('dtflw.yaml')
    await repo.write(
      'dtflw.yaml',
      good.replace('pipeline: sales', 'pipeline: [sales')
    )
    git(repo.root, 'commit', '-q', '-am', 'break main')
    const broken = git(repo.root, 'rev-parse', 'HEAD')
    await repo.write('dtflw.yaml', good)
    git(repo.root, 'commit', '-q', '-am', 'fix main')
    const run = await step({
      repo,
      base: broken,
      number: 33,
      inputs: { command: 'run', profile: 'test', 'changed-only': 'true' },
      env: credentials()
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.outputs['run-url']).toMatch(/^http/)
    expect(run.outputs.report).toMatch(/report\.json$/)
    const body = github.comments('shop/sales', 33)[0].body
    expect(body).toContain('does not load')
  })

  it('keeps one comment across a run that could not plan and the run that fixed it', async () => {
    const { repo, base } = await repository()
    const good = await repo.read('dtflw.yaml')
    await repo.write(
      'dtflw.yaml',
      good.replace(
        'inputs: [sales_orders_bronze, products_bronze]',
        'inputs: [sales_orders_bronz, products_bronze]'
      )
    )
    git(repo.root, 'commit', '-q', '-am', 'typo')
    const failed = await step({
      repo,
      base,
      number: 34,
      inputs: { command: 'run', profile: 'test' },
      env: credentials()
    })
    expect(failed.code).toBe(2)
    expect(github.comments('shop/sales', 34)).toHaveLength(1)
    expect(
      github
        .comments('shop/sales', 34)[0]
        .body.startsWith('<!-- dtflw:sales:test -->')
    ).toBe(true)
    await repo.write('dtflw.yaml', good)
    git(repo.root, 'commit', '-q', '-am', 'fix the typo')
    const fixed = await step({
      repo,
      base,
      number: 34,
      inputs: { command: 'run', profile: 'test' },
      env: credentials()
    })
    expect(fixed.code).toBe(0)
    const comments = github.comments('shop/sales', 34)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('succeeded')
  })

  it("Dependabot's pull request without Databricks secrets plans and says why, instead of failing", async () => {
    const { repo, base } = await repository()
    const run = await step({
      repo,
      base,
      number: 35,
      actor: 'dependabot[bot]',
      inputs: { command: 'run', profile: 'test' }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('skipped')
    expect(run.summary).toContain(
      "Dependabot's pull requests get only Dependabot secrets"
    )
  })

  it('an input it cannot read still sets the outputs a later step reads', async () => {
    const { repo, base } = await repository()
    const run = await step({
      repo,
      base,
      number: 36,
      inputs: { command: 'run', profile: 'test', 'timeout-minutes': 'ten' }
    })
    expect(run.code).toBe(2)
    expect(run.outputs).toEqual(
      expect.objectContaining({
        status: 'failed',
        error:
          'input "timeout-minutes" must be a positive whole number, got "ten".'
      })
    )
  })

  it('both entry modules export run(), as runners of actions outside GitHub expect', async () => {
    const main = await import('../../src/action/main.js')
    const post = await import('../../src/action/post.js')
    expect(typeof main.run).toBe('function')
    expect(typeof post.run).toBe('function')
    // Without a run left by main, post has nothing to do and says nothing.
    await expect(post.run({})).resolves.toBeUndefined()
  })
})
