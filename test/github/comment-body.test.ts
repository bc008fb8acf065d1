import { beforeAll, describe, expect, it } from '@jest/globals'
import {
  COMMENT_LIMIT,
  commentMarker,
  renderComment,
  renderJobSummary,
  upsertComment
} from '../../src/github/index.js'
import type { GitHubReportInput } from '../../src/github/index.js'
import {
  startGitHubServer,
  WRITE_TOKEN
} from '../support/github-server/index.js'
import { expectGolden } from './support/golden.js'
import { octokitFor } from './support/octokit.js'
import {
  diagnosticsOf,
  HEAD_SHA,
  largePullRequest,
  RUN_URL,
  salesPullRequest
} from './support/scenarios.js'

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

/** The step rows of the comment's own steps table (those with an error column). */
const stepRows = (text: string) =>
  text.split('\n### Lineage')[0].match(/^\| `step_\d+` \|.*$/gm) ?? []

describe('renderComment', () => {
  it('shows a failed run: marker, run record, steps with run links and errors, lineage and diff', async () => {
    const input = await salesPullRequest({ failed: ['import_data'] })
    const text = renderComment(input)
    const lines = text.split('\n')
    expect(lines[0]).toBe('<!-- dtflw:sales:test -->')
    expect(lines[1]).toBe(
      '<!-- dtflw:run head=3f2c9d81a4b5e6f708192a3b4c5d6e7f8091a2b3 started=2026-03-01T10:00:00.000Z -->'
    )
    await expectGolden('sales-failed-comment.md', text)
  })

  it('says "planned" and why when nothing ran, e.g. a fork pull request', async () => {
    const input = await salesPullRequest()
    const text = renderComment({
      ...input,
      report: undefined,
      notes: [
        'Skipped `run`: a pull request from a fork gets no secrets, so nothing ran on `test`.'
      ]
    })
    expect(text).toContain('## 📋 `sales` on `test`: planned')
    expect(text).toContain(
      '### Notes\n\n- Skipped `run`: a pull request from a fork gets no secrets, so nothing ran on `test`.'
    )
    expect(text).not.toMatch(/^### Steps$/m)
    expect(text).toContain('#### Changes against `main`')
  })

  it('says "invalid" and lists the problems with their places when the manifest is broken', () => {
    const text = renderComment({
      pipeline: 'sales',
      profile: 'test',
      headSha: HEAD_SHA,
      runStartedAt: '2026-03-01T10:00:00.000Z',
      runUrl: RUN_URL,
      notes: ['Nothing was planned or run: the manifest has errors.'],
      diagnostics: diagnosticsOf(25, 1)
    })
    expect(text).toContain('## ⚠️ `sales` on `test`: invalid')
    const problems = text.match(/^- (❌|⚠️) .*$/gm) ?? []
    expect(problems).toHaveLength(26)
    expect(problems[0]).toBe(
      '- ❌ `dtflw.yaml:10:22` input "missing\\_0" of step "step\\_0" is not produced by an earlier step and is not a declared source; declare it under sources:, or add a step before this one that outputs it.'
    )
    expect(problems[25]).toMatch(/^- ⚠️ `dtflw.yaml:4:3` source "spare\\_0"/)
    expect(text).not.toContain('### Lineage')
  })

  it('keeps notebook errors inert: no HTML, no mentions, no broken table', async () => {
    const input = await salesPullRequest({ failed: ['import_data'] })
    const steps = input.report!.steps.map((s) =>
      s.key === 'import_data'
        ? {
            ...s,
            error: {
              kind: 'notebook',
              message:
                'cc @acme/data-team <img src=x onerror=alert(1)> a|b\nnext line'
            }
          }
        : s
    )
    const text = renderComment({
      ...input,
      report: { ...input.report!, steps }
    })
    expect(text).toContain(
      '| `import_data` | ❌ failed | 1.5 s | [run](https://adb-1.azuredatabricks.net/?o=1#job/7/run/1001) | `cc @acme/data-team <img src=x onerror=alert(1)> a\\|b next line` |'
    )
  })

  describe('a flow of 5,000 steps', () => {
    let input: GitHubReportInput
    let comment: string
    beforeAll(async () => {
      input = await largePullRequest(5000, [
        'step_00010',
        'step_00023',
        'step_00777'
      ])
      comment = renderComment(input)
    })

    it('stays under 65,536 characters and bytes and still names the failed steps', () => {
      const text = comment
      expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT)
      expect(bytes(text)).toBeLessThanOrEqual(COMMENT_LIMIT)
      expect(text).toContain(
        '5,000 steps: 3 failed, 282 skipped, 4,715 succeeded. Failed: `step_00010`, `step_00023`, `step_00777`.'
      )
      const rows = stepRows(text)
      expect(rows).toHaveLength(50)
      expect(rows.slice(0, 3).map((r) => r.split(' | ')[0])).toEqual([
        '| `step_00010`',
        '| `step_00023`',
        '| `step_00777`'
      ])
      expect(text).toContain(
        `The table lists 50 of 285 steps that did not succeed, failed first. Every step is in the [job summary](${RUN_URL}).`
      )
      expect(text).toContain('```mermaid\n')
      expect(text).toContain('#### Changes against `main`')
    })

    it('is accepted by GitHub as it is', async () => {
      const server = await startGitHubServer()
      try {
        const body = comment
        const octokit = octokitFor(server, WRITE_TOKEN)
        const result = await upsertComment(
          octokit,
          { owner: 'acme', repo: 'sales', issueNumber: 7 },
          {
            body,
            marker: commentMarker('sales', 'test'),
            headSha: input.headSha,
            runStartedAt: input.runStartedAt
          }
        )
        expect(result.action).toBe('create')
        expect(server.comments('acme/sales', 7).map((c) => c.body)).toEqual([
          body
        ])
      } finally {
        await server.close()
      }
    })

    it('degrades further within a smaller limit, counting UTF-8 bytes', () => {
      const notes = Array.from(
        { length: 20 },
        (_, i) => `注記 ${i}: ` + '変更'.repeat(300)
      )
      for (const limit of [30_000, 8_000]) {
        const text = renderComment({ ...input, notes }, { limit })
        expect(text.length).toBeLessThanOrEqual(limit)
        expect(bytes(text)).toBeLessThanOrEqual(limit)
        expect(text).toMatch(/^- and \d+ more notes$/m)
        expect(text).toContain(
          'Failed: `step_00010`, `step_00023`, `step_00777`.'
        )
      }
    })

    it('lists every step in the job summary, within 1 MiB', () => {
      const text = renderJobSummary(input)
      expect(bytes(text)).toBeLessThanOrEqual(1024 * 1024)
      expect(stepRows(text)).toHaveLength(5000)
      expect(text).not.toContain('<!-- dtflw:')
      expect(text).toContain('```mermaid\n')
      expect(text).toContain('#### Changes against `main`')
    })
  })
})

describe('the data changes of a preview', () => {
  it('are a section of the comment and of the job summary, after the steps', async () => {
    const input = await salesPullRequest()
    const report = {
      ...input.report!,
      dataDiff: {
        against: 'test',
        tables: [
          {
            table: 'customers_silver',
            head: 'sales_test.sales__pr_7.customers_silver',
            base: 'sales_test.sales.customers_silver',
            status: 'new-table' as const,
            rows: { head: 12 }
          },
          {
            table: 'sales_orders_silver',
            head: 'sales_test.sales__pr_7.sales_orders_silver',
            base: 'sales_test.sales.sales_orders_silver',
            status: 'compared' as const,
            rows: { base: 1000, head: 950 },
            columns: { added: [], removed: [], retyped: [] },
            keyed: {
              key: ['order_id'],
              added: 0,
              removed: 50,
              changed: 7,
              unchanged: 943,
              byColumn: { amount: 7 },
              examples: { added: [], removed: ['3', '998'], changed: ['10'] }
            }
          }
        ]
      }
    }
    for (const text of [
      renderComment({ ...input, report }),
      renderJobSummary({ ...input, report })
    ]) {
      const section = text.split('### Data changes\n')[1]
      expect(section).toBeDefined()
      expect(text.indexOf('### Data changes')).toBeGreaterThan(
        text.indexOf('### Steps')
      )
      expect(section).toContain(
        '- `sales_orders_silver`: 1,000 → 950 rows (-50)\n' +
          '  - by `order_id`: 0 added, 50 removed, 7 changed, 943 unchanged\n' +
          '  - changed columns: `amount` 7 (0.7%)\n' +
          '  - e.g. removed `3`, `998`; changed `10`'
      )
      expect(section).toContain('- `customers_silver`: new table, 12 rows')
    }
  })
})
