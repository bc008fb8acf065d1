import type { MapNode, PathSegment, ProfileNode } from './node.js'

/**
 * Merges a child profile over its parent and returns a new tree; neither
 * input changes.
 *
 * - Maps merge key by key, recursively; keys keep the parent's order and
 *   new keys follow in the child's order.
 * - Scalars and lists replace: a child list is the whole list (datafaucet
 *   concatenated them, which made it impossible to drop an item).
 * - `null` deletes: `workspace: null` removes the parent's `workspace`; a
 *   `null` with nothing to delete simply disappears.
 * - A map whose kind changes replaces instead of merging, so settings of
 *   the parent's kind cannot leak into the child's: `tables` when the child
 *   sets a different `layout` (a missing `layout` means `path`),
 *   `sources.<name>` when it switches between `path` and `table`, and
 *   `compute` when it switches between `serverless`, `existing_cluster_id`
 *   and `new_cluster`.
 * - Provenance (R8): the winner's locations come first, followed by the
 *   locations it overrode, so `explain` shows both; a merged map lists the
 *   child's location before the parent's.
 */
export function mergeProfiles(parent: MapNode, child: MapNode): MapNode {
  return mergeMaps([], parent, child)
}

function mergeMaps(
  at: readonly PathSegment[],
  parent: MapNode,
  child: MapNode
): MapNode {
  const entries = new Map(parent.entries)
  const keys = new Map(parent.keys)
  for (const [key, node] of child.entries) {
    const childKey = child.keys.get(key) ?? []
    const previous = entries.get(key)
    if (node.kind === 'scalar' && node.value === null) {
      entries.delete(key)
      keys.delete(key)
      continue
    }
    const path = [...at, key]
    const overridden = keys.get(key)
    keys.set(key, overridden ? [...childKey, ...overridden] : childKey)
    if (
      previous?.kind === 'map' &&
      node.kind === 'map' &&
      !kindChanges(path, previous, node)
    ) {
      entries.set(key, mergeMaps(path, previous, node))
    } else {
      entries.set(key, replacing(withoutNulls(node), previous))
    }
  }
  return {
    kind: 'map',
    entries,
    keys,
    from: [...child.from, ...parent.from]
  }
}

/**
 * The child's node with the parent's locations after its own. When a map
 * replaces a map (its kind changed), keys present in both keep that history
 * too, so `explain` still shows `tables.layout` overriding the parent's.
 */
function replacing(
  node: ProfileNode,
  previous: ProfileNode | undefined
): ProfileNode {
  if (!previous) return node
  const from = [...node.from, ...previous.from]
  if (node.kind !== 'map' || previous.kind !== 'map') return { ...node, from }
  const entries = new Map<string, ProfileNode>()
  for (const [key, value] of node.entries) {
    entries.set(key, replacing(value, previous.entries.get(key)))
  }
  return { ...node, entries, from }
}

/** Whether a `null` sits anywhere in a map, below its lists. */
function holdsNull(node: ProfileNode): boolean {
  if (node.kind !== 'map') return false
  for (const value of node.entries.values()) {
    if (value.kind === 'scalar' ? value.value === null : holdsNull(value)) {
      return true
    }
  }
  return false
}

/**
 * A map that lands with nothing under it still loses its `null`s; one
 * without any comes back as it was (no copy of a large `sources`).
 */
function withoutNulls(node: ProfileNode): ProfileNode {
  if (node.kind !== 'map' || !holdsNull(node)) return node
  const entries = new Map<string, ProfileNode>()
  const keys = new Map(node.keys)
  for (const [key, value] of node.entries) {
    if (value.kind === 'scalar' && value.value === null) keys.delete(key)
    else entries.set(key, withoutNulls(value))
  }
  return { ...node, entries, keys }
}

function kindChanges(
  path: readonly PathSegment[],
  parent: MapNode,
  child: MapNode
): boolean {
  const rule = kindRule(path)
  if (!rule) return false
  const childKind = rule(child)
  if (childKind === undefined) return false
  const parentKind = rule(parent) ?? (path[0] === 'tables' ? 'path' : undefined)
  return parentKind !== undefined && parentKind !== childKind
}

type KindOf = (node: MapNode) => string | undefined

function kindRule(path: readonly PathSegment[]): KindOf | undefined {
  if (path.length === 1 && path[0] === 'tables') {
    return (node) => {
      const layout = node.entries.get('layout')
      return layout?.kind === 'scalar' && layout.value !== null
        ? String(layout.value)
        : undefined
    }
  }
  if (path.length === 2 && path[0] === 'sources') {
    return (node) => firstKey(node, ['path', 'table'])
  }
  if (path.length === 1 && path[0] === 'compute') {
    return (node) =>
      firstKey(node, ['serverless', 'existing_cluster_id', 'new_cluster'])
  }
  return undefined
}

function firstKey(node: MapNode, names: readonly string[]): string | undefined {
  return names.find((name) => {
    const value = node.entries.get(name)
    return (
      value !== undefined && !(value.kind === 'scalar' && value.value === null)
    )
  })
}
