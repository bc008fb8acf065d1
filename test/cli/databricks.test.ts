import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { runCli } from '../support/cli.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../support/databricks-server/index.js'
import {
  salesRepo,
  serverEnv,
  writeSalesGoldColumns
} from '../engines/databricks/support.js'

let server: DatabricksServer
beforeAll(async () => {
  server = await startDatabricksServer({ defaultDurationMs: 30 })
})
afterAll(() => server.close())

/** Every file under a folder, as text. */
async function allText(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true })
  const texts = await Promise.all(
    names
      .filter((e) => e.isFile())
      .map((e) => readFile(path.join(e.parentPath, e.name), 'utf8'))
  )
  return texts.join('\n')
}

describe('the dtflw bin against a Databricks workspace', () => {
  it('deploys and runs the sample, prints the run page, and shows the token nowhere', async () => {
    const repo = await salesRepo()
    const env = serverEnv(server)
    writeSalesGoldColumns(server)
    const run = await runCli(['run', '--profile', 'test'], repo.root, { env })
    expect(run.stdout).toContain('ok        calculate_sales_stats')
    expect(run.stderr).toContain('Deploying 3 notebooks to databricks')
    expect(run.stderr).toMatch(/Submitted run \d+: http/)
    expect(run.stdout).toMatch(/Run page: http/)
    expect(run.code).toBe(0)
    const json = await runCli(
      ['run', '--profile', 'test', '--json'],
      repo.root,
      { env }
    )
    expect(JSON.parse(json.stdout).result.status).toBe('succeeded')
    for (const text of [
      run.stdout,
      run.stderr,
      json.stdout,
      json.stderr,
      await allText(path.join(repo.root, '.dtflw'))
    ]) {
      expect(text).not.toContain(server.token)
    }
    await repo.remove()
  })

  it('a preview run makes its schema and says so; cleanup drops it and says so', async () => {
    const repo = await salesRepo()
    const env = serverEnv(server)
    writeSalesGoldColumns(server)
    server.catalog.createSchema('sales_test')
    const run = await runCli(
      ['run', '--profile', 'test', '--preview', 'pr-9'],
      repo.root,
      { env }
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(
      "created the schema sales_test.sales__pr_9 for the preview's tables"
    )
    // The bundled CLI deployed its data diff notebook with the preview.
    expect(
      server.workspace.get(
        '/Workspace/Shared/dtflw/sales/test/previews/pr-9/.dtflw/dtflw_data_diff'
      )
    ).toBeDefined()
    const cleanup = await runCli(
      ['cleanup', '--profile', 'test', '--preview', 'pr-9'],
      repo.root,
      { env }
    )
    expect(cleanup.code).toBe(0)
    expect(cleanup.stdout).toContain(
      'Removed 1 preview: pr-9.\nDropped its schema with the tables in it: sales_test.sales__pr_9.'
    )
    expect(server.catalog.hasSchema('sales_test.sales__pr_9')).toBe(false)
    await repo.remove()
  })

  it('a deploy lock in the way: exit 4 naming it and how to break it; --force-lock takes it over and says whose it was', async () => {
    const repo = await salesRepo()
    const lock =
      '/Workspace/Shared/dtflw/sales/test/previews/locked/.dtflw/deploy.lock'
    server.workspace.putFile(
      lock,
      JSON.stringify({
        id: 'killed-job',
        owner: 'ci-bot (GitHub shop/sales run 77)',
        acquiredAt: new Date(Date.now() - 125_000).toISOString(),
        expiresAt: new Date(Date.now() + 775_000).toISOString()
      })
    )
    const args = ['deploy', '--profile', 'test', '--preview', 'locked']
    const refused = await runCli(args, repo.root, { env: serverEnv(server) })
    expect(refused.code).toBe(4)
    expect(refused.stderr).toContain(
      `error: the deploy lock ${lock} is held by ci-bot (GitHub shop/sales run 77), taken 2 min `
    )
    expect(refused.stderr).toMatch(/taken 2 min [5-9] s ago .*; it expires at /)
    expect(refused.stderr).toContain(
      'break the lock with `dtflw deploy --profile test --preview locked --force-lock`'
    )
    const forced = await runCli([...args, '--force-lock'], repo.root, {
      env: serverEnv(server)
    })
    expect(forced.code).toBe(0)
    expect(forced.stdout).toContain(
      'Took over the deploy lock of ci-bot (GitHub shop/sales run 77) (--force-lock).'
    )
    expect(server.workspace.get(lock)).toBe(undefined)
    await repo.remove()
  })

  it('Ctrl-C cancels the Databricks run before exiting 130', async () => {
    const repo = await salesRepo()
    server.behave('ingest_data', { durationMs: 20_000 })
    const before = server.runs.all().length
    const run = await runCli(['run', '--profile', 'test'], repo.root, {
      env: serverEnv(server),
      onSpawn: (child) => {
        const timer = setInterval(() => {
          const submitted = server.runs.all().slice(before)
          const started = submitted[0]?.tasks.some((t) => t.phase === 'running')
          if (started) {
            clearInterval(timer)
            child.kill('SIGINT')
          }
        }, 20)
      }
    })
    server.behave('ingest_data', undefined)
    expect(run.code).toBe(130)
    const remote = server.runs.all()[before]
    expect(
      (server.runs.view(remote.runId) as { state: { result_state: string } })
        .state.result_state
    ).toBe('CANCELED')
    expect(run.stdout).toContain('cancelled')
    await repo.remove()
  })
})
