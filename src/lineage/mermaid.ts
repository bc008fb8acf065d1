import { adjacency, downstreamDepths, neighbourhood } from './graph.js'
import { drawable, mermaidText } from './mermaid-draw.js'
import { appendTo } from './order.js'
import type { Lineage, LineageDiff } from './types.js'

/** Mermaid's `maxTextSize`: GitHub renders with the default, which a diagram cannot raise. */
export const MERMAID_MAX_CHARS = 50_000
/** Mermaid's `maxEdges` default; its parser refuses a flowchart with more. */
const MERMAID_MAX_EDGES = 500

/** How much of the graph a Mermaid text shows. */
export type MermaidLevel = 'full' | 'changed' | 'none'

/** Options of `renderMermaid`. */
export interface MermaidOptions {
  readonly diff?: LineageDiff
  /** Counted as Mermaid counts it: JavaScript string length. */
  readonly maxChars?: number
  readonly maxEdges?: number
  /** Try from this level down; `changed` skips the full graph. */
  readonly level?: Exclude<MermaidLevel, 'none'>
  readonly direction?: 'LR' | 'TB'
}

/** A Mermaid flowchart and what it shows; `text` is empty at level `none`. */
export interface MermaidResult {
  readonly text: string
  readonly level: MermaidLevel
  readonly nodes: number
  readonly edges: number
  /** Nodes of the whole graph (head plus removed), to say what was left out. */
  readonly totalNodes: number
}

/**
 * The lineage as a Mermaid flowchart: notebooks as rectangles, tables as
 * cylinders, changed/added/removed/impacted and run states as classes. Node
 * ids are `s<n>`/`t<n>` by position, never names, so any table name is safe.
 *
 * Degrades to stay within GitHub's limits: the full graph; else the changed
 * nodes, what they impact and their direct neighbours; else without the
 * neighbours; else the changed nodes, their direct inputs and as many levels
 * downstream as fit; else the changed nodes alone; else nothing (level
 * `none`). Without a diff, "changed" means failed, not-run and flagged nodes.
 */
export function renderMermaid(
  lineage: Lineage,
  options: MermaidOptions = {}
): MermaidResult {
  const maxChars = options.maxChars ?? MERMAID_MAX_CHARS
  const maxEdges = options.maxEdges ?? MERMAID_MAX_EDGES
  const graph = drawable(lineage, options.diff)
  const direction = options.direction ?? 'LR'
  const attempt = (keep?: ReadonlySet<string>) => {
    const edges = keep
      ? graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to))
      : graph.edges
    if (edges.length > maxEdges) return undefined
    const nodes = keep ? graph.nodes.filter((n) => keep.has(n.id)) : graph.nodes
    const text = mermaidText(direction, nodes, edges, graph.ids)
    return text.length <= maxChars
      ? { text, nodes: nodes.length, edges: edges.length }
      : undefined
  }
  const totalNodes = graph.nodes.length

  if (options.level !== 'changed') {
    const full = attempt()
    if (full) return { ...full, level: 'full', totalNodes }
  }
  const focus = focusOf(lineage, options.diff)
  if (focus.core.size > 0) {
    const adj = adjacency(graph.edges)
    for (const keep of [neighbourhood(adj, focus.wide, 1), focus.wide]) {
      const shown = attempt(keep)
      if (shown) return { ...shown, level: 'changed', totalNodes }
    }
    // What is impacted does not fit: as Recce does, walk downstream from the
    // changes level by level and keep the deepest walk that fits, with the
    // direct inputs of the changed nodes as context.
    const context = neighbourhood(adj, focus.core, 1)
    const depths = downstreamDepths(adj, focus.core)
    const within = (d: number) =>
      attempt(
        new Set([
          ...context,
          ...[...depths].filter(([, k]) => k <= d).map(([id]) => id)
        ])
      )
    let best = within(1)
    let low = 2
    let high = 1
    for (const d of depths.values()) high = Math.max(high, d)
    while (best && low <= high) {
      const mid = Math.floor((low + high) / 2)
      const shown = within(mid)
      if (shown) {
        best = shown
        low = mid + 1
      } else high = mid - 1
    }
    const shown = best ?? attempt(focus.core)
    if (shown) return { ...shown, level: 'changed', totalNodes }
  }
  return { text: '', level: 'none', nodes: 0, edges: 0, totalNodes }
}

/**
 * The nodes a reviewer must see: with a diff, what changed (`core`) and
 * what it impacts (`wide`); without one, failed and not-run steps and the
 * nodes of flags.
 */
export function focusOf(
  lineage: Lineage,
  diff?: LineageDiff
): { core: Set<string>; wide: Set<string> } {
  if (diff) {
    const core = new Set([
      ...[
        ...diff.steps.added,
        ...diff.steps.changed,
        ...diff.steps.removed
      ].map((k) => `step:${k}`),
      ...[
        ...diff.tables.added,
        ...diff.tables.changed,
        ...diff.tables.removed
      ].map((k) => `table:${k}`),
      ...[...diff.edges.added, ...diff.edges.removed].flatMap((e) => [
        e.from,
        e.to
      ])
    ])
    const wide = new Set([
      ...core,
      ...diff.impacted.steps.map((k) => `step:${k}`),
      ...diff.impacted.tables.map((k) => `table:${k}`)
    ])
    return { core, wide }
  }
  const tablesByName = new Map<string, string[]>()
  for (const t of lineage.tables) {
    appendTo(tablesByName, t.name, t.id)
  }
  const core = new Set([
    ...lineage.steps
      .filter(
        (s) =>
          s.status !== undefined &&
          s.status !== 'succeeded' &&
          s.status !== 'lazy'
      )
      .map((s) => s.id),
    ...lineage.flags.flatMap((f) => [
      `step:${f.step}`,
      ...(f.table !== undefined ? (tablesByName.get(f.table) ?? []) : [])
    ])
  ])
  return { core, wide: core }
}
