import { describe, expect, it } from '@jest/globals'
import { buildLineage, renderMarkdown } from '../../src/lineage/index.js'
import { expectGolden } from './support/golden.js'
import { planOf } from '../support/plan.js'
import { prScenario, samplePlan, sampleReport } from './support/sample.js'

describe('renderMarkdown', () => {
  it('renders the sample pipeline planned for test (Unity Catalog)', async () => {
    await expectGolden(
      'sample-test.md',
      renderMarkdown(buildLineage(samplePlan('test')))
    )
  })

  it('renders the sample pull request: run, changes against main, impact', async () => {
    const { head, diff } = prScenario()
    await expectGolden(
      'sample-pr.md',
      renderMarkdown(head, { diff, baseRef: 'main' })
    )
  })

  it('lists flags and the status of steps that failed or did not run', () => {
    const plan = samplePlan()
    const lineage = buildLineage(
      plan,
      sampleReport(plan, {
        import_data: {
          status: 'failed',
          writes: [{ table: 'scratch|tmp', param: 'scratch_out' }],
          error: { kind: 'notebook', message: 'boom' }
        },
        calculate_sales_stats: {
          status: 'skipped',
          skippedBecause: 'import_data',
          startedAt: undefined,
          finishedAt: undefined,
          durationMs: undefined,
          runUrl: undefined,
          reads: [],
          writes: []
        }
      })
    )
    const text = renderMarkdown(lineage, { mermaid: false })
    expect(text).toContain(
      '3 steps · 10 tables (2 sources) · run failed · 2 flags\n'
    )
    expect(text).toContain(
      [
        '#### Flags',
        '',
        '- ⚠️ wrote a table it does not declare: step `import_data`, table `scratch|tmp`',
        '- ⚠️ did not run: step `calculate_sales_stats`'
      ].join('\n')
    )
    expect(text).toContain(
      '| `import_data` | `notebooks/import_data.py` | [❌ failed](https://adb-1.azuredatabricks.net/jobs/runs/1001) | 2.5 s |'
    )
    expect(text).toContain(
      '| `calculate_sales_stats` | `notebooks/calculate_sales_stats.sql` | ⏭️ skipped |  |'
    )
    expect(text).toContain(
      '| `scratch\\|tmp` |  | `import_data`, undeclared |  |'
    )
    expect(text).not.toContain('```mermaid')
  })

  it('keeps table cells intact whatever the names hold', () => {
    // A notebook's path may hold what a key may not.
    const plan = planOf({
      sources: { 'src``x``': { path: 'data/src.csv' } },
      steps: [
        {
          notebook: 'nb/a|b `tick`.py',
          key: 'a_b',
          inputs: ['src``x``'],
          outputs: ['out|put']
        }
      ]
    })
    const text = renderMarkdown(buildLineage(plan), { mermaid: false })
    expect(text).toContain('| `a_b` | `` nb/a\\|b `tick`.py `` |\n')
    expect(text).toContain('| ``` src``x`` ``` | `data/src.csv` | source |\n')
    expect(text).toContain(
      '| `out\\|put` | `` .dtflw/data/test/nb/a\\|b `tick`/out\\|put.parquet `` | `a_b` |\n'
    )
  })

  it('lists only some rows when asked, and says how many are left', () => {
    const text = renderMarkdown(buildLineage(samplePlan()), {
      mermaid: false,
      maxRows: 2,
      link: 'https://example.com/run (1)'
    })
    expect(text).toContain('#### Tables (9)')
    expect(text).toContain(
      '… and 7 more in the [full lineage](https://example.com/run%20%281%29).'
    )
  })
})
