import { describe, expect, it } from '@jest/globals'
import { everyNth, syntheticPlan } from '../../bench/synthetic-plan.js'
import {
  buildLineage,
  diffLineage,
  renderLineageSummary,
  renderMarkdown,
  renderMermaid,
  utf8Length
} from '../../src/lineage/index.js'
import { parseWithMermaid } from './support/mermaid.js'
import { planOf } from '../support/plan.js'
import { prScenario } from './support/sample.js'

const LINK = 'https://github.com/acme/sales/actions/runs/42'

/** A flow of `n` steps with one step in a hundred changed and one edge rewired. */
function bigChange(n: number) {
  const plan = syntheticPlan(n)
  const base = buildLineage(plan)
  const head = buildLineage(syntheticPlan(n, { rewire: Math.floor(n / 2) + 1 }))
  return {
    head,
    diff: diffLineage(base, head, everyNth(plan, Math.min(100, n)))
  }
}

const mermaidOf = (text: string) => /```mermaid\n([\s\S]*?)```/.exec(text)?.[1]

describe('renderLineageSummary', () => {
  it('shows the whole sample pull request when it fits', () => {
    const { head, diff } = prScenario()
    const summary = renderLineageSummary(head, {
      diff,
      baseRef: 'main',
      link: LINK
    })
    expect(summary.level).toBe('full')
    expect(summary.mermaid).toBe('full')
    expect(summary.text).toBe(
      renderMarkdown(head, {
        diff,
        baseRef: 'main',
        mermaid: renderMermaid(head, { diff }).text,
        link: LINK
      })
    )
    expect(summary.chars).toBe(summary.text.length)
    expect(summary.bytes).toBe(Buffer.byteLength(summary.text))
  })

  it.each([
    [50, 'full', 'full'],
    [500, 'changed', 'changed'],
    [5000, 'changed', 'changed']
  ] as const)(
    '%i steps: level %s, within every GitHub limit',
    async (n, level, mermaid) => {
      const { head, diff } = bigChange(n)
      const summary = renderLineageSummary(head, {
        diff,
        baseRef: 'main',
        link: LINK
      })
      expect([summary.level, summary.mermaid]).toEqual([level, mermaid])
      expect(summary.chars).toBeLessThanOrEqual(65_536)
      expect(summary.bytes).toBeLessThanOrEqual(65_536)
      const graph = mermaidOf(summary.text)!
      expect(graph.length).toBeLessThanOrEqual(50_000)
      expect(
        graph.match(/ (?:-->|==>|-\.-x|-\.->\|undeclared\|) /g)!.length
      ).toBeLessThanOrEqual(500)
      const [parsed] = await parseWithMermaid([graph])
      expect(parsed).toEqual({ ok: true, type: 'flowchart-v2' })
      if (level === 'changed') {
        expect(summary.text).toContain(`[Full lineage](${LINK})`)
        expect(summary.text).toMatch(/The graph shows [\d,]+ of [\d,]+ nodes/)
      }
    }
  )

  it('steps down to a table, then to counts, as the budget shrinks', () => {
    const { head, diff } = bigChange(500)
    const sizes = (['changed', 'table', 'counts'] as const).map(
      (level) =>
        renderLineageSummary(head, {
          diff,
          link: LINK,
          level,
          budget: Infinity
        }).bytes
    )
    expect(sizes[0]).toBeGreaterThan(sizes[1])
    expect(sizes[1]).toBeGreaterThan(sizes[2])
    const table = renderLineageSummary(head, {
      diff,
      link: LINK,
      budget: sizes[1]
    })
    expect([table.level, table.mermaid]).toEqual(['table', 'none'])
    expect(table.text).not.toContain('```mermaid')
    const few = renderLineageSummary(head, {
      diff,
      link: LINK,
      budget: sizes[1] - 1
    })
    expect(few.level).toBe('table')
    expect(few.text).toBe(
      renderLineageSummary(head, {
        diff,
        link: LINK,
        level: 'table',
        maxRows: 10,
        budget: Infinity
      }).text
    )
    expect(few.text).toContain('#### Steps (401 of 500)')
    expect(few.text).toContain('… and 391 more in the [full lineage]')
    const counts = renderLineageSummary(head, {
      diff,
      link: LINK,
      budget: few.bytes - 1
    })
    expect(counts.level).toBe('counts')
    expect(counts.text).toBe(
      '### Lineage of `sales` on `test`\n\n' +
        '500 steps · 1,010 tables (10 sources) · 5 changed · 2 rewired edges · 1,198 impacted\n\n' +
        `The lineage is too large for a comment. [Full lineage](${LINK}).\n`
    )
  })

  it('gives the graph what the rest of the page leaves, before dropping it', () => {
    const { head, diff } = bigChange(500)
    const shown = (budget: number): [string, number] => {
      const summary = renderLineageSummary(head, { diff, budget, link: LINK })
      expect(summary.bytes).toBeLessThanOrEqual(budget)
      const nodes = /The graph shows ([\d,]+)/.exec(summary.text)?.[1] ?? '0'
      return [summary.level, Number(nodes.replace(/,/g, ''))]
    }
    const [roomy, tight, tighter] = [
      shown(65_536),
      shown(30_000),
      shown(25_000)
    ]
    expect([roomy[0], tight[0], tighter[0]]).toEqual([
      'changed',
      'changed',
      'changed'
    ])
    expect(roomy[1]).toBeGreaterThan(tight[1])
    expect(tight[1]).toBeGreaterThan(tighter[1])
    expect(shown(20_000)).toEqual(['table', 0])
  })

  it('counts UTF-8 bytes too, so non-ASCII names cannot push it over', () => {
    // 3 bytes a character: fits in characters, not in bytes.
    const name = (i: number) => `売上データ_${'集計'.repeat(20)}_${i}`
    const plan = planOf({
      sources: { 元データ: { path: 'data/元データ.csv' } },
      steps: Array.from({ length: 60 }, (_, i) => ({
        notebook: `nb/${name(i)}.py`,
        key: `step_${i}`,
        inputs: i === 0 ? ['元データ'] : [`${name(i - 1)}_表`],
        outputs: [`${name(i)}_表`]
      }))
    })
    const lineage = buildLineage(plan)
    const full = renderLineageSummary(lineage, { budget: Infinity })
    expect(full.level).toBe('full')
    expect(full.bytes).toBeGreaterThan(full.chars * 2)
    const budget = Math.floor((full.chars + full.bytes) / 2)
    const fitted = renderLineageSummary(lineage, { budget })
    expect(fitted.level).not.toBe('full')
    expect(fitted.chars).toBeLessThanOrEqual(budget)
    expect(utf8Length(fitted.text)).toBeLessThanOrEqual(budget)
  })

  it('never exceeds even an absurd budget, and never splits a character', () => {
    const { head, diff } = prScenario()
    for (const budget of [0, 1, 40, 120]) {
      const summary = renderLineageSummary(head, { diff, budget, link: LINK })
      expect(summary.level).toBe('counts')
      expect(summary.chars).toBeLessThanOrEqual(budget)
      expect(summary.bytes).toBeLessThanOrEqual(budget)
      expect(summary.text).toBe(
        Buffer.from(summary.text, 'utf8').toString('utf8')
      )
    }
  })

  it('without a diff, a graph too big for Mermaid leaves a table', () => {
    const lineage = buildLineage(syntheticPlan(500))
    const summary = renderLineageSummary(lineage, { link: LINK })
    expect([summary.level, summary.mermaid]).toEqual(['table', 'none'])
    expect(summary.text).toContain('#### Steps (500)')
    expect(summary.text).toContain('… and 400 more in the [full lineage]')
  })
})
