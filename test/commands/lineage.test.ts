import { rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runCommand } from '../../src/commands/index.js'
import {
  dataOf,
  deps,
  request,
  summaries,
  useSalesProjects
} from './support.js'

const sales = useSalesProjects()

interface Table {
  readonly key: string
  readonly rows?: number
}

describe('dtflw lineage', () => {
  it('defaults to Markdown for the development profile, with the graph, the steps and where each table lives', async () => {
    const { root } = await sales()
    const result = await runCommand({ command: 'lineage', cwd: root }, deps())
    expect(result.exitCode).toBe(0)
    const { format, text } = dataOf(result, 'lineage')
    expect(format).toBe('markdown')
    expect(text).toContain('### Lineage of `sales` on `development`')
    expect(text).toContain('```mermaid\nflowchart LR\n')
    expect(text).toContain('#### Steps (3)')
    expect(text).toContain(
      '| `sales_orders_bronze` | `.dtflw/data/development/notebooks/ingest_data/sales_orders_bronze.parquet` | `ingest_data` |'
    )
  })

  it('shows the rows a run wrote when given its report', async () => {
    const { root } = await sales()
    const run = await runCommand(
      request(root, 'run', { profile: 'development' }),
      deps()
    )
    expect(run.exitCode).toBe(0)
    const reportPath = dataOf(run, 'run').reportPath
    const declared = await runCommand(
      request(root, 'lineage', { format: 'json' }),
      deps()
    )
    const observed = await runCommand(
      request(root, 'lineage', { format: 'json', report: reportPath }),
      deps()
    )
    expect(observed.exitCode).toBe(0)
    const rowsOf = (text: string) =>
      Object.fromEntries(
        (JSON.parse(text).lineage.tables as Table[]).map((t) => [t.key, t.rows])
      )
    expect(rowsOf(dataOf(declared, 'lineage').text).sales_orders_bronze).toBe(
      undefined
    )
    expect(rowsOf(dataOf(observed, 'lineage').text)).toMatchObject({
      sales_orders_bronze: 200,
      products_bronze: 12
    })
  })

  it('adds OpenLineage run events for each step a reported run started', async () => {
    const { root } = await sales()
    const run = await runCommand(
      request(root, 'run', { profile: 'development' }),
      deps()
    )
    const result = await runCommand(
      request(root, 'lineage', {
        format: 'openlineage',
        report: dataOf(run, 'run').reportPath
      }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    const events = dataOf(result, 'lineage')
      .text.trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { eventType?: string; job: { name: string } }
      )
    const runEvents = events
      .filter((e) => e.eventType !== undefined)
      .map((e) => `${e.eventType} ${e.job.name}`)
    expect(runEvents).toEqual(
      expect.arrayContaining([
        'START sales',
        'COMPLETE sales',
        'START sales.ingest_data',
        'COMPLETE sales.ingest_data',
        'COMPLETE sales.calculate_sales_stats'
      ])
    )
  })

  it('refuses a --report that is not a run report, saying which file to pass', async () => {
    const { root } = await sales()
    await writeFile(path.join(root, 'notes.json'), '{"hello": 1}\n')
    for (const report of ['notes.json', 'missing.json']) {
      const result = await runCommand(
        request(root, 'lineage', { report }),
        deps()
      )
      expect(result.exitCode).toBe(2)
      const [message] = summaries(result)
      expect(
        message.startsWith(
          `error: cannot read the run report ${path.join(root, report)}: `
        )
      ).toBe(true)
      expect(
        message.endsWith(
          '; pass the report.json of a run (.dtflw/runs/<run-id>/report.json).'
        )
      ).toBe(true)
    }
  })

  it('asks for --profile when there is no development profile to default to', async () => {
    const { root } = await sales()
    await rename(
      path.join(root, 'profiles/development.yaml'),
      path.join(root, 'profiles/dev.yaml')
    )
    const result = await runCommand(request(root, 'lineage'), deps())
    expect(result.exitCode).toBe(2)
    expect(summaries(result)).toEqual([
      'error: no profile "development" found; pass --profile NAME.'
    ])
    const named = await runCommand(
      request(root, 'lineage', { profile: 'dev', format: 'mermaid' }),
      deps()
    )
    expect(named.exitCode).toBe(0)
    expect(dataOf(named, 'lineage').text).toMatch(/^flowchart LR\n/)
  })
})
