import type { Location } from '../diagnostics/index.js'

/** A YAML scalar as dtflw reads it (the YAML 1.2 core schema: no dates). */
export type YamlScalarValue = string | number | boolean | null

/**
 * A YAML value with where it starts. Positions are character offsets into
 * the text; lines and columns are computed only for the values a message
 * or a location field asks about.
 */
export type YamlNode = YamlScalar | YamlMap | YamlSeq

/** A scalar: its resolved value and the offset of its first character. */
export interface YamlScalar {
  readonly kind: 'scalar'
  readonly value: YamlScalarValue
  readonly offset: number
  /**
   * A plain scalar read as a number or a boolean, as it was written
   * (`12345678901234567890`, `1.50`, `True`): what a string field such as
   * a step argument keeps, since the number would lose digits.
   */
  readonly text?: string
}

/** One `key: value` of a mapping; keys are text, as `toJS` would make them. */
export interface YamlPair {
  readonly key: string
  readonly keyOffset: number
  readonly value: YamlNode
}

/**
 * A mapping. `pairs` is a `Map` by key, in document order, so a lookup by a
 * user's name is one step, and a name like `__proto__` or `toString` is
 * data like any other.
 */
export interface YamlMap {
  readonly kind: 'map'
  readonly pairs: ReadonlyMap<string, YamlPair>
  readonly offset: number
}

/** A sequence. */
export interface YamlSeq {
  readonly kind: 'seq'
  readonly items: readonly YamlNode[]
  readonly offset: number
}

/** How deep mappings and sequences may nest before a file is refused. */
export const MAX_YAML_DEPTH = 64

/**
 * Line starts of a text, found once and searched by bisection, so turning
 * an offset into `line:column` costs a few comparisons. Readers ask in
 * document order, so the line of the last answer is tried first.
 */
export function createLineIndex(
  text: string,
  file: string
): (offset: number) => Location {
  let starts: number[] | undefined
  let last = 0
  return (offset) => {
    if (!starts) {
      starts = [0]
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1)
    }
    let line = last
    if (!(starts[line] <= offset && (starts[line + 1] ?? Infinity) > offset)) {
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const mid = (low + high + 1) >> 1
        if (starts[mid] <= offset) low = mid
        else high = mid - 1
      }
      line = low
    }
    last = line
    return { file, line: line + 1, column: offset - starts[line] + 1 }
  }
}

/**
 * The node at a path of keys and indexes, or the closest existing parent,
 * so a message about a missing key still points at its mapping.
 */
export function yamlNodeAt(
  root: YamlNode | undefined,
  path: readonly (string | number)[]
): YamlNode | undefined {
  let node = root
  for (const segment of path) {
    if (node?.kind === 'map' && typeof segment === 'string') {
      const pair = node.pairs.get(segment)
      if (!pair) return node
      node = pair.value
    } else if (node?.kind === 'seq' && typeof segment === 'number') {
      const item = node.items[segment]
      if (!item) return node
      node = item
    } else {
      return node
    }
  }
  return node
}

/**
 * The offset of the key of `path`'s last segment (for "unknown key"
 * messages), or of the closest value when there is no such key.
 */
export function yamlKeyOffset(
  root: YamlNode | undefined,
  path: readonly (string | number)[]
): number {
  const parent = yamlNodeAt(root, path.slice(0, -1))
  const last = path[path.length - 1]
  if (parent?.kind === 'map' && typeof last === 'string') {
    const pair = parent.pairs.get(last)
    if (pair) return pair.keyOffset
  }
  return yamlNodeAt(root, path)?.offset ?? 0
}

/**
 * The value as plain data, for JSON Schema. A key named `__proto__` is
 * defined as an own property, so it is data like `toString` or any other
 * name and never replaces the object's prototype. (Objects without a
 * prototype would do too, but V8 keeps those in its slow dictionary mode.)
 */
export function yamlToPlain(node: YamlNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value
    case 'seq':
      return node.items.map(yamlToPlain)
    case 'map': {
      const out: Record<string, unknown> = {}
      for (const pair of node.pairs.values()) {
        const key = pair.key
        const value = yamlToPlain(pair.value)
        if (key === '__proto__') {
          Object.defineProperty(out, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true
          })
        } else {
          out[key] = value
        }
      }
      return out
    }
  }
}
