import type { ColumnSpec } from '../manifest/index.js'
import type { TableLocation } from '../flow/index.js'
import type { LineageTableKind } from './types.js'

/** Node id of a step. */
export function stepId(key: string): string {
  return `step:${key}`
}

/** Node id of a table version. */
export function tableId(key: string): string {
  return `table:${key}`
}

/** A table version while the lineage is being built. */
export interface TableDraft {
  key: string
  name: string
  kind: LineageTableKind
  producer?: string
  location?: TableLocation
  columns?: readonly ColumnSpec[]
  rows?: number
  /** Manifest index of the producer, to find the latest version before a step. */
  order: number
}

/** An edge while the lineage is being built. */
export interface EdgeDraft {
  from: string
  to: string
  kind: 'read' | 'write'
  declared: boolean
  observed?: boolean
}

/** Edges by id, and by the step at either end. */
export interface EdgeRegistry {
  add(edge: EdgeDraft): EdgeDraft
  /** Edges that start or end at the step, in the order they were added. */
  ofStep(id: string): EdgeDraft[]
  all(): EdgeDraft[]
}

/** Edges deduplicated by (from, to, kind). */
export function createEdgeRegistry(): EdgeRegistry {
  const byId = new Map<string, EdgeDraft>()
  const byStep = new Map<string, EdgeDraft[]>()
  return {
    add(edge) {
      const id = `${edge.from}\u0000${edge.to}\u0000${edge.kind}`
      const existing = byId.get(id)
      if (existing) return existing
      byId.set(id, edge)
      const step = edge.kind === 'write' ? edge.from : edge.to
      const list = byStep.get(step)
      if (list) list.push(edge)
      else byStep.set(step, [edge])
      return edge
    },
    ofStep: (id) => byStep.get(id) ?? [],
    all: () => [...byId.values()]
  }
}

/**
 * Table versions. The first version of a name met keeps the bare name as its
 * key; later ones are `name@producer` (`name@source` for a source).
 */
export interface TableRegistry {
  version(
    name: string,
    producer: string | undefined,
    kind: LineageTableKind,
    order: number
  ): TableDraft
  named(name: string): readonly TableDraft[]
  byId(id: string): TableDraft | undefined
  all(): TableDraft[]
}

/** An empty table registry. */
export function createTableRegistry(): TableRegistry {
  const byName = new Map<string, TableDraft[]>()
  const byKey = new Map<string, TableDraft>()
  return {
    version(name, producer, kind, order) {
      const list = byName.get(name) ?? []
      const found = list.find((t) => t.producer === producer)
      if (found) return found
      let key = list.length === 0 ? name : `${name}@${producer ?? 'source'}`
      // A logical name that itself contains "@" could collide; number it.
      for (let n = 2; byKey.has(key); n++)
        key = `${name}@${producer ?? 'source'}#${n}`
      const draft: TableDraft = {
        key,
        name,
        kind,
        order,
        ...(producer !== undefined && { producer })
      }
      list.push(draft)
      byName.set(name, list)
      byKey.set(key, draft)
      return draft
    },
    named: (name) => byName.get(name) ?? [],
    byId: (id) => byKey.get(id.slice('table:'.length)),
    all: () => [...byKey.values()]
  }
}
