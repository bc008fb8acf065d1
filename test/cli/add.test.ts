import { describe, expect, it } from '@jest/globals'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { repoRoot, runCli } from '../support/cli.js'

async function sampleCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-add-'))
  await cp(path.join(repoRoot, 'examples', 'sales'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.dtflw`)
  })
  return dir
}

describe('dtflw add', () => {
  it('adds a step after the producer of its input, and the pipeline still runs', async () => {
    const dir = await sampleCopy()
    const before = await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')
    const added = await runCli(
      [
        'add',
        'enrich',
        '--inputs',
        'sales_orders_silver',
        '--outputs',
        'orders_enriched',
        '--language',
        'sql'
      ],
      dir
    )
    expect(added.code).toBe(0)
    expect(added.stdout).toContain(
      'Added step enrich (notebooks/enrich.sql) after import_data at dtflw.yaml:15.'
    )
    const after = await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')
    expect(after).toBe(
      before.replace(
        '  - notebook: notebooks/calculate_sales_stats.sql',
        '  - notebook: notebooks/enrich.sql\n    inputs: [sales_orders_silver]\n    outputs: [orders_enriched]\n  - notebook: notebooks/calculate_sales_stats.sql'
      )
    )
    const run = await runCli(['run', '--profile', 'development'], dir)
    expect(run.stdout).toContain('ok        enrich')
    expect(run.code).toBe(0)
  })

  it('refuses an input nothing produces, with exit 2 and nothing written', async () => {
    const dir = await sampleCopy()
    const before = await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')
    const added = await runCli(
      ['add', 'late', '--inputs', 'sales_orders_silvr', '--yes'],
      dir
    )
    expect(added.code).toBe(2)
    expect(added.stderr).toContain('did you mean "sales_orders_silver"?')
    expect(await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')).toBe(before)
  })
  it('writes no secret into the notebook it adds: a widget whose value holds one starts empty', async () => {
    const dir = await sampleCopy()
    const base = path.join(dir, 'profiles/base.yaml')
    await writeFile(
      base,
      (await readFile(base, 'utf8')).replace(
        'root: .dtflw/data/${profile}',
        'root: .dtflw/${DATA_SPACE}/${profile}'
      )
    )
    await writeFile(path.join(dir, '.env'), 'DATA_SPACE=space-4f5e6d7c8b\n')
    const added = await runCli(
      [
        'add',
        'enrich',
        '--inputs',
        'sales_orders_silver',
        '--outputs',
        'orders_enriched',
        '--language',
        'sql'
      ],
      dir
    )
    expect(added.code).toBe(0)
    const notebook = await readFile(
      path.join(dir, 'notebooks/enrich.sql'),
      'utf8'
    )
    expect(notebook).not.toContain('4f5e6d7c8b')
    expect(notebook).toContain(
      "CREATE WIDGET TEXT orders_enriched_out DEFAULT ''"
    )
  })
})
