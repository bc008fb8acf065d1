import type { MapNode, PathSegment, ProfileNode } from './node.js'
import { formatPath, toPlain } from './node.js'
import type { ProvenancedValue } from './types.js'

/**
 * Every leaf with its provenance, sorted by path. A list is one leaf: lists
 * replace as a whole, so their items share one history.
 */
export function collectLeaves(tree: MapNode): readonly ProvenancedValue[] {
  const out: ProvenancedValue[] = []
  const walk = (node: ProfileNode, at: PathSegment[]) => {
    if (node.kind === 'map' && node.entries.size > 0) {
      for (const [key, value] of node.entries) walk(value, [...at, key])
      return
    }
    const env = envOf(node)
    out.push(
      Object.freeze({
        path: formatPath(at),
        value: deepFreeze(toPlain(node)),
        from: Object.freeze([...node.from]),
        env: Object.freeze(env),
        secret: secretIn(node),
        ...(node.kind === 'scalar' && node.written !== undefined
          ? { written: node.written }
          : {}),
        ...(unresolvedIn(node) ? { unresolved: true } : {})
      })
    )
  }
  walk(tree, [])
  return Object.freeze(out.sort(byPath))
}

/**
 * The secret strings a tree's values were built from, longest first, so a
 * mask applied in this order never leaves the tail of a longer secret.
 */
export function secretsIn(tree: ProfileNode): string[] {
  const found = new Set<string>()
  const walk = (node: ProfileNode): void => {
    if (node.kind === 'scalar') for (const s of node.secrets ?? []) found.add(s)
    else if (node.kind === 'list') node.items.forEach(walk)
    else for (const child of node.entries.values()) walk(child)
  }
  walk(tree)
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
}

/** Orders values by path, so output is stable. */
export function byPath(a: ProvenancedValue, b: ProvenancedValue): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

function envOf(node: ProfileNode): string[] {
  if (node.kind === 'scalar') return [...(node.env ?? [])]
  const children =
    node.kind === 'list' ? node.items : [...node.entries.values()]
  return [...new Set(children.flatMap(envOf))]
}

function unresolvedIn(node: ProfileNode): boolean {
  if (node.kind === 'scalar') return node.unresolved === true
  const children =
    node.kind === 'list' ? node.items : [...node.entries.values()]
  return children.some(unresolvedIn)
}

function secretIn(node: ProfileNode): boolean {
  if (node.kind === 'scalar') return node.secret === true
  const children =
    node.kind === 'list' ? node.items : [...node.entries.values()]
  return children.some(secretIn)
}

/** Freezes plain data all the way down: profiles are read-only (R3). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
