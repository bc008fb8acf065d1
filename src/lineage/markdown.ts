import { renderStepTable, renderTableTable } from './markdown-tables.js'
import { renderMermaid } from './mermaid.js'
import { plural } from '../diagnostics/index.js'
import { code, codeCell, formatCount } from './text.js'
import type { Lineage, LineageDiff, LineageFlagKind } from './types.js'

/** Options of `renderMarkdown`. */
export interface MarkdownOptions {
  readonly diff?: LineageDiff
  /** The ref the diff is against, for the section title (`main`). */
  readonly baseRef?: string
  /**
   * Mermaid text to embed; `false` for none. By default the graph
   * `renderMermaid` gives within Mermaid's own limits.
   */
  readonly mermaid?: string | false
  /** List only these node ids in the step and table tables. */
  readonly only?: ReadonlySet<string>
  /** At most this many rows per table; the rest is counted. */
  readonly maxRows?: number
  /** Where the full lineage is, linked when something is left out. */
  readonly link?: string
  /** A sentence placed under the counts (what a degraded summary leaves out). */
  readonly note?: string
}

// Enough to read at a glance; the tables below list every impacted node.
const IMPACTED_NAMED = 20

const FLAG_TEXT: Record<LineageFlagKind, string> = {
  'declared-not-written': 'declared output not written',
  'written-not-declared': 'wrote a table it does not declare',
  'read-not-declared': 'read a table it does not declare',
  'not-run': 'did not run',
  'not-planned': 'ran but is not in the plan'
}

/**
 * The lineage as GitHub Markdown: counts, the Mermaid graph, the diff against
 * the base, flags, then a table of steps and one of tables with their
 * resolved locations. No size limits here; `renderLineageSummary` applies them.
 */
export function renderMarkdown(
  lineage: Lineage,
  options: MarkdownOptions = {}
): string {
  const { diff } = options
  const mermaid =
    options.mermaid === undefined
      ? renderMermaid(lineage, { diff }).text
      : options.mermaid
  const parts = [
    `### Lineage of ${code(lineage.pipeline)} on ${code(lineage.profile)}`,
    renderCounts(lineage, diff)
  ]
  if (options.note) parts.push(options.note)
  if (mermaid) parts.push('```mermaid\n' + mermaid + '```', legend(diff))
  if (diff)
    parts.push(renderDiffSection(diff, options.baseRef, options.maxRows))
  if (lineage.flags.length > 0)
    parts.push(renderFlags(lineage, options.maxRows))
  const changes = changeMap(diff)
  parts.push(
    renderStepTable(lineage, options, changes),
    renderTableTable(lineage, options, changes)
  )
  return parts.join('\n\n') + '\n'
}

/** One line of counts: steps, tables, changes, impact, flags. */
export function renderCounts(lineage: Lineage, diff?: LineageDiff): string {
  const sources = lineage.tables.filter((t) => t.kind === 'source').length
  const items = [
    plural(lineage.steps.length, 'step'),
    `${plural(lineage.tables.length, 'table')}` +
      (sources > 0 ? ` (${plural(sources, 'source')})` : '')
  ]
  if (diff) {
    const changed = [diff.steps, diff.tables].reduce(
      (n, c) => n + c.added.length + c.removed.length + c.changed.length,
      0
    )
    const rewired = [...diff.edges.added, ...diff.edges.removed].filter(
      (e) => e.rewired
    ).length
    items.push(`${formatCount(changed)} changed`)
    if (rewired > 0) items.push(plural(rewired, 'rewired edge'))
    items.push(
      `${formatCount(diff.impacted.steps.length + diff.impacted.tables.length)} impacted`
    )
  }
  if (lineage.run) items.push(`run ${lineage.run.status}`)
  if (lineage.run) {
    items.push(
      lineage.flags.length === 0
        ? 'no flags'
        : plural(lineage.flags.length, 'flag')
    )
  }
  return items.join(' · ')
}

/** The changes against the base, one row each, then the impacted nodes. */
function renderDiffSection(
  diff: LineageDiff,
  baseRef?: string,
  maxRows = Infinity
): string {
  const title = `#### Changes against ${baseRef ? code(baseRef) : 'the base'}`
  const rows: string[] = []
  const nodeRows = (kind: string, changes: LineageDiff['steps']) => {
    for (const k of changes.added)
      rows.push(`| added | ${kind} | ${codeCell(k)} |`)
    for (const k of changes.removed)
      rows.push(`| removed | ${kind} | ${codeCell(k)} |`)
    for (const k of changes.changed)
      rows.push(`| changed | ${kind} | ${codeCell(k)} |`)
  }
  nodeRows('step', diff.steps)
  nodeRows('table', diff.tables)
  for (const [change, edges] of [
    ['added', diff.edges.added],
    ['removed', diff.edges.removed]
  ] as const) {
    for (const e of edges) {
      rows.push(
        `| ${change} | ${e.rewired ? 'edge, rewired' : 'edge'} | ${codeCell(nodeName(e.from))} → ${codeCell(nodeName(e.to))} |`
      )
    }
  }
  if (rows.length === 0) return `${title}\n\nNo lineage changes.`
  const shown = rows.slice(0, maxRows)
  const impacted = [
    ...diff.impacted.steps.map((k) => `step ${code(k)}`),
    ...diff.impacted.tables.map((k) => `table ${code(k)}`)
  ]
  const named = impacted.slice(0, IMPACTED_NAMED)
  return [
    title,
    '',
    '| change | kind | name |',
    '| --- | --- | --- |',
    ...shown,
    ...(shown.length < rows.length
      ? ['', `… and ${formatCount(rows.length - shown.length)} more changes.`]
      : []),
    '',
    impacted.length === 0
      ? 'Nothing downstream is impacted.'
      : `Impacted downstream: ${named.join(', ')}` +
        (impacted.length > named.length
          ? ` and ${formatCount(impacted.length - named.length)} more.`
          : '.')
  ].join('\n')
}

function renderFlags(lineage: Lineage, maxRows = Infinity): string {
  const shown = lineage.flags.slice(0, maxRows)
  const more = lineage.flags.length - shown.length
  return [
    '#### Flags',
    '',
    ...shown.map(
      (f) =>
        `- ⚠️ ${FLAG_TEXT[f.kind]}: step ${code(f.step)}` +
        (f.table !== undefined ? `, table ${code(f.table)}` : '')
    ),
    ...(more > 0 ? [`- … and ${formatCount(more)} more.`] : [])
  ].join('\n')
}

/** What the diff says of each node id: added, changed, impacted (removed nodes are listed apart). */
function changeMap(diff?: LineageDiff): ReadonlyMap<string, string> {
  const map = new Map<string, string>()
  if (!diff) return map
  const set = (ids: readonly string[], prefix: string, change: string) => {
    for (const k of ids)
      if (!map.has(`${prefix}${k}`)) map.set(`${prefix}${k}`, change)
  }
  set(diff.steps.added, 'step:', 'added')
  set(diff.steps.changed, 'step:', 'changed')
  set(diff.impacted.steps, 'step:', 'impacted')
  set(diff.tables.added, 'table:', 'added')
  set(diff.tables.changed, 'table:', 'changed')
  set(diff.impacted.tables, 'table:', 'impacted')
  return map
}

function legend(diff?: LineageDiff): string {
  const parts = [
    'Rectangles are notebooks, cylinders are tables; grey cylinders are sources.'
  ]
  if (diff) {
    const any = (c: 'added' | 'removed' | 'changed') =>
      diff.steps[c].length + diff.tables[c].length > 0
    const colours = [
      any('changed') && 'orange: changed',
      any('added') && 'green: added',
      any('removed') && 'red, dashed: removed',
      diff.impacted.steps.length + diff.impacted.tables.length > 0 &&
        'blue, dashed: impacted downstream'
    ].filter(Boolean)
    const arrows = [
      diff.edges.added.length > 0 && 'green arrow: new edge',
      diff.edges.removed.length > 0 &&
        'pink dotted line ending in ✕: removed edge'
    ].filter(Boolean)
    if (colours.length > 0) parts.push(capitalise(colours.join(' · ')) + '.')
    if (arrows.length > 0) parts.push(capitalise(arrows.join(' · ')) + '.')
  }
  return `<sub>${parts.join(' ')}</sub>`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function nodeName(id: string): string {
  return id.slice(id.indexOf(':') + 1)
}
