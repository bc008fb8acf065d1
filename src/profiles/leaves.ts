import type { MapNode, PathSegment, ProfileNode } from './node.js'
import { formatPath, toPlain } from './node.js'
import type { ProvenancedValue } from './types.js'

/**
 * Every leaf with its provenance, sorted by path. A list is one leaf: lists
 * replace as a whole, so their items share one history.
 */
export function collectLeaves(tree: MapNode): readonly ProvenancedValue[] {
  const out: ProvenancedValue[] = []
  // One path, grown and shrunk as the walk goes down and up.
  const at: PathSegment[] = []
  const walk = (node: ProfileNode) => {
    if (node.kind === 'map' && node.entries.size > 0) {
      for (const [key, value] of node.entries) {
        at.push(key)
        walk(value)
        at.pop()
      }
      return
    }
    // One shape for every leaf, the optional fields set only when they
    // hold something (no spread of a temporary object per leaf).
    const leaf: {
      -readonly [K in keyof ProvenancedValue]: ProvenancedValue[K]
    } = {
      path: formatPath(at),
      value: node.kind === 'scalar' ? node.value : deepFreeze(toPlain(node)),
      // The tree's own list: trees are never changed once built.
      from: Object.freeze(node.from),
      env: envOf(node),
      secret: secretIn(node)
    }
    if (node.kind === 'scalar' && node.written !== undefined) {
      leaf.written = node.written
    }
    if (unresolvedIn(node)) leaf.unresolved = true
    out.push(Object.freeze(leaf))
  }
  walk(tree)
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

/** Shared by every value built from no environment variable (most). */
export const NO_ENV: readonly string[] = Object.freeze([])

/** The environment variables a value was built from (frozen). */
function envOf(node: ProfileNode): readonly string[] {
  if (node.kind === 'scalar') {
    return node.env && node.env.length > 0
      ? Object.freeze([...node.env])
      : NO_ENV
  }
  const children =
    node.kind === 'list' ? node.items : [...node.entries.values()]
  const found = [...new Set(children.flatMap(envOf))]
  return found.length > 0 ? Object.freeze(found) : NO_ENV
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
    // `for…in` rather than `Object.values`: no array per object, which on
    // a profile of 20,000 sources is 60,000 arrays for the collector.
    for (const key in value) deepFreeze(value[key])
  }
  return value
}
