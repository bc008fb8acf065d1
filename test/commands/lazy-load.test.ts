import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../support/cli.js'

/**
 * Runs commands in a fresh process of the built command layer and lists
 * the native addons it loaded (every addon goes through process.dlopen).
 */
function addonsLoadedBy(
  commands: readonly string[],
  cwd = path.join(repoRoot, 'examples/sales'),
  request: Record<string, unknown> = {}
): string[] {
  const script = `
    const loaded = []
    const dlopen = process.dlopen
    process.dlopen = (module, file, ...rest) => {
      loaded.push(file)
      return dlopen.call(process, module, file, ...rest)
    }
    const { runCommand } = await import(${JSON.stringify(
      path.join(repoRoot, 'lib/src/commands/index.js')
    )})
    for (const command of ${JSON.stringify(commands)}) {
      const result = await runCommand(
        { command, manifest: 'dtflw.yaml', cwd: ${JSON.stringify(cwd)}, profile: 'development', ...${JSON.stringify(request)} },
        { env: {}, toolVersion: 'test', cores: 1 }
      )
      if (result.exitCode !== 0) throw new Error(command + ' failed')
    }
    console.log(JSON.stringify(loaded))
  `
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script],
    {
      encoding: 'utf8'
    }
  )
  return JSON.parse(out) as string[]
}

describe("DuckDB's native addon in dtflw's own process", () => {
  it('validate, plan, explain and lineage never load the DuckDB addon', () => {
    expect(addonsLoadedBy(['validate', 'plan', 'explain', 'lineage'])).toEqual(
      []
    )
  })

  it('deploy and run on the local engine leave DuckDB to the SQL workers: dtflw itself loads no addon', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'dtflw-lazy-'))
    try {
      await cp(path.join(repoRoot, 'examples/sales'), copy, {
        recursive: true,
        filter: (from) => !from.includes(`${path.sep}.dtflw`)
      })
      expect(addonsLoadedBy(['deploy', 'run'], copy)).toEqual([])
      // The run did happen, in DuckDB, in its workers.
      const runs = path.join(copy, '.dtflw/runs')
      const latest = (await readFile(path.join(runs, 'latest'), 'utf8')).trim()
      const report = JSON.parse(
        await readFile(path.join(runs, latest, 'report.json'), 'utf8')
      ) as { status: string; steps: { writes: { rows?: number }[] }[] }
      expect(report.status).toBe('succeeded')
      expect(
        report.steps.flatMap((s) => s.writes).every((w) => (w.rows ?? 0) > 0)
      ).toBe(true)
    } finally {
      await rm(copy, { recursive: true, force: true })
    }
  })

  it('add --template learns its columns in a SQL worker: dtflw itself loads no addon', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'dtflw-lazy-'))
    try {
      await cp(path.join(repoRoot, 'examples/sales'), copy, {
        recursive: true,
        filter: (from) => !from.includes(`${path.sep}.dtflw`)
      })
      const request = {
        step: 'orders_history',
        template: 'scd2',
        inputs: ['sales_orders_bronze'],
        key: ['order_id'],
        yes: true
      }
      expect(addonsLoadedBy(['add'], copy, request)).toEqual([])
      // DuckDB described the upstream query: the columns are typed.
      expect(await readFile(path.join(copy, 'dtflw.yaml'), 'utf8')).toContain(
        '          order_id: bigint\n          order_date: date\n'
      )
    } finally {
      await rm(copy, { recursive: true, force: true })
    }
  })
})
