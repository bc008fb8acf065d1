import { describe, expect, it } from '@jest/globals'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { repoRoot, runCli } from '../support/cli.js'

const CANARY = 'canary-5e1f0c7a'

describe('a secret reaches no output', () => {
  it('plan, plan --json, explain, lineage and validate show *** where a secret went', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-secret-'))
    await cp(path.join(repoRoot, 'examples', 'sales'), dir, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}.dtflw`)
    })
    const profile = path.join(dir, 'profiles/development.yaml')
    await writeFile(
      profile,
      `${await readFile(profile, 'utf8')}variables:\n  year: "\${SHOP_API_TOKEN}"\n`
    )
    await writeFile(path.join(dir, '.env'), `SHOP_API_TOKEN=${CANARY}\n`)
    const runs = await Promise.all(
      [
        ['plan', '--profile', 'development'],
        ['plan', '--profile', 'development', '--json'],
        ['explain', '--profile', 'development'],
        ['lineage', '--profile', 'development', '--format', 'json'],
        ['lineage', '--profile', 'development', '--format', 'openlineage'],
        ['validate']
      ].map((args) => runCli(args, dir))
    )
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toContain(CANARY)
    }
    expect(runs[0].stdout).toMatch(/year\s+\*\*\*/)
    expect(runs[0].code).toBe(0)
  })
})
