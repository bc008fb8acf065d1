import { readFile } from 'node:fs/promises'
import { describe, expect, it } from '@jest/globals'
import { main } from '../../src/cli/main.js'
import { useSalesProjects } from '../commands/support.js'

const sales = useSalesProjects()

/** Runs the CLI in this process, capturing what it prints. */
async function cli(
  argv: string[],
  cwd: string,
  env: Record<string, string> = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main({
    argv,
    env,
    cwd,
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) }
  })
  return { code, stdout, stderr }
}

describe('main', () => {
  it('prints OpenLineage under --json as one JSON document', async () => {
    // It used to throw a SyntaxError from JSON.parse of the JSON Lines,
    // printing a raw event to stderr past the masker.
    const { root } = await sales()
    const shown = await cli(
      ['lineage', '--format', 'openlineage', '--json'],
      root
    )
    expect([shown.code, shown.stderr]).toEqual([0, ''])
    const body = JSON.parse(shown.stdout)
    expect(body.exitCode).toBe(0)
    expect(body.result).toHaveLength(4)
    expect(body.result[0].job.namespace).toBe('dtflw-development')
  })

  it('masks in --json a secret the profile read from the environment', async () => {
    const { root, read, write } = await sales()
    const token = 'shop-token-9f8e7d6c'
    await write(
      'profiles/development.yaml',
      `${await read('profiles/development.yaml')}variables:\n  year: "\${SHOP_API_TOKEN}"\n`
    )
    const shown = await cli(
      ['plan', '--profile', 'development', '--json'],
      root,
      {
        SHOP_API_TOKEN: token
      }
    )
    expect(shown.code).toBe(0)
    expect(shown.stdout).not.toContain(token)
    const plan = JSON.parse(shown.stdout).result.plan
    expect(plan.steps[2].parameters.year).toBe('***')
    expect(plan.steps[2].secretParameters).toEqual(['year'])
  })

  it("prints the package's version for --version", async () => {
    const pkg = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8')
    )
    expect(await cli(['--version'], '/')).toEqual({
      code: 0,
      stdout: `${pkg.version}\n`,
      stderr: ''
    })
  })
})
