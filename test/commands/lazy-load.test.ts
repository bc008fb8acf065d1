import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { repoRoot } from '../support/cli.js'

/**
 * Runs commands in a fresh process of the built command layer and lists
 * the native addons it loaded (every addon goes through process.dlopen).
 */
function addonsLoadedBy(commands: readonly string[]): string[] {
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
        { command, manifest: 'dtflw.yaml', cwd: ${JSON.stringify(
          path.join(repoRoot, 'examples/sales')
        )}, profile: 'development' },
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

describe('commands that run nothing', () => {
  it('validate, plan, explain and lineage never load the DuckDB addon', () => {
    expect(addonsLoadedBy(['validate', 'plan', 'explain', 'lineage'])).toEqual(
      []
    )
  })

  it('deploy on the local engine does (it checks DuckDB loads before a run)', () => {
    const loaded = addonsLoadedBy(['deploy'])
    expect(loaded.some((file) => file.includes('duckdb'))).toBe(true)
  })
})
