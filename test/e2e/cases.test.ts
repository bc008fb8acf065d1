import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from '../support/cli.js'

// Each folder under test/e2e/ is a case: a pipeline repository, `args` (one
// command per line) and `expected.txt` (what a user sees: the command, its
// stdout, its stderr and its exit code); an optional `env` file sets
// variables. UPDATE_GOLDEN=1 writes them; a missing one fails the case.
const here = path.dirname(fileURLToPath(import.meta.url))
const cases = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(here, d.name, 'args')))
  .map((d) => d.name)
  .sort()

function normalise(text: string, cwd: string): string {
  return text
    .split(cwd)
    .join('<case>')
    .replace(/\r\n/g, '\n')
    .replace(/[ \t]+$/gm, '')
}

describe('dtflw end to end', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(here, name)
    const commands = readFileSync(path.join(dir, 'args'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
    const envFile = path.join(dir, 'env')
    const env = existsSync(envFile)
      ? Object.fromEntries(
          readFileSync(envFile, 'utf8')
            .split('\n')
            .filter((l) => l.includes('='))
            .map((l) => [
              l.slice(0, l.indexOf('=')),
              l.slice(l.indexOf('=') + 1)
            ])
        )
      : {}
    let actual = ''
    for (const line of commands) {
      const args = line
        .match(/"[^"]*"|\S+/g)!
        .map((a) => a.replace(/^"|"$/g, ''))
      const run = await runCli(args, dir, { env })
      actual += `$ dtflw ${line}\n`
      if (run.stdout) actual += `${normalise(run.stdout, dir).trimEnd()}\n`
      if (run.stderr) actual += `${normalise(run.stderr, dir).trimEnd()}\n`
      actual += `[exit ${run.code}]\n\n`
    }
    const golden = path.join(dir, 'expected.txt')
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual)
    // A missing golden fails: writing it here would pass whatever ran.
    if (!existsSync(golden)) {
      throw new Error(
        `${name}/expected.txt is missing; run UPDATE_GOLDEN=1 npm test -- test/e2e and review it.`
      )
    }
    expect(actual).toBe(readFileSync(golden, 'utf8'))
  })
})
