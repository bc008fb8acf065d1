import type { Location } from '../diagnostics/index.js'
import { formatPath } from '../manifest/index.js'

/** A YAML scalar as profiles use it (the core schema: no dates). */
export type ScalarValue = string | number | boolean | null

/**
 * A leaf. `from` lists where it was written, the winning definition first and
 * then every definition it overrode down the `extends` chain (R8).
 */
export interface ScalarNode {
  readonly kind: 'scalar'
  readonly value: ScalarValue
  readonly from: readonly Location[]
  /** Set by interpolation: the text as written when it held `${…}`. */
  readonly written?: string
  /** Set by interpolation: environment variables the value was built from. */
  readonly env?: readonly string[]
  /** Set by interpolation: built from a secret variable (by name or `secrets:`). */
  readonly secret?: boolean
  /** Set by interpolation: the secret strings the value contains, for masking. */
  readonly secrets?: readonly string[]
  /** Set by interpolation: a `${…}` left as written (validation offline). */
  readonly unresolved?: boolean
}

/** A YAML sequence; lists replace as a whole when merged. */
export interface ListNode {
  readonly kind: 'list'
  readonly items: readonly ProfileNode[]
  readonly from: readonly Location[]
}

/** A YAML mapping; `keys` holds where each key was written, winner first. */
export interface MapNode {
  readonly kind: 'map'
  readonly entries: ReadonlyMap<string, ProfileNode>
  readonly keys: ReadonlyMap<string, readonly Location[]>
  readonly from: readonly Location[]
}

/** One node of a profile document with its provenance. */
export type ProfileNode = ScalarNode | ListNode | MapNode

/** A step into a document: a map key or a list index. */
export type PathSegment = string | number

/** An empty mapping, the start of every merge. */
export function emptyMap(from: readonly Location[] = []): MapNode {
  return { kind: 'map', entries: new Map(), keys: new Map(), from }
}

/** `tables.root`, `sources["a.b"].path`, `compute.libraries[0]`. */
export { formatPath }

/** The inverse of `formatPath`; undefined when the text is not a path. */
export function parsePath(text: string): PathSegment[] | undefined {
  const segments: PathSegment[] = []
  const pattern = /\.?([A-Za-z0-9_-]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y
  let index = 0
  while (index < text.length) {
    pattern.lastIndex = index
    const m = pattern.exec(text)
    if (!m || (m[1] !== undefined && index === 0 && text[0] === '.')) {
      return undefined
    }
    if (m[1] !== undefined) segments.push(m[1])
    else if (m[2] !== undefined) segments.push(Number(m[2]))
    else segments.push(JSON.parse(m[3]) as string)
    index = pattern.lastIndex
  }
  return segments
}

/** The node at `segments`, if there is one. */
export function nodeAt(
  root: ProfileNode,
  segments: readonly PathSegment[]
): ProfileNode | undefined {
  let node: ProfileNode | undefined = root
  for (const s of segments) {
    if (node?.kind === 'map' && typeof s === 'string')
      node = node.entries.get(s)
    else if (node?.kind === 'list' && typeof s === 'number') {
      node = node.items[s]
    } else return undefined
  }
  return node
}

/**
 * Where to point a message about the node at `segments`: a leaf's value, or
 * the key of a mapping or list (`tables:` rather than its first entry).
 */
export function locationAt(
  root: MapNode,
  segments: readonly PathSegment[]
): Location | undefined {
  const node = nodeAt(root, segments)
  if (!node) return undefined
  if (node.kind === 'scalar' || segments.length === 0) return node.from[0]
  return keyLocationAt(root, segments) ?? node.from[0]
}

/** Where the last key of `segments` was written (its winning definition). */
export function keyLocationAt(
  root: MapNode,
  segments: readonly PathSegment[]
): Location | undefined {
  const parent = nodeAt(root, segments.slice(0, -1))
  const last = segments[segments.length - 1]
  return parent?.kind === 'map' && typeof last === 'string'
    ? parent.keys.get(last)?.[0]
    : undefined
}

/** The node as plain data, for `values`, JSON Schema and the typed view. */
export function toPlain(node: ProfileNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value
    case 'list':
      return node.items.map(toPlain)
    case 'map': {
      // Built key by key (no array of pairs per map); `__proto__` as a key
      // is defined as an own property, as `Object.fromEntries` would.
      const out: Record<string, unknown> = {}
      for (const [key, value] of node.entries) {
        if (key === '__proto__') {
          Object.defineProperty(out, key, {
            value: toPlain(value),
            enumerable: true,
            writable: true,
            configurable: true
          })
        } else out[key] = toPlain(value)
      }
      return out
    }
  }
}
