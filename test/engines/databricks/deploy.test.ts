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
import { SALES_ROOT, dtflw, errors, salesRepo } from './support.js'
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
      // The notebook, the lock, the state.
      3
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

  it('a deploy interrupted half-way is repaired by the next one', async () => {
    resetWorkspace()
    const repo = await checkout()
    // The lock and the first notebook go through, the second notebook's
    // upload is refused: the deploy stops half-way.
    server.fault({
      method: 'POST',
      path: '/api/2.0/workspace/import',
      after: 2,
      times: 1,
      status: 403,
      body: { error_code: 'PERMISSION_DENIED', message: 'interrupted' }
    })
    const broken = await dtflw(repo, server, { command: 'deploy' })
    expect(broken.exitCode).toBe(3)
    const uploaded = NOTEBOOKS.filter((p) =>
      server.workspace.get(`${SALES_ROOT}/${p.replace(/\.(py|sql)$/, '')}`)
    )
    expect(uploaded.length).toBeGreaterThan(0)
    expect(uploaded.length).toBeLessThan(NOTEBOOKS.length)
    expect(server.workspace.get(`${SALES_ROOT}/.dtflw/deploy-state.json`)).toBe(
      undefined
    )
    server.clearFaults()
    const repaired = await dtflw(repo, server, { command: 'deploy' })
    expect(repaired.exitCode).toBe(0)
    expect(deployed(repaired).uploaded).toEqual(NOTEBOOKS)
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
      /^another deploy to \/Workspace\/Shared\/dtflw\/sales\/test holds its lock: ci-bot@example\.com \(GitHub shop\/sales run 77\), since .*; wait for it to finish/
    )
    expect(server.requestsTo('POST', '/api/2.0/workspace/import').length).toBe(
      1
    )
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

  it('deploys a preview under previews/<name> and cleans it up', async () => {
    resetWorkspace()
    const repo = await checkout()
    const preview = await dtflw(repo, server, {
      command: 'deploy',
      preview: 'pr-42'
    })
    expect(deployed(preview).root).toBe(`${SALES_ROOT}/previews/pr-42`)
    expect(
      server.workspace.get(`${SALES_ROOT}/previews/pr-42/notebooks/import_data`)
    ).toBeDefined()
    const cleaned = await dtflw(repo, server, {
      command: 'cleanup',
      preview: 'pr-42'
    })
    expect(cleaned.data).toMatchObject({
      kind: 'cleanup',
      result: { removed: ['pr-42'] }
    })
    expect(server.workspace.get(`${SALES_ROOT}/previews/pr-42`)).toBe(undefined)
  })

  it('cleanup --stale removes old previews and keeps fresh ones', async () => {
    resetWorkspace()
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
      result: { removed: ['pr-1'], kept: ['pr-2'] }
    })
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
