import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { dataToJson } from '../../src/cli/render.js'
import { runCommand } from '../../src/commands/index.js'
import type {
  CommandName,
  CommandResult,
  RequestDraft
} from '../../src/commands/index.js'
import { dataOf, deps, request, useSalesProjects } from '../commands/support.js'

const sales = useSalesProjects()

/** What `--json` puts under `result`, as a script reading stdout sees it. */
function printed(result: CommandResult): unknown {
  if (!result.data) throw new Error(`no data, exit ${result.exitCode}`)
  return JSON.parse(JSON.stringify(dataToJson(result.data)))
}

async function run(
  root: string,
  command: CommandName,
  extra: Partial<RequestDraft> = {}
): Promise<CommandResult> {
  const result = await runCommand(request(root, command, extra), deps())
  expect(result.exitCode).toBe(0)
  return result
}

describe('dataToJson', () => {
  it('gives validate its counts and profiles, without the internal kind', async () => {
    const { root } = await sales()
    expect(printed(await run(root, 'validate'))).toEqual({
      pipeline: 'sales',
      profiles: ['acceptance', 'base', 'development', 'production', 'test'],
      steps: 3,
      errors: 0,
      warnings: 1
    })
  })

  it('gives the plan as built, the same text on every call', async () => {
    const { root } = await sales()
    const first = await run(root, 'plan', { profile: 'development' })
    const json = printed(first) as {
      plan: { steps: { key: string }[]; levels: string[][] }
    }
    expect(Object.keys(json)).toEqual(['plan'])
    expect(json).toEqual({ plan: dataOf(first, 'plan').plan })
    expect(json.plan.levels).toEqual([
      ['ingest_data'],
      ['import_data'],
      ['calculate_sales_stats']
    ])
    // A CI job diffs this output between commits: it must not churn.
    const second = await run(root, 'plan', { profile: 'development' })
    expect(JSON.stringify(dataToJson(second.data!))).toBe(
      JSON.stringify(dataToJson(first.data!))
    )
  })

  it('gives a run the report itself, as report.json holds it', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'run', { profile: 'development' }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    const onDisk = JSON.parse(
      await readFile(path.join(root, dataOf(result, 'run').reportPath), 'utf8')
    )
    expect(printed(result)).toEqual(onDisk)
    expect(onDisk.steps.map((s: { status: string }) => s.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded'
    ])
  })

  it('gives text formats of lineage as text, and JSON formats as JSON', async () => {
    const { root } = await sales()
    for (const format of ['markdown', 'mermaid'] as const) {
      const result = await run(root, 'lineage', { format })
      expect(printed(result)).toEqual({
        format,
        text: dataOf(result, 'lineage').text
      })
    }
    const json = await run(root, 'lineage', { format: 'json' })
    const lineage = printed(json) as {
      lineage: { steps: { key: string }[] }
    }
    expect(lineage.lineage.steps.map((s) => s.key)).toEqual([
      'ingest_data',
      'import_data',
      'calculate_sales_stats'
    ])
    // Same bytes as the format's own output, so both can be diffed alike.
    expect(`${JSON.stringify(dataToJson(json.data!), null, 2)}\n`).toBe(
      dataOf(json, 'lineage').text
    )
  })

  it('gives OpenLineage, one event a line, as an array of the events', async () => {
    const { root } = await sales()
    const result = await run(root, 'lineage', { format: 'openlineage' })
    const lines = dataOf(result, 'lineage').text.trimEnd().split('\n')
    const events = printed(result) as { job: { name: string } }[]
    expect(events).toHaveLength(lines.length)
    expect(events.map((e) => e.job.name).sort()).toEqual([
      'sales',
      'sales.calculate_sales_stats',
      'sales.import_data',
      'sales.ingest_data'
    ])
    expect(events).toEqual(lines.map((line) => JSON.parse(line)))
  })

  it('shows a secret profile value as *** in explain', async () => {
    const { root, read, write } = await sales()
    const token = 'shop-token-0a1b2c3d'
    await write(
      'profiles/development.yaml',
      `${await read('profiles/development.yaml')}variables:\n  year: "\${SHOP_API_TOKEN}"\n`
    )
    const result = await runCommand(
      request(root, 'explain', { profile: 'development' }),
      deps({ env: { SHOP_API_TOKEN: token } })
    )
    const json = printed(result) as {
      profile: string
      rows: { path: string; value: string; secret: boolean }[]
    }
    expect(json.profile).toBe('development')
    expect(json.rows.find((r) => r.path === 'variables.year')).toMatchObject({
      value: '***',
      secret: true
    })
    expect(JSON.stringify(json)).not.toContain(token)
  })

  it('gives cleanup, cancel and the template list their fields', async () => {
    const { root } = await sales()
    expect(
      printed(
        await run(root, 'cleanup', { profile: 'development', stale: '7d' })
      )
    ).toEqual({ profile: 'development', result: { removed: [], kept: [] } })
    expect(
      printed(
        await run(root, 'cancel', { profile: 'development', runId: '42' })
      )
    ).toEqual({ profile: 'development', remoteRunId: '42' })
    const { templates } = printed(
      await run(root, 'add', { listTemplates: true })
    ) as { templates: { name: string; languages: string[] }[] }
    expect(templates.map((t) => t.name)).toContain('scd2')
    for (const t of templates) expect(t.languages.length).toBeGreaterThan(0)
  })
})
