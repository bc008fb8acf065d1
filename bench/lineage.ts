import {
  buildLineage,
  diffLineage,
  renderLineageJson,
  renderLineageSummary,
  renderMarkdown,
  renderMermaid,
  renderOpenLineage
} from '../src/lineage/index.js'
import type { Lineage, LineageDiff } from '../src/lineage/index.js'
import type { Plan } from '../src/flow/types.js'
import { everyNth, syntheticPlan, syntheticReport } from './synthetic-plan.js'
import type { BenchResult } from './types.js'
import { timeBest } from './types.js'

const COMMENT = 65_536
const LINK = 'https://github.com/acme/sales/actions/runs/1'

/** Base and head of a pull request that changes 1 step in 100 and rewires one edge. */
function pullRequest(n: number): { base: Plan; head: Plan; changed: string[] } {
  const base = syntheticPlan(n)
  return {
    base,
    head: syntheticPlan(n, { rewire: Math.floor(n / 2) + 1 }),
    changed: everyNth(base, Math.min(100, n))
  }
}

/**
 * The lineage diff and every renderer on 2,000 steps (target: under a
 * second together), and the size of each degradation level of the PR
 * summary at 50, 500 and 5,000 steps.
 */
export async function benchLineage(): Promise<BenchResult[]> {
  return [await benchSpeed(2000), ...[50, 500, 5000].map(benchLevels)]
}

async function benchSpeed(n: number): Promise<BenchResult> {
  const { base, head, changed } = pullRequest(n)
  const report = syntheticReport(head)
  let baseLineage: Lineage = buildLineage(base)
  let headLineage: Lineage = buildLineage(head, report)
  let diff: LineageDiff = diffLineage(baseLineage, headLineage, changed)
  const parts: [string, () => unknown][] = [
    [
      'build (base + head with report)',
      () => {
        baseLineage = buildLineage(base)
        headLineage = buildLineage(head, report)
      }
    ],
    ['diff', () => (diff = diffLineage(baseLineage, headLineage, changed))],
    ['mermaid', () => renderMermaid(headLineage, { diff })],
    ['markdown', () => renderMarkdown(headLineage, { diff, baseRef: 'main' })],
    [
      'summary (degraded to fit)',
      () =>
        renderLineageSummary(headLineage, { diff, baseRef: 'main', link: LINK })
    ],
    ['openlineage', () => renderOpenLineage(headLineage, report)],
    ['json', () => renderLineageJson(headLineage, diff)]
  ]
  for (const [, run] of parts) run() // warm up
  const figures: Record<string, number | string> = {
    steps: n,
    tables: headLineage.tables.length,
    edges: headLineage.edges.length
  }
  let total = 0
  for (const [name, run] of parts) {
    const ms = await timeBest(5, run)
    figures[`${name} ms`] = round(ms)
    total += ms
  }
  figures['total ms'] = round(total)
  const all = await timeBest(3, () => {
    for (const [, run] of parts) run()
  })
  figures['total ms, one pass'] = round(all)
  return {
    name: `lineage: build, diff and all renderers on ${n.toLocaleString('en-US')} steps`,
    figures,
    passed: all < 1000,
    target:
      'build + diff + Mermaid + Markdown + summary + OpenLineage + JSON under 1,000 ms'
  }
}

function benchLevels(n: number): BenchResult {
  const { base, head, changed } = pullRequest(n)
  const headLineage = buildLineage(head)
  const diff = diffLineage(buildLineage(base), headLineage, changed)
  const unbounded = { maxMermaidChars: Infinity, maxMermaidEdges: Infinity }
  const size = (level: 'full' | 'changed' | 'table' | 'counts') => {
    const s = renderLineageSummary(headLineage, {
      diff,
      baseRef: 'main',
      link: LINK,
      level,
      budget: Infinity,
      ...(level === 'full' && unbounded)
    })
    return s.level === level
      ? `${s.chars.toLocaleString('en-US')} chars`
      : `n/a (${s.level})`
  }
  const fullGraph = renderMermaid(headLineage, {
    diff,
    maxChars: Infinity,
    maxEdges: Infinity
  })
  const changedGraph = renderMermaid(headLineage, { diff, level: 'changed' })
  const chosen = renderLineageSummary(headLineage, {
    diff,
    baseRef: 'main',
    link: LINK
  })
  const graph = /```mermaid\n([\s\S]*?)```/.exec(chosen.text)?.[1] ?? ''
  const graphEdges =
    graph === fullGraph.text ? fullGraph.edges : graph ? changedGraph.edges : 0
  return {
    name: `lineage summary levels at ${n.toLocaleString('en-US')} steps (${diff.steps.changed.length} changed, ${diff.impacted.steps.length} impacted)`,
    figures: {
      'full Mermaid': `${fullGraph.text.length.toLocaleString('en-US')} chars, ${fullGraph.edges} edges`,
      'changed Mermaid':
        changedGraph.level === 'changed'
          ? `${changedGraph.text.length.toLocaleString('en-US')} chars, ${changedGraph.edges} edges, ${changedGraph.nodes} of ${changedGraph.totalNodes} nodes`
          : 'n/a',
      'level full': size('full'),
      'level changed': size('changed'),
      'level table': size('table'),
      'level counts': size('counts'),
      chosen: `${chosen.level} (Mermaid ${chosen.mermaid}): ${chosen.chars.toLocaleString('en-US')} chars, ${chosen.bytes.toLocaleString('en-US')} bytes`
    },
    passed:
      chosen.chars <= COMMENT &&
      chosen.bytes <= COMMENT &&
      graph.length <= 50_000 &&
      graphEdges <= 500,
    target:
      'chosen summary ≤ 65,536 chars and bytes; its Mermaid ≤ 50,000 chars and 500 edges'
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}
