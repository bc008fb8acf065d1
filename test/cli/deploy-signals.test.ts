import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { setTimeout as delay } from 'node:timers/promises'
import { runCli, type CliRun } from '../support/cli.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../support/databricks-server/index.js'
import {
  repoOf,
  serverEnv,
  sqlNotebook,
  type Repo
} from '../engines/databricks/support.js'

const ROOT = '/Workspace/Shared/signals/test'
const NOTEBOOKS = 16

let server: DatabricksServer
let repo: Repo
beforeAll(async () => {
  server = await startDatabricksServer({ latencyMs: 5 })
  // The profile's catalog: each preview makes its schema there.
  server.catalog.createSchema('c')
  const files: Record<string, string> = {
    'dtflw.yaml': [
      'pipeline: signals',
      'sources:',
      '  raw: {}',
      'flow:',
      ...Array.from({ length: NOTEBOOKS }, (_, i) => [
        `  - notebook: notebooks/step${i}.sql`,
        '    inputs: [raw]',
        `    outputs: [t${i}]`
      ]).flat(),
      ''
    ].join('\n'),
    'profiles/test.yaml': [
      'engine: databricks',
      'workspace:',
      '  host: ${DATABRICKS_HOST}',
      `  root: ${ROOT}`,
      'tables: { layout: catalog, catalog: c, schema: s }',
      'sources:',
      '  raw: { table: x.y.raw }',
      ''
    ].join('\n')
  }
  for (let i = 0; i < NOTEBOOKS; i++)
    files[`notebooks/step${i}.sql`] = sqlNotebook(`SELECT ${i}`)
  repo = await repoOf(files)
})
afterAll(async () => {
  await repo.remove()
  await server.close()
})

/** How many requests about this preview's folder the server has seen. */
function touched(preview: string): number {
  const folder = `/previews/${preview}/`
  return server.requests.filter(
    (r) =>
      JSON.stringify(r.body ?? '').includes(folder) ||
      `${String(r.query.path ?? '')}/`.includes(folder)
  ).length
}

/**
 * `dtflw deploy` of a preview, sent SIGTERM once the server has seen
 * `requests` of its requests: fewer than a whole deploy makes, so the
 * signal always lands while it deploys, however loaded the machine is.
 */
function deployKilledAt(preview: string, requests: number): Promise<CliRun> {
  return runCli(
    ['deploy', '--profile', 'test', '--preview', preview],
    repo.root,
    {
      env: serverEnv(server),
      onSpawn: (child) => {
        void (async () => {
          while (touched(preview) < requests && child.exitCode === null)
            await delay(1)
          child.kill('SIGTERM')
        })()
      }
    }
  )
}

describe('SIGTERM during a deploy (a superseded CI run cancelled)', () => {
  it('at 20 random moments: exit 143 every time, never the lock left behind, and the next deploy succeeds', async () => {
    // How many requests a whole deploy of this repository makes.
    const reference = await runCli(
      ['deploy', '--profile', 'test', '--preview', 'reference'],
      repo.root,
      { env: serverEnv(server) }
    )
    expect(reference.code).toBe(0)
    const whole = touched('reference')
    expect(whole).toBeGreaterThan(4)
    let seed = 20261207
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    // After 1 to whole - 1 requests: before the lock, while it is taken,
    // during the uploads, at the state write, at the release.
    const moments = Array.from(
      { length: 20 },
      () => 1 + Math.floor(random() * (whole - 1))
    )
    // Four processes at a time, each to a preview of its own.
    for (let round = 0; round < 5; round++) {
      const batch = moments.slice(round * 4, round * 4 + 4)
      const runs = await Promise.all(
        batch.map((ms, i) => deployKilledAt(`sig-${round * 4 + i}`, ms))
      )
      for (const [i, run] of runs.entries()) {
        const preview = `sig-${round * 4 + i}`
        expect({ preview, code: run.code, signal: run.signal }).toEqual({
          preview,
          code: 143,
          signal: null
        })
        expect(run.stderr).not.toContain('internal error')
        expect(
          server.workspace.get(`${ROOT}/previews/${preview}/.dtflw/deploy.lock`)
        ).toBe(undefined)
      }
    }
    // Every preview deploys again at once, and is then complete.
    for (let round = 0; round < 5; round++) {
      const again = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          runCli(
            [
              'deploy',
              '--profile',
              'test',
              '--preview',
              `sig-${round * 4 + i}`
            ],
            repo.root,
            { env: serverEnv(server) }
          )
        )
      )
      for (const run of again) expect(run.code).toBe(0)
    }
    for (let i = 0; i < 20; i++) {
      const state = JSON.parse(
        server.workspace.read(
          `${ROOT}/previews/sig-${i}/.dtflw/deploy-state.json`
        )!
      )
      // The notebooks, and the data diff notebook a preview carries.
      expect(Object.keys(state.files)).toHaveLength(NOTEBOOKS + 1)
      expect(state.pending).toBe(undefined)
    }
  }, 120_000)
})
