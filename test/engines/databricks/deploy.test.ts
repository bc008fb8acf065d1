import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it
} from '@jest/globals'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../support/databricks-server/index.js'
import { SALES_ROOT, dtflw, errors, salesRepo, serverEnv } from './support.js'
import type { Repo } from './support.js'

let server: DatabricksServer
const repos: Repo[] = []
beforeAll(async () => {
  server = await startDatabricksServer()
})
afterAll(() => server.close())
afterEach(async () => {
  while (repos.length > 0) await repos.pop()!.remove()
})

/** A fresh CI checkout of the sample. */
async function checkout(): Promise<Repo> {
  const repo = await salesRepo()
  repos.push(repo)
  return repo
}

/** Starts each test from an empty workspace root. */
function resetWorkspace(): void {
  server.workspace.delete(SALES_ROOT)
  server.clearFaults()
  server.clearRequests()
}

const deployed = (result: Awaited<ReturnType<typeof dtflw>>) => {
  if (result.data?.kind !== 'deploy') {
    throw new Error(`not a deploy: ${JSON.stringify(result.diagnostics)}`)
  }
  return result.data.result
}

const NOTEBOOKS = [
  'notebooks/calculate_sales_stats.sql',
  'notebooks/import_data.py',
  'notebooks/ingest_data.sql'
]

describe('dtflw deploy to a Databricks workspace', () => {
  it('uploads every notebook of the flow under the root, without extensions, in its language', async () => {
    resetWorkspace()
    const repo = await checkout()
    const result = await dtflw(repo, server, { command: 'deploy' })
    expect(result.exitCode).toBe(0)
    expect(deployed(result)).toMatchObject({
      root: SALES_ROOT,
      uploaded: NOTEBOOKS,
      removed: [],
      unchanged: []
    })
    const python = server.workspace.get(`${SALES_ROOT}/notebooks/import_data`)
    expect(python).toMatchObject({ kind: 'NOTEBOOK', language: 'PYTHON' })
    expect(
      server.workspace.get(`${SALES_ROOT}/notebooks/ingest_data`)
    ).toMatchObject({ kind: 'NOTEBOOK', language: 'SQL' })
    expect(server.workspace.read(`${SALES_ROOT}/notebooks/import_data`)).toBe(
      await repo.read('notebooks/import_data.py')
    )
    const state = JSON.parse(
      server.workspace.read(`${SALES_ROOT}/.dtflw/deploy-state.json`)!
    )
    expect(Object.keys(state.files).sort()).toEqual(NOTEBOOKS)
    // The lock is gone once the deploy is done.
    expect(server.workspace.get(`${SALES_ROOT}/.dtflw/deploy.lock`)).toBe(
      undefined
    )
  })

  it('redeploys nothing from a fresh clone: at most 3 requests, no upload, no lock', async () => {
    resetWorkspace()
    expect(
      (await dtflw(await checkout(), server, { command: 'deploy' })).exitCode
    ).toBe(0)
    server.clearRequests()
    const again = await dtflw(await checkout(), server, { command: 'deploy' })
    expect(deployed(again)).toMatchObject({
      uploaded: [],
      removed: [],
      unchanged: NOTEBOOKS
    })
    expect(server.requests.length).toBeLessThanOrEqual(3)
    expect(server.requestsTo('POST', '/api/2.0/workspace/import')).toEqual([])
    expect(deployed(again).requests).toBe(server.requests.length)
  })

  it('uploads only the notebook that changed', async () => {
    resetWorkspace()
    const repo = await checkout()
    await dtflw(repo, server, { command: 'deploy' })
    await repo.write(
      'notebooks/ingest_data.sql',
      `${await repo.read('notebooks/ingest_data.sql')}\n-- a reviewer's note\n`
    )
    server.clearRequests()
    const result = await dtflw(repo, server, { command: 'deploy' })
    expect(deployed(result).uploaded).toEqual(['notebooks/ingest_data.sql'])
    expect(server.requestsTo('POST', '/api/2.0/workspace/import').length).toBe(
      // The lock, the pending record, the notebook, the state.
      4
    )
    expect(
      server.workspace.read(`${SALES_ROOT}/notebooks/ingest_data`)
    ).toContain("a reviewer's note")
  })

  it('deletes the notebook of a step that left the manifest', async () => {
    resetWorkspace()
    const repo = await checkout()
    await dtflw(repo, server, { command: 'deploy' })
    const manifest = await repo.read('dtflw.yaml')
    await repo.write(
      'dtflw.yaml',
      manifest.slice(
        0,
        manifest.indexOf('  - notebook: notebooks/calculate_sales_stats.sql')
      )
    )
    const result = await dtflw(repo, server, { command: 'deploy' })
    expect(result.exitCode).toBe(0)
    expect(deployed(result).removed).toEqual([
      'notebooks/calculate_sales_stats.sql'
    ])
    expect(
      server.workspace.get(`${SALES_ROOT}/notebooks/calculate_sales_stats`)
    ).toBe(undefined)
  })

  it('restores a remote folder deleted behind its back', async () => {
    resetWorkspace()
    const repo = await checkout()
    await dtflw(repo, server, { command: 'deploy' })
    server.workspace.delete(`${SALES_ROOT}/notebooks`)
    const result = await dtflw(repo, server, { command: 'deploy' })
    expect(deployed(result).uploaded).toEqual(NOTEBOOKS)
    expect(
      server.workspace.get(`${SALES_ROOT}/notebooks/import_data`)
    ).toBeDefined()
  })

  it('re-uploads a notebook edited in the workspace', async () => {
    resetWorkspace()
    const repo = await checkout()
    await dtflw(repo, server, { command: 'deploy' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    server.workspace.putNotebook(
      `${SALES_ROOT}/notebooks/import_data`,
      '# Databricks notebook source\nprint("edited by hand")\n',
      'PYTHON'
    )
    const result = await dtflw(repo, server, { command: 'deploy' })
    expect(deployed(result).uploaded).toEqual(['notebooks/import_data.py'])
  })

  it('a deploy interrupted half-way is repaired by the next one, which uploads only what is missing', async () => {
    resetWorkspace()
    const repo = await checkout()
    // The lock, the pending record and the first notebook go through, the
    // next notebook's upload is refused: the deploy stops half-way.
    server.fault({
      method: 'POST',
      path: '/api/2.0/workspace/import',
      after: 3,
      times: 1,
      status: 403,
      body: { error_code: 'PERMISSION_DENIED', message: 'interrupted' }
    })
    const broken = await dtflw(repo, server, { command: 'deploy' })
    expect(broken.exitCode).toBe(3)
    const there = (p: string) =>
      server.workspace.get(`${SALES_ROOT}/${p.replace(/\.(py|sql)$/, '')}`)
    const uploaded = NOTEBOOKS.filter(there)
    expect(uploaded.length).toBeGreaterThan(0)
    expect(uploaded.length).toBeLessThan(NOTEBOOKS.length)
    expect(server.workspace.get(`${SALES_ROOT}/.dtflw/deploy.lock`)).toBe(
      undefined
    )
    server.clearFaults()
    const repaired = await dtflw(repo, server, { command: 'deploy' })
    expect(repaired.exitCode).toBe(0)
    expect(deployed(repaired).uploaded).toEqual(
      NOTEBOOKS.filter((p) => !uploaded.includes(p))
    )
    const again = await dtflw(repo, server, { command: 'deploy' })
    expect(deployed(again).uploaded).toEqual([])
  })

  it('refuses with exit 4 while another deploy holds the lock, naming it', async () => {
    resetWorkspace()
    const repo = await checkout()
    server.workspace.putFile(
      `${SALES_ROOT}/.dtflw/deploy.lock`,
      JSON.stringify({
        id: 'other',
        owner: 'ci-bot@example.com (GitHub shop/sales run 77)',
        acquiredAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 600_000).toISOString()
      })
    )
    const result = await dtflw(repo, server, { command: 'deploy' })
    expect(result.exitCode).toBe(4)
    expect(errors(result)[0]).toMatch(
      /^the deploy lock \/Workspace\/Shared\/dtflw\/sales\/test\/\.dtflw\/deploy\.lock is held by ci-bot@example\.com \(GitHub shop\/sales run 77\), taken \d+ s ago \(at .*\); it expires at .*\. Another deploy to this folder may be running: wait for it, or, if it was killed, break the lock with `dtflw deploy --profile test --force-lock`\.$/
    )
    expect(server.requestsTo('POST', '/api/2.0/workspace/import').length).toBe(
      1
    )
  })

  it('--force-lock takes over a lock another deploy holds, and says whose', async () => {
    resetWorkspace()
    const repo = await checkout()
    server.workspace.putFile(
      `${SALES_ROOT}/.dtflw/deploy.lock`,
      JSON.stringify({
        id: 'other',
        owner: 'ci-bot@example.com (GitHub shop/sales run 77)',
        acquiredAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 600_000).toISOString()
      })
    )
    const result = await dtflw(repo, server, {
      command: 'deploy',
      forceLock: true
    })
    expect(result.exitCode).toBe(0)
    expect(deployed(result)).toMatchObject({
      uploaded: NOTEBOOKS,
      lockTakenOver: {
        holder: 'ci-bot@example.com (GitHub shop/sales run 77)',
        reason: 'forced'
      }
    })
    expect(server.workspace.get(`${SALES_ROOT}/.dtflw/deploy.lock`)).toBe(
      undefined
    )
  })

  it('a rerun of the same CI run takes its own lock over; another run is refused', async () => {
    resetWorkspace()
    const repo = await checkout()
    const ci = (attempt: string, run = '4242') =>
      serverEnv(server, {
        GITHUB_RUN_ID: run,
        GITHUB_RUN_ATTEMPT: attempt,
        GITHUB_REPOSITORY: 'shop/sales',
        GITHUB_ACTOR: 'octo'
      })
    // Attempt 1 was killed while it held the lock.
    server.workspace.putFile(
      `${SALES_ROOT}/.dtflw/deploy.lock`,
      JSON.stringify({
        id: 'attempt-1',
        owner: 'octo (GitHub shop/sales run 4242 attempt 1)',
        ciRun: 'shop/sales run 4242',
        attempt: 1,
        acquiredAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 600_000).toISOString()
      })
    )
    const other = await dtflw(
      repo,
      server,
      { command: 'deploy' },
      { env: ci('1', '4343') }
    )
    expect(other.exitCode).toBe(4)
    const rerun = await dtflw(
      repo,
      server,
      { command: 'deploy' },
      { env: ci('2') }
    )
    expect(rerun.exitCode).toBe(0)
    expect(deployed(rerun).lockTakenOver).toEqual({
      holder: 'octo (GitHub shop/sales run 4242 attempt 1)',
      reason: 'rerun'
    })
  })

  it('a lost answer to the lock create is settled by reading the lock back: its own lock, not "another deploy"', async () => {
    resetWorkspace()
    const repo = await checkout()
    server.fault({
      method: 'POST',
      path: '/api/2.0/workspace/import',
      when: 'after',
      drop: true
    })
    const result = await dtflw(repo, server, { command: 'deploy' })
    expect(result.exitCode).toBe(0)
    expect(deployed(result).uploaded).toEqual(NOTEBOOKS)
    expect(server.workspace.get(`${SALES_ROOT}/.dtflw/deploy.lock`)).toBe(
      undefined
    )
  })

  it('a 429 on any request of a deploy is retried: the lock, the state, the uploads, the listings', async () => {
    resetWorkspace()
    const repo = await checkout()
    for (const [method, path] of [
      ['GET', '/api/2.0/workspace/export'],
      ['GET', '/api/2.0/workspace/list'],
      ['POST', '/api/2.0/workspace/mkdirs'],
      ['POST', '/api/2.0/workspace/import'],
      ['POST', '/api/2.0/workspace/delete']
    ])
      server.fault({
        method,
        path,
        times: 2,
        status: 429,
        retryAfter: 0,
        body: { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }
      })
    const result = await dtflw(repo, server, { command: 'deploy' })
    expect(result.exitCode).toBe(0)
    expect(deployed(result).uploaded).toEqual(NOTEBOOKS)
    expect(
      server.requests.filter((r) => r.status === 429).length
    ).toBeGreaterThanOrEqual(8)
    expect(server.workspace.get(`${SALES_ROOT}/.dtflw/deploy.lock`)).toBe(
      undefined
    )
  })

  it('makes its plan again under the lock: a deploy that finished in between cannot leave a notebook wrong for good', async () => {
    resetWorkspace()
    const first = await checkout()
    await dtflw(first, server, { command: 'deploy' })
    // A changes another notebook, B changes ingest_data. A looks first;
    // while A's listing answer is on its way, B deploys completely.
    const a = await checkout()
    await a.write(
      'notebooks/import_data.py',
      `${await a.read('notebooks/import_data.py')}\n# A's change\n`
    )
    const b = await checkout()
    await b.write(
      'notebooks/ingest_data.sql',
      `${await b.read('notebooks/ingest_data.sql')}\n-- B's change\n`
    )
    let looked!: () => void
    const aLooked = new Promise<void>((resolve) => (looked = resolve))
    server.fault({
      method: 'GET',
      path: '/api/2.0/workspace/list',
      when: 'after',
      delayMs: 1500,
      onHit: () => looked()
    })
    const deployA = dtflw(a, server, { command: 'deploy' })
    await aLooked
    expect((await dtflw(b, server, { command: 'deploy' })).exitCode).toBe(0)
    const resultA = await deployA
    expect(resultA.exitCode).toBe(0)
    // A deployed last: its ingest_data is what the workspace holds, and
    // the state says so, so a later deploy of B puts B's back.
    expect(deployed(resultA).uploaded).toEqual([
      'notebooks/import_data.py',
      'notebooks/ingest_data.sql'
    ])
    expect(server.workspace.read(`${SALES_ROOT}/notebooks/ingest_data`)).toBe(
      await a.read('notebooks/ingest_data.sql')
    )
    const againB = await dtflw(b, server, { command: 'deploy' })
    expect(deployed(againB).uploaded).toContain('notebooks/ingest_data.sql')
    expect(server.workspace.read(`${SALES_ROOT}/notebooks/ingest_data`)).toBe(
      await b.read('notebooks/ingest_data.sql')
    )
  })

  it('the lock of a deploy killed before it wrote its state costs no full upload: the next one adopts what was uploaded', async () => {
    resetWorkspace()
    const repo = await checkout()
    // A deploy killed (SIGKILL) after its first notebook: its lock, its
    // pending record and one notebook are there, no state.
    server.fault({
      method: 'POST',
      path: '/api/2.0/workspace/import',
      after: 3,
      times: 100,
      status: 403,
      body: { error_code: 'PERMISSION_DENIED', message: 'killed' }
    })
    server.fault({
      method: 'POST',
      path: '/api/2.0/workspace/delete',
      times: 1,
      status: 403,
      body: { error_code: 'PERMISSION_DENIED', message: 'killed' }
    })
    const killed = await dtflw(repo, server, { command: 'deploy' })
    expect(killed.exitCode).toBe(3)
    server.clearFaults()
    const lockFile = `${SALES_ROOT}/.dtflw/deploy.lock`
    const lock = JSON.parse(server.workspace.read(lockFile)!)
    server.workspace.putFile(
      lockFile,
      JSON.stringify({
        ...lock,
        expiresAt: new Date(Date.now() - 1000).toISOString()
      })
    )
    const after = await dtflw(repo, server, { command: 'deploy' })
    expect(after.exitCode).toBe(0)
    expect(deployed(after).lockTakenOver?.reason).toBe('expired')
    expect(deployed(after).uploaded.length).toBe(NOTEBOOKS.length - 1)
  })

  it('takes over a stale lock left by a killed deploy', async () => {
    resetWorkspace()
    const repo = await checkout()
    server.workspace.putFile(
      `${SALES_ROOT}/.dtflw/deploy.lock`,
      JSON.stringify({
        id: 'killed',
        owner: 'ci-bot@example.com (GitHub shop/sales run 76)',
        acquiredAt: new Date(Date.now() - 3_600_000).toISOString(),
        expiresAt: new Date(Date.now() - 1_000).toISOString()
      })
    )
    const result = await dtflw(repo, server, { command: 'deploy' })
    expect(result.exitCode).toBe(0)
    expect(deployed(result).uploaded).toEqual(NOTEBOOKS)
    expect(server.workspace.get(`${SALES_ROOT}/.dtflw/deploy.lock`)).toBe(
      undefined
    )
  })

  it('deploys a preview under previews/<name>, with its schema and the data diff notebook, and cleans it up', async () => {
    resetWorkspace()
    // The environment's catalog, made by an admin.
    server.catalog.createSchema('sales_test')
    const repo = await checkout()
    const preview = await dtflw(repo, server, {
      command: 'deploy',
      preview: 'pr-42'
    })
    expect(deployed(preview).root).toBe(`${SALES_ROOT}/previews/pr-42`)
    expect(
      server.workspace.get(`${SALES_ROOT}/previews/pr-42/notebooks/import_data`)
    ).toBeDefined()
    expect(server.catalog.hasSchema('sales_test.sales__pr_42')).toBe(true)
    const notebook = `${SALES_ROOT}/previews/pr-42/.dtflw/dtflw_data_diff`
    expect(server.workspace.get(notebook)).toMatchObject({
      kind: 'NOTEBOOK',
      language: 'PYTHON'
    })
    // Said apart from the repository's notebooks, and no evidence of them.
    expect(deployed(preview).ownFiles).toEqual(['.dtflw/dtflw_data_diff.py'])
    expect(deployed(preview).uploaded).not.toContain(
      '.dtflw/dtflw_data_diff.py'
    )
    expect(Object.keys(deployed(preview).hashes ?? {})).not.toContain(
      '.dtflw/dtflw_data_diff.py'
    )
    // Deployed again unchanged, nothing is uploaded again.
    server.clearRequests()
    const again = await dtflw(repo, server, {
      command: 'deploy',
      preview: 'pr-42'
    })
    expect(deployed(again).ownFiles).toEqual(['.dtflw/dtflw_data_diff.py'])
    expect(server.requestsTo('POST', '/api/2.0/workspace/import')).toEqual([])
    const cleaned = await dtflw(repo, server, {
      command: 'cleanup',
      preview: 'pr-42'
    })
    expect(cleaned.data).toMatchObject({
      kind: 'cleanup',
      result: {
        removed: ['pr-42'],
        droppedSchemas: ['sales_test.sales__pr_42']
      }
    })
    expect(server.workspace.get(`${SALES_ROOT}/previews/pr-42`)).toBe(undefined)
    expect(server.catalog.hasSchema('sales_test.sales__pr_42')).toBe(false)
  })

  it('cleanup --stale removes old previews and their schemas, and keeps fresh ones', async () => {
    resetWorkspace()
    server.catalog.createSchema('sales_test')
    const repo = await checkout()
    for (const name of ['pr-1', 'pr-2']) {
      await dtflw(repo, server, { command: 'deploy', preview: name })
    }
    const state = `${SALES_ROOT}/previews/pr-1/.dtflw/deploy-state.json`
    const old = JSON.parse(server.workspace.read(state)!)
    server.workspace.putFile(
      state,
      JSON.stringify({
        ...old,
        deployedAt: new Date(Date.now() - 8 * 86_400_000).toISOString()
      })
    )
    const result = await dtflw(repo, server, {
      command: 'cleanup',
      stale: '7d'
    })
    expect(result.data).toMatchObject({
      kind: 'cleanup',
      result: {
        removed: ['pr-1'],
        kept: ['pr-2'],
        droppedSchemas: ['sales_test.sales__pr_1']
      }
    })
    expect(server.catalog.hasSchema('sales_test.sales__pr_2')).toBe(true)
  })

  it('a wrong token exits 3 and says which credential was tried', async () => {
    resetWorkspace()
    const repo = await checkout()
    const result = await dtflw(
      repo,
      server,
      { command: 'deploy' },
      {
        env: {
          DATABRICKS_HOST: server.url,
          DATABRICKS_TOKEN: 'dapi-wrong-canary-3141',
          HOME: '/nonexistent'
        }
      }
    )
    expect(result.exitCode).toBe(3)
    const text = errors(result).join('\n')
    expect(text).toContain('DATABRICKS_TOKEN')
    expect(text).not.toContain('dapi-wrong-canary-3141')
  })
})
