import { mkdir, rename } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runCommand } from '../../src/commands/index.js'
import {
  createMasker,
  InternalError,
  RefusedError
} from '../../src/diagnostics/index.js'
import type { Engine, EngineFactory } from '../../src/engines/index.js'
import {
  dataOf,
  deps,
  request,
  summaries,
  useSalesProjects
} from './support.js'

const sales = useSalesProjects()

/** An engine whose every action throws `error`, as a broken platform might. */
function failingEngine(error: unknown): EngineFactory {
  const fail = async (): Promise<never> => {
    throw error
  }
  const engine: Engine = {
    name: 'databricks',
    deploy: fail,
    run: fail,
    cancel: fail,
    cleanup: fail
  }
  return async () => engine
}

describe('runCommand', () => {
  it('hands secret-looking environment values to the masker before it checks the request', async () => {
    const told: string[] = []
    const masker = createMasker()
    const result = await runCommand(
      { command: 'plan', cwd: '/nonexistent' },
      deps({
        env: {
          DATABRICKS_TOKEN: 'dapi-0123456789',
          AZURE_CLIENT_SECRET: 'az-secret-value',
          SHOP_API_KEY: '',
          DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net'
        },
        masker,
        onSecret: (value) => told.push(value)
      })
    )
    // Refused, yet an error message quoting the environment stays masked.
    expect(result.exitCode).toBe(2)
    expect(told.sort()).toEqual(['az-secret-value', 'dapi-0123456789'])
    expect(
      masker.mask('token dapi-0123456789 on https://adb-1.azuredatabricks.net')
    ).toBe('token *** on https://adb-1.azuredatabricks.net')
  })

  it('finds dtflw.yaml above the folder it starts in and reports paths from the repository root', async () => {
    const { root } = await sales()
    const result = await runCommand(
      { command: 'validate', cwd: path.join(root, 'notebooks') },
      deps()
    )
    expect(result.exitCode).toBe(0)
    expect(dataOf(result, 'validate').steps).toBe(3)
    // The one warning (no workspace host) points at the profile as the
    // user's editor opens it from the repository root.
    expect(result.diagnostics.map((d) => d.location?.file)).toEqual([
      'profiles/test.yaml'
    ])
  })

  it('takes --manifest relative to the folder it was run in', async () => {
    const { root } = await sales()
    const moved = path.join(root, 'pipelines')
    await mkdir(moved)
    for (const entry of ['dtflw.yaml', 'notebooks', 'profiles', 'data']) {
      await rename(path.join(root, entry), path.join(moved, entry))
    }
    const found = await runCommand(
      request(root, 'plan', {
        manifest: 'pipelines/dtflw.yaml',
        profile: 'development'
      }),
      deps()
    )
    expect(found.exitCode).toBe(0)
    expect(dataOf(found, 'plan').plan.steps.map((s) => s.notebook)).toEqual([
      'notebooks/ingest_data.sql',
      'notebooks/import_data.py',
      'notebooks/calculate_sales_stats.sql'
    ])
    const missing = await runCommand(
      request(root, 'plan', { profile: 'development' }),
      deps()
    )
    expect(missing.exitCode).toBe(2)
    expect(summaries(missing).join('\n')).toContain('dtflw.yaml not found')
  })

  it('turns an unexpected failure into exit 70 asking for a bug report, keeping the cause', async () => {
    const { root } = await sales()
    const bug = new TypeError(
      "Cannot read properties of undefined (reading 'x')"
    )
    const result = await runCommand(
      request(root, 'cleanup', { profile: 'development', stale: '7d' }),
      deps({ engines: failingEngine(bug) })
    )
    expect(result.exitCode).toBe(70)
    expect(summaries(result)).toEqual([
      "error: internal error: Cannot read properties of undefined (reading 'x'). This is a bug in dtflw; please report it with the output of --debug."
    ])
    expect(result.error).toBeInstanceOf(InternalError)
    // --debug prints the cause's stack, which points at the bug.
    expect(result.error?.cause).toBe(bug)
  })

  it("passes a known error's exit code and words through unchanged", async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'cancel', { profile: 'development', runId: '9' }),
      deps({
        engines: failingEngine(new RefusedError('the workspace is locked.'))
      })
    )
    expect(result.exitCode).toBe(4)
    expect(summaries(result)).toEqual(['error: the workspace is locked.'])
  })
})
