import { describe, expect, it } from '@jest/globals'
import { cp, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { repoRoot, runCli } from '../support/cli.js'

async function sampleCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-where-'))
  await cp(path.join(repoRoot, 'examples', 'sales'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.dtflw`)
  })
  return dir
}

describe('where a user stands', () => {
  it('finds dtflw.yaml from a folder inside the repository', async () => {
    const dir = await sampleCopy()
    const run = await runCli(['validate'], path.join(dir, 'notebooks'))
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Valid: 3 steps and 5 profiles')
  })

  it('outside any pipeline says what to do', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-none-'))
    const run = await runCli(['validate'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'manifest dtflw.yaml not found; run dtflw in the folder of dtflw.yaml or pass --manifest PATH.'
    )
  })

  it('a lazy skip says the outputs exist and never says it started', async () => {
    const dir = await sampleCopy()
    expect((await runCli(['run', '--profile', 'development'], dir)).code).toBe(
      0
    )
    const run = await runCli(
      ['run', '--profile', 'development', '--lazy', '--select', 'ingest_data'],
      dir
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('skipped (outputs exist) ingest_data')
    expect(run.stderr).not.toContain('lazy')
    expect(run.stderr).not.toContain('started   ingest_data')
    expect(run.stdout).toContain('skipped   ingest_data')
    expect(run.stdout).toContain('(outputs exist)')
  })
})
