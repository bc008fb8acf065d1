import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it
} from '@jest/globals'
import type { CommandResult } from '../../src/commands/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../support/databricks-server/index.js'
import {
  dtflw,
  errors,
  salesRepo,
  writeDeclaredTables
} from '../engines/databricks/support.js'
import type { Repo } from '../engines/databricks/support.js'
import { git as gitIn } from '../support/git.js'

const ROOT = '/Workspace/Shared/dtflw/sales'

let server: DatabricksServer
let repo: Repo
beforeAll(async () => {
  server = await startDatabricksServer({ defaultDurationMs: 10 })
})
afterAll(() => server.close())
afterEach(async () => {
  server.setBehaviour(undefined)
  server.behave('import_data', undefined)
  for (const env of ['test', 'acceptance', 'production']) {
    server.workspace.delete(`${ROOT}/${env}`)
  }
  server.clearRequests()
  server.clearFaults()
  await repo.remove()
})

const git = (...args: string[]): string => gitIn(repo.root, ...args)

/** The sample as a repository with one commit on main. */
async function committedSample(): Promise<string> {
  repo = await salesRepo()
  writeDeclaredTables(server)
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '-m', 'sample')
  return git('rev-parse', 'HEAD')
}

const refused = (result: CommandResult) => {
  expect(result.exitCode).toBe(4)
  return errors(result).join('\n')
}

describe('promotion along test → acceptance → production', () => {
  it('refuses a plain deploy or run to a later environment, saying how to promote', async () => {
    await committedSample()
    for (const command of ['deploy', 'run'] as const) {
      const text = refused(
        await dtflw(repo, server, { command, profile: 'production' })
      )
      expect(text).toBe(
        `profile "production" is promoted to, not deployed to: it comes after "acceptance" in promotion: [test, acceptance, production]. Run dtflw promote --to production (it deploys and runs the build that passed acceptance), or set promotion: { direct: true } in its profile to allow dtflw ${command} there.`
      )
    }
    expect(server.requestsTo('POST', '/api/2.0/workspace/import')).toEqual([])
  })

  it('records a passed run without the identity when the identity lookup fails, says so, and promotes it', async () => {
    const sha = await committedSample()
    server.fault({
      method: 'GET',
      path: '/api/2.0/preview/scim/v2/Me',
      times: 100,
      status: 403,
      body: {
        error_code: 'PERMISSION_DENIED',
        message: 'This API is disabled for service principals'
      }
    })
    const tested = await dtflw(repo, server, {
      command: 'run',
      profile: 'test'
    })
    server.clearFaults()
    expect(tested.exitCode).toBe(0)
    expect(
      tested.diagnostics.find((d) => d.code === 'evidence-without-identity')
        ?.summary
    ).toContain('written without the Databricks identity')
    const records = server.workspace
      .paths()
      .filter((p) =>
        p.startsWith(`/Shared/dtflw/sales/test/.dtflw/builds/${sha}/`)
      )
    expect(records).toHaveLength(1)
    const record = JSON.parse(server.workspace.read(records[0])!)
    expect(record).toMatchObject({ gitSha: sha, status: 'succeeded' })
    expect(record.who.databricks).toBe(undefined)
    const promoted = await dtflw(repo, server, {
      command: 'promote',
      to: 'acceptance',
      sha
    })
    expect(promoted.exitCode).toBe(0)
  })

  it('refuses a commit the previous environment never ran', async () => {
    const sha = await committedSample()
    const text = refused(
      await dtflw(repo, server, { command: 'promote', to: 'acceptance' })
    )
    expect(text).toBe(
      `cannot promote ${sha.slice(0, 12)} to acceptance: no run of ${sha.slice(0, 12)} on test is recorded in ${ROOT}/test/.dtflw/builds; run it there first (dtflw run --profile test at that commit, as CI does after a merge), then promote.`
    )
  })

  it('promotes exactly the bytes that passed, from git, while the checkout is a commit ahead', async () => {
    const sha = await committedSample()
    const tested = await dtflw(repo, server, {
      command: 'run',
      profile: 'test'
    })
    expect(tested.exitCode).toBe(0)
    const record = JSON.parse(
      server.workspace.read(
        `${ROOT}/test/.dtflw/builds/${sha}/${(tested.data as { report: { runId: string } }).report.runId}.json`
      )!
    )
    expect(record).toMatchObject({
      gitSha: sha,
      profile: 'test',
      status: 'succeeded',
      who: { databricks: server.userName }
    })
    const original = await repo.read('notebooks/import_data.py')
    await repo.write(
      'notebooks/import_data.py',
      `${original}\nprint("ahead")\n`
    )
    git('commit', '-q', '-am', 'ahead')

    const promoted = await dtflw(repo, server, {
      command: 'promote',
      to: 'acceptance',
      sha
    })
    expect(promoted.exitCode).toBe(0)
    expect(
      server.workspace.read(`${ROOT}/acceptance/notebooks/import_data`)
    ).toBe(original)
    const data = promoted.data as unknown as {
      kind: string
      report: {
        status: string
        gitSha: string
        steps: { parameters: Record<string, string> }[]
      }
      recorded: string
    }
    expect(data.kind).toBe('promote')
    expect(data.report.status).toBe('succeeded')
    expect(data.report.gitSha).toBe(sha)
    expect(data.report.steps[0].parameters.sales_orders_bronze_out).toBe(
      'sales_acceptance.sales.sales_orders_bronze'
    )
    expect(data.recorded).toMatch(
      new RegExp(`^${ROOT}/acceptance/\\.dtflw/builds/${sha}/.+\\.json$`)
    )
    // And on: production accepts what acceptance passed.
    const production = await dtflw(repo, server, {
      command: 'promote',
      to: 'production',
      sha
    })
    expect(production.exitCode).toBe(0)
  })

  it('refuses to promote after the previous environment failed', async () => {
    const sha = await committedSample()
    await dtflw(repo, server, { command: 'run', profile: 'test' })
    server.setBehaviour((task) =>
      task.notebookPath.startsWith(`${ROOT}/acceptance/`) &&
      task.taskKey === 'import_data'
        ? { outcome: 'failure', error: 'ValueError: broken in acceptance' }
        : undefined
    )
    const acceptance = await dtflw(repo, server, {
      command: 'promote',
      to: 'acceptance'
    })
    expect(acceptance.exitCode).toBe(1)
    const text = refused(
      await dtflw(repo, server, { command: 'promote', to: 'production' })
    )
    expect(text).toMatch(
      new RegExp(
        `^cannot promote ${sha.slice(0, 12)} to production: the run of ${sha.slice(0, 12)} on acceptance failed \\(run .+\\); only a build that passed acceptance is promoted`
      )
    )
  })

  it('refuses when the notebooks at the commit are not what ran', async () => {
    const sha = await committedSample()
    // A run from a dirty checkout is recorded under HEAD with other bytes.
    await repo.write(
      'notebooks/ingest_data.sql',
      `${await repo.read('notebooks/ingest_data.sql')}\n-- not committed\n`
    )
    await dtflw(repo, server, { command: 'run', profile: 'test' })
    const text = refused(
      await dtflw(repo, server, { command: 'promote', to: 'acceptance' })
    )
    expect(text).toBe(
      `cannot promote ${sha.slice(0, 12)} to acceptance: the notebooks at ${sha.slice(0, 12)} no longer hash to what test ran (changed: notebooks/ingest_data.sql); promote the commit that ran there, or run this one on test first.`
    )
  })

  it('--dry-run says what would change and writes nothing', async () => {
    await committedSample()
    await dtflw(repo, server, { command: 'run', profile: 'test' })
    server.clearRequests()
    const dry = await dtflw(repo, server, {
      command: 'promote',
      to: 'acceptance',
      dryRun: true
    })
    expect(dry.exitCode).toBe(0)
    expect(dry.data).toMatchObject({
      kind: 'promote',
      dryRun: {
        root: `${ROOT}/acceptance`,
        uploaded: [
          'notebooks/calculate_sales_stats.sql',
          'notebooks/import_data.py',
          'notebooks/ingest_data.sql'
        ],
        dryRun: true
      }
    })
    const writes = server.requests.filter(
      (r) => r.method === 'POST' && !r.path.endsWith('/oidc/v1/token')
    )
    expect(writes).toEqual([])
    expect(server.workspace.get(`${ROOT}/acceptance`)).toBe(undefined)
  })

  it('a record is never rewritten', async () => {
    const sha = await committedSample()
    const run = await dtflw(repo, server, { command: 'run', profile: 'test' })
    const runId = (run.data as { report: { runId: string } }).report.runId
    const file = `${ROOT}/test/.dtflw/builds/${sha}/${runId}.json`
    const before = server.workspace.read(file)
    const { createDatabricksEngineFor } =
      await import('../../src/engines/databricks/index.js')
    const { loadProfile } = await import('../../src/profiles/index.js')
    const profile = await loadProfile({
      root: repo.root,
      profilesDir: 'profiles',
      name: 'test',
      context: { env: { DATABRICKS_HOST: server.url }, pipeline: 'sales' }
    })
    const engine = await createDatabricksEngineFor({
      root: repo.root,
      pipeline: 'sales',
      profile,
      env: {
        DATABRICKS_HOST: server.url,
        DATABRICKS_TOKEN: server.token,
        HOME: '/nonexistent'
      },
      toolVersion: 'test'
    })
    const again = await engine.records!.create(
      `.dtflw/builds/${sha}/${runId}.json`,
      '{"forged": true}'
    )
    expect(again).toBe('exists')
    expect(server.workspace.read(file)).toBe(before)
  })

  it('refuses a commit that is not on the branches production takes from', async () => {
    await committedSample()
    await repo.write(
      'profiles/production.yaml',
      `${await repo.read('profiles/production.yaml')}promotion:\n  from_branches: [release]\n`
    )
    git('commit', '-q', '-am', 'production only from release')
    const sha = git('rev-parse', 'HEAD')
    const text = refused(
      await dtflw(repo, server, { command: 'promote', to: 'production' })
    )
    expect(text).toBe(
      `cannot promote ${sha.slice(0, 12)} to production: it is not on release (promotion.from_branches of profile "production"); merge it first, then promote the merged commit.`
    )
  })
})
