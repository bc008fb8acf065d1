import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { cp, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { dtflwBin, repoRoot, runCli } from '../support/cli.js'

async function sampleCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-where-'))
  await cp(path.join(repoRoot, 'examples', 'sales'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.dtflw`)
  })
  return dir
}

/** A Node older than 24 on the PATH (the machine's own), if there is one. */
function olderNode(): string | undefined {
  const found = spawnSync('sh', ['-c', 'which -a node'], { encoding: 'utf8' })
  for (const candidate of found.stdout.split('\n').filter(Boolean)) {
    if (candidate.includes('node_modules')) continue
    try {
      const version = execFileSync(candidate, ['--version'], {
        encoding: 'utf8'
      })
      if (Number(version.replace(/^v/, '').split('.')[0]) < 24) return candidate
    } catch {
      // not runnable
    }
  }
  return undefined
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

  it('on a Node older than 24 the bin says which Node it needs', () => {
    const node = olderNode()
    if (!node) {
      console.log('skipped: no Node older than 24 on this machine')
      return
    }
    const run = spawnSync(node, [dtflwBin, 'validate'], { encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /^error: dtflw needs Node\.js 24 or newer; this is Node\.js 2\d\./
    )
  })
})
