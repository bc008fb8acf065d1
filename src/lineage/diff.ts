import { stableStringify } from '../io/index.js'
import { adjacencyOf, reachableFrom } from '../flow/index.js'
import { compareText, sortedUnique } from './order.js'
import type {
  DiffEdge,
  Lineage,
  LineageDiff,
  LineageEdge,
  LineageStep,
  LineageTable
} from './types.js'

/**
 * Head against base: nodes added, removed and changed, and edges added and
 * removed, including edges rewired between nodes that exist on both sides (a
 * step that now reads another table is a change even when no node is new).
 *
 * A step changed when `changedKeys` names it (from `changedSteps`), when both
 * sides carry fingerprints that differ, or when its notebook or arguments
 * differ. A table changed when its location, columns or kind differ. Only
 * declared lineage is compared: what one run happened to observe is not a
 * change to review. Impacted nodes are everything downstream of a changed or
 * added node, or of the consumer end of an added or removed edge.
 */
export function diffLineage(
  base: Lineage,
  head: Lineage,
  changedKeys: readonly string[] = []
): LineageDiff {
  const named = new Set(changedKeys)
  const steps = compareNodes(
    base.steps,
    head.steps,
    (s) => s.key,
    (b, h) =>
      named.has(h.key) ||
      (b.fingerprint !== undefined &&
        h.fingerprint !== undefined &&
        b.fingerprint !== h.fingerprint) ||
      b.notebook !== h.notebook ||
      stableStringify(b.args) !== stableStringify(h.args)
  )
  const tables = compareNodes(
    base.tables.filter(isDeclared),
    head.tables.filter(isDeclared),
    (t) => t.key,
    (b, h) =>
      b.kind !== h.kind ||
      stableStringify(b.location ?? null) !==
        stableStringify(h.location ?? null) ||
      stableStringify(b.columns ?? null) !== stableStringify(h.columns ?? null)
  )

  const baseIds = new Set([
    ...base.steps.map((s) => s.id),
    ...base.tables.map((t) => t.id)
  ])
  const headIds = new Set([
    ...head.steps.map((s) => s.id),
    ...head.tables.map((t) => t.id)
  ])
  const baseEdges = declaredEdges(base.edges)
  const headEdges = declaredEdges(head.edges)
  const bothSides = (e: LineageEdge) =>
    baseIds.has(e.from) &&
    baseIds.has(e.to) &&
    headIds.has(e.from) &&
    headIds.has(e.to)
  const toDiffEdge = (e: LineageEdge): DiffEdge => ({
    from: e.from,
    to: e.to,
    kind: e.kind,
    rewired: bothSides(e)
  })
  const added = [...headEdges]
    .filter(([id]) => !baseEdges.has(id))
    .map(([, e]) => toDiffEdge(e))
  const removed = [...baseEdges]
    .filter(([id]) => !headEdges.has(id))
    .map(([, e]) => toDiffEdge(e))

  const own = new Set([
    ...[...steps.added, ...steps.changed].map((k) => `step:${k}`),
    ...[...tables.added, ...tables.changed].map((k) => `table:${k}`)
  ])
  const seeds = [
    ...own,
    ...[...added, ...removed].map((e) => e.to).filter((id) => headIds.has(id))
  ]
  const reached = reachableFrom(
    seeds,
    adjacencyOf(headEdges.values(), 'downstream')
  )
  const impacted = [...reached].filter((id) => !own.has(id))
  const goneSteps = new Set(steps.removed)
  const goneTables = new Set(tables.removed)

  return {
    steps: {
      added: steps.added,
      removed: steps.removed,
      changed: steps.changed
    },
    tables: {
      added: tables.added,
      removed: tables.removed,
      changed: tables.changed
    },
    edges: { added: added.sort(byEnds), removed: removed.sort(byEnds) },
    impacted: {
      steps: sortedUnique(
        impacted.filter((id) => id.startsWith('step:')).map((id) => id.slice(5))
      ),
      tables: sortedUnique(
        impacted
          .filter((id) => id.startsWith('table:'))
          .map((id) => id.slice(6))
      )
    },
    removedNodes: {
      steps: base.steps.filter((s) => goneSteps.has(s.key)),
      tables: base.tables.filter((t) => goneTables.has(t.key))
    }
  }
}

/** True when the diff has anything to show. */
export function hasChanges(diff: LineageDiff): boolean {
  return (
    [diff.steps, diff.tables].some(
      (c) => c.added.length + c.removed.length + c.changed.length > 0
    ) || diff.edges.added.length + diff.edges.removed.length > 0
  )
}

function isDeclared(t: LineageTable): boolean {
  return t.kind !== 'undeclared'
}

function declaredEdges(
  edges: readonly LineageEdge[]
): Map<string, LineageEdge> {
  return new Map(
    edges
      .filter((e) => e.declared)
      .map((e) => [`${e.from}\u0000${e.to}\u0000${e.kind}`, e])
  )
}

function byEnds(a: DiffEdge, b: DiffEdge): number {
  return compareText(a.from, b.from) || compareText(a.to, b.to)
}

function compareNodes<T extends LineageStep | LineageTable>(
  base: readonly T[],
  head: readonly T[],
  keyOf: (node: T) => string,
  differs: (base: T, head: T) => boolean
): { added: string[]; removed: string[]; changed: string[] } {
  const before = new Map(base.map((n) => [keyOf(n), n]))
  const after = new Map(head.map((n) => [keyOf(n), n]))
  const added: string[] = []
  const changed: string[] = []
  for (const [key, node] of after) {
    const old = before.get(key)
    if (!old) added.push(key)
    else if (differs(old, node)) changed.push(key)
  }
  const removed = [...before.keys()].filter((k) => !after.has(k))
  return {
    added: added.sort(compareText),
    removed: removed.sort(compareText),
    changed: changed.sort(compareText)
  }
}
