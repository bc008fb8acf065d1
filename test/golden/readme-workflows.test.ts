import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { actionCheckout } from '../action/support.js'
import { repoRoot } from '../support/cli.js'
import { startDatabricksServer } from '../support/databricks-server/index.js'
import type { DatabricksServer } from '../support/databricks-server/index.js'
import {
  READ_TOKEN,
  startGitHubServer,
  WRITE_TOKEN
} from '../support/github-server/index.js'
import type { GitHubServer } from '../support/github-server/index.js'
import { runWorkflow } from '../support/workflow-runner/runner.js'
import type {
  JobResult,
  RunnerWorld
} from '../support/workflow-runner/runner.js'
import { declaredColumnsBehaviour } from './declared-columns.js'
import {
  createOrigin,
  dispatchPayload,
  pullRequestPayload,
  pushPayload
} from './repository.js'

/**
 * The workflows the README shows, copied out of it into the sample
 * pipeline and run as written: a pull request's preview with GitHub OIDC
 * from job variables, the merge to main with a token (test, then
 * acceptance by promotion), the cleanup of the preview, and a promotion
 * to production by hand.
 */
const SP = { clientId: 'f00d-sp' }

describe("the README's workflows, run as written", () => {
  let dir: string
  let databricks: DatabricksServer
  let github: GitHubServer
  let world: RunnerWorld

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-readme-'))
    const clone = path.join(dir, 'sales')
    await cp(path.join(repoRoot, 'examples', 'sales'), clone, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}.dtflw`)
    })
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8')
    await mkdir(path.join(clone, '.github', 'workflows'), { recursive: true })
    for (const [, text, name] of readme.matchAll(
      /```yaml\n(# \.github\/workflows\/([^\n]+)\n[\s\S]*?)```/g
    ))
      await writeFile(path.join(clone, '.github', 'workflows', name), text)
    databricks = await startDatabricksServer({
      federatedClientIds: [SP.clientId],
      behaviour: declaredColumnsBehaviour(path.join(clone, 'dtflw.yaml'))
    })
    // The test environment's catalog, made by an admin: a pull request's
    // preview makes its schema there.
    databricks.catalog.createSchema('sales_test')
    github = await startGitHubServer()
    const origin = createOrigin(
      clone,
      path.join(dir, 'origin.git'),
      'shop/sales'
    )
    const withToken = {
      DATABRICKS_HOST: databricks.url,
      DATABRICKS_TOKEN: databricks.token
    }
    world = {
      origin: origin.bare,
      repository: origin.fullName,
      actions: { 'soley/dtflw-action': await actionCheckout() },
      githubApiUrl: github.url,
      githubServerUrl: 'https://github.com',
      tokens: { write: WRITE_TOKEN, read: READ_TOKEN },
      secrets: {
        repository: {
          DATABRICKS_HOST: databricks.url,
          DATABRICKS_CLIENT_ID: SP.clientId
        },
        environments: {
          test: withToken,
          acceptance: withToken,
          production: withToken
        }
      },
      idToken: {
        url: databricks.githubIdTokenUrl,
        token: databricks.githubRequestToken
      },
      env: { PATH: process.env.PATH ?? '' }
    }
    state.origin = origin
  }, 60_000)

  afterAll(async () => {
    await databricks?.close()
    await github?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const state: { origin?: ReturnType<typeof createOrigin> } = {}
  const workflow = (name: string) =>
    path.join(state.origin!.clone, '.github', 'workflows', name)
  const results = (jobs: readonly JobResult[]) =>
    Object.fromEntries(jobs.map((j) => [j.id, j.result]))
  const failures = (jobs: readonly JobResult[]) =>
    jobs
      .flatMap((j) =>
        j.steps
          .filter((s) => s.outcome === 'failure')
          .map((s) => `${j.id} / ${s.name}: ${s.stdout}${s.stderr}`)
      )
      .join('\n')

  it('pull request, merge to main, cleanup and promotion all pass', async () => {
    const origin = state.origin!
    const base = origin.sha('main')
    origin.git('checkout', '-q', '-b', 'stats')
    const head = await origin.change(
      'notebooks/calculate_sales_stats.sql',
      '-- per year',
      'Stats: a comment'
    )
    origin.push('stats')
    const merge = origin.mergeRef(3, head, base)
    const payload = (action: 'opened' | 'closed', merged = false) =>
      pullRequestPayload({
        origin,
        number: 3,
        action,
        head,
        base,
        branch: 'stats',
        merged
      })
    const opened = await runWorkflow(
      workflow('pull-request.yml'),
      {
        eventName: 'pull_request',
        payload: payload('opened'),
        sha: merge,
        ref: 'refs/pull/3/merge'
      },
      world
    )
    expect(failures(opened)).toBe('')
    expect(results(opened)).toEqual({ preview: 'success' })
    expect(opened[0].warnings).toEqual([])
    expect(github.comments('shop/sales', 3)).toHaveLength(1)
    const preview = '/Shared/dtflw/sales/test/previews/pr-3'
    // changed-only: the changed step alone, deployed and run.
    expect(
      databricks.workspace
        .paths()
        .filter((p) => p.startsWith(`${preview}/notebooks/`))
    ).toEqual([`${preview}/notebooks/calculate_sales_stats`])

    origin.git('checkout', '-q', 'main')
    origin.git('merge', '-q', '--no-ff', '--no-edit', 'stats')
    const merged = origin.push('main')
    const main = await runWorkflow(
      workflow('main.yml'),
      {
        eventName: 'push',
        payload: pushPayload({
          origin,
          branch: 'main',
          before: base,
          after: merged
        }),
        sha: merged,
        ref: 'refs/heads/main'
      },
      world
    )
    expect(failures(main)).toBe('')
    expect(results(main)).toEqual({ test: 'success', acceptance: 'success' })

    const cleanup = await runWorkflow(
      workflow('cleanup.yml'),
      {
        eventName: 'pull_request',
        payload: payload('closed', true),
        sha: merged,
        ref: 'refs/pull/3/merge'
      },
      world
    )
    expect(failures(cleanup)).toBe('')
    expect(
      databricks.workspace.paths().filter((p) => p.startsWith(preview))
    ).toEqual([])

    const promote = await runWorkflow(
      workflow('promote.yml'),
      {
        eventName: 'workflow_dispatch',
        payload: dispatchPayload({
          origin,
          branch: 'main',
          inputs: { to: 'production', sha: merged }
        }),
        sha: merged,
        ref: 'refs/heads/main'
      },
      world
    )
    expect(failures(promote)).toBe('')
    expect(results(promote)).toEqual({ promote: 'success' })
    expect(
      github.deployments('shop/sales').map((d) => [d.environment, d.sha])
    ).toEqual([
      ['acceptance', merged],
      ['production', merged]
    ])
  }, 120_000)
})
