import { appendTo } from './order.js'
import { escapeMermaidLabel, formatCount } from './text.js'
import type {
  Lineage,
  LineageDiff,
  LineageStep,
  LineageTable
} from './types.js'

/** How an edge is drawn: as declared, new, removed, or seen only in the run. */
export type EdgeStyle = 'normal' | 'added' | 'removed' | 'undeclared'

/** A node with its Mermaid id, declaration line and classes. */
export interface DrawNode {
  readonly id: string
  readonly mermaidId: string
  readonly line: string
  readonly classes: readonly string[]
}

/** An edge between lineage node ids, with its style. */
export interface DrawEdge {
  readonly from: string
  readonly to: string
  readonly style: EdgeStyle
}

// Later definitions win where two classes set the same property, so the
// most urgent state (failed) is defined last.
const CLASS_DEFS: readonly (readonly [string, string])[] = [
  ['source', 'fill:#f6f8fa,stroke:#8c959f,color:#1f2328'],
  [
    'deferred',
    'fill:#fbefff,stroke:#8250df,stroke-dasharray:4 2,color:#1f2328'
  ],
  [
    'undeclared',
    'fill:#fff8c5,stroke:#bf8700,stroke-dasharray:2 2,color:#1f2328'
  ],
  [
    'impacted',
    'fill:#ddf4ff,stroke:#0969da,stroke-dasharray:4 2,color:#1f2328'
  ],
  ['changed', 'fill:#fff1cc,stroke:#ffa502,stroke-width:3px,color:#1f2328'],
  ['added', 'fill:#dafbe1,stroke:#1dce00,stroke-width:3px,color:#1f2328'],
  ['removed', 'fill:#ffebf1,stroke:#ff067e,stroke-dasharray:5 3,color:#1f2328'],
  ['notrun', 'fill:#eaeef2,stroke:#8c959f,stroke-dasharray:2 2,color:#57606a'],
  ['failed', 'fill:#ffebe9,stroke:#cf222e,stroke-width:3px,color:#1f2328']
]

const LINK_STYLES: readonly (readonly [EdgeStyle, string])[] = [
  ['added', 'stroke:#1dce00,stroke-width:3px'],
  ['removed', 'stroke:#ff067e,stroke-width:2px'],
  ['undeclared', 'stroke:#bf8700,stroke-width:2px']
]

const ARROWS: Record<EdgeStyle, string> = {
  normal: '-->',
  added: '==>',
  removed: '-.-x',
  undeclared: '-.->|undeclared|'
}

/** Everything that can be drawn, in reading order, with Mermaid ids. */
export interface Drawable {
  readonly nodes: readonly DrawNode[]
  readonly edges: readonly DrawEdge[]
  readonly ids: ReadonlyMap<string, string>
}

/**
 * The nodes and edges of the head lineage plus what the diff removed, with
 * short ids (`s<n>` for steps in manifest order, `t<n>` for tables in key
 * order, removed ones after), labels escaped, and classes for the changes.
 */
export function drawable(lineage: Lineage, diff?: LineageDiff): Drawable {
  const steps = [...lineage.steps, ...(diff?.removedNodes.steps ?? [])]
  const tables = [...lineage.tables, ...(diff?.removedNodes.tables ?? [])]
  const ids = new Map<string, string>()
  steps.forEach((s, i) => ids.set(s.id, `s${i}`))
  tables.forEach((t, i) => ids.set(t.id, `t${i}`))

  const marks = new Map<string, string[]>()
  const mark = (id: string, cls: string) => appendTo(marks, id, cls)
  if (diff) {
    for (const k of diff.impacted.steps) mark(`step:${k}`, 'impacted')
    for (const k of diff.impacted.tables) mark(`table:${k}`, 'impacted')
    for (const k of diff.steps.changed) mark(`step:${k}`, 'changed')
    for (const k of diff.tables.changed) mark(`table:${k}`, 'changed')
    for (const k of diff.steps.added) mark(`step:${k}`, 'added')
    for (const k of diff.tables.added) mark(`table:${k}`, 'added')
    for (const k of diff.steps.removed) mark(`step:${k}`, 'removed')
    for (const k of diff.tables.removed) mark(`table:${k}`, 'removed')
  }
  const stepNode = (s: LineageStep): DrawNode => {
    const classes = [...(marks.get(s.id) ?? [])]
    if (s.status === 'failed') classes.push('failed')
    else if (
      s.status === 'skipped' ||
      s.status === 'cancelled' ||
      s.status === 'pending'
    ) {
      classes.push('notrun')
    }
    const state = s.status && s.status !== 'succeeded' ? `<br/>${s.status}` : ''
    return {
      id: s.id,
      mermaidId: ids.get(s.id)!,
      line: `${ids.get(s.id)}["${escapeMermaidLabel(s.key)}${state}"]`,
      classes
    }
  }
  const tableNode = (t: LineageTable): DrawNode => {
    const classes = [...(marks.get(t.id) ?? [])]
    if (t.kind !== 'table') classes.unshift(t.kind)
    const rows =
      t.rows !== undefined
        ? `<br/>${formatCount(t.rows)} row${t.rows === 1 ? '' : 's'}`
        : ''
    return {
      id: t.id,
      mermaidId: ids.get(t.id)!,
      line: `${ids.get(t.id)}[("${escapeMermaidLabel(t.key)}${rows}")]`,
      classes
    }
  }

  // Declared in reading order (each step after its inputs, before its
  // outputs): the layout engine keeps declaration order within a rank.
  const byId = new Map<string, DrawNode>()
  for (const s of steps) byId.set(s.id, stepNode(s))
  for (const t of tables) byId.set(t.id, tableNode(t))
  const allEdges = [
    ...lineage.edges,
    ...(diff?.edges.removed.map((e) => ({ ...e, declared: true })) ?? [])
  ]
  const inputsOf = new Map<string, string[]>()
  const outputsOf = new Map<string, string[]>()
  for (const e of allEdges) {
    const [map, step, table] =
      e.kind === 'read' ? [inputsOf, e.to, e.from] : [outputsOf, e.from, e.to]
    appendTo(map, step, table)
  }
  const ordered: DrawNode[] = []
  const placed = new Set<string>()
  const place = (id: string) => {
    const node = byId.get(id)
    if (node && !placed.has(id)) {
      placed.add(id)
      ordered.push(node)
    }
  }
  for (const s of steps) {
    for (const t of inputsOf.get(s.id) ?? []) place(t)
    place(s.id)
    for (const t of outputsOf.get(s.id) ?? []) place(t)
  }
  for (const t of tables) place(t.id)

  const added = new Set(diff?.edges.added.map((e) => `${e.from}\u0000${e.to}`))
  const drawn: DrawEdge[] = [
    ...lineage.edges.map((e) => ({
      from: e.from,
      to: e.to,
      style: !e.declared
        ? ('undeclared' as const)
        : added.has(`${e.from}\u0000${e.to}`)
          ? ('added' as const)
          : ('normal' as const)
    })),
    ...(diff?.edges.removed.map((e) => ({
      from: e.from,
      to: e.to,
      style: 'removed' as const
    })) ?? [])
  ]
  // In reading order too: each step's reads, then its writes. An edge whose
  // end is not a node would make Mermaid invent one, so it is left out.
  const position = new Map(ordered.map((n, i) => [n.id, i]))
  const sortKey = (e: DrawEdge) => {
    const read = e.to.startsWith('step:')
    const step = position.get(read ? e.to : e.from) ?? 0
    const table = position.get(read ? e.from : e.to) ?? 0
    return [step, read ? 0 : 1, table]
  }
  const edges = drawn
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .map((e) => ({ e, k: sortKey(e) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2])
    .map(({ e }) => e)
  return { nodes: ordered, edges, ids }
}

/** The flowchart text of some of the nodes and edges. */
export function mermaidText(
  direction: string,
  nodes: readonly DrawNode[],
  edges: readonly DrawEdge[],
  ids: ReadonlyMap<string, string>
): string {
  const lines = [`flowchart ${direction}`]
  for (const n of nodes) lines.push(`  ${n.line}`)
  for (const e of edges) {
    lines.push(`  ${ids.get(e.from)} ${ARROWS[e.style]} ${ids.get(e.to)}`)
  }
  const members = new Map<string, string[]>()
  for (const n of nodes) {
    for (const c of n.classes) {
      appendTo(members, c, n.mermaidId)
    }
  }
  for (const [name, style] of CLASS_DEFS) {
    if (members.has(name)) lines.push(`  classDef ${name} ${style}`)
  }
  for (const [name] of CLASS_DEFS) {
    const list = members.get(name)
    if (list) lines.push(`  class ${list.join(',')} ${name}`)
  }
  // Links are styled by their position among the links of the diagram.
  const styled = new Map<EdgeStyle, number[]>()
  edges.forEach((e, i) => appendTo(styled, e.style, i))
  for (const [style, css] of LINK_STYLES) {
    const list = styled.get(style)
    if (list) lines.push(`  linkStyle ${list.join(',')} ${css}`)
  }
  return lines.join('\n') + '\n'
}
