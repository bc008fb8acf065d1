import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type Node as LibraryNode
} from 'yaml'
import {
  MAX_YAML_DEPTH,
  type YamlNode,
  type YamlPair,
  type YamlScalarValue
} from './tree.js'

/** How many values aliases may copy into a file before it is refused. */
const MAX_ALIAS_VALUES = 10_000

/** A structural problem found while composing, at an offset. */
export interface ComposeProblem {
  readonly code: 'yaml-too-deep' | 'yaml-too-large' | 'invalid-key'
  readonly message: string
  readonly offset: number
}

/**
 * Turns a document the YAML library parsed (without errors) into dtflw's
 * tree. Aliases are copied where they are used, bounded: a few nested
 * aliases can stand for billions of values (the "billion laughs"), so past
 * `MAX_ALIAS_VALUES` copied values the file is refused. Nesting deeper than
 * `MAX_YAML_DEPTH` is refused as well, before anything below recurses on it.
 */
export function composeYaml(doc: Document.Parsed): {
  root: YamlNode | null
  problems: ComposeProblem[]
} {
  const problems: ComposeProblem[] = []
  let copied = 0
  let refused = false
  const refuse = (problem: ComposeProblem): YamlNode => {
    if (!refused) problems.push(problem)
    refused = true
    return { kind: 'scalar', value: null, offset: problem.offset }
  }
  const convert = (
    node: unknown,
    depth: number,
    viaAlias: boolean
  ): YamlNode => {
    const offset = (node as LibraryNode | null)?.range?.[0] ?? 0
    if (refused) return { kind: 'scalar', value: null, offset }
    if (viaAlias && ++copied > MAX_ALIAS_VALUES) {
      return refuse({
        code: 'yaml-too-large',
        message: `aliases in this file repeat more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values; write the values out instead of nesting aliases`,
        offset
      })
    }
    if (depth > MAX_YAML_DEPTH) {
      return refuse({
        code: 'yaml-too-deep',
        message: `nesting too deep: mappings and lists nest more than ${MAX_YAML_DEPTH} levels here; flatten the structure`,
        offset
      })
    }
    if (isAlias(node)) {
      return convert(node.resolve(doc), depth, true)
    }
    if (isMap(node)) {
      const pairs = new Map<string, YamlPair>()
      for (const pair of node.items) {
        const keyNode = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key
        const keyOffset = (pair.key as LibraryNode | null)?.range?.[0] ?? offset
        if (
          !isScalar(keyNode) ||
          keyNode.value === null ||
          typeof keyNode.value === 'object'
        ) {
          problems.push({
            code: 'invalid-key',
            message:
              'a key must be a plain name, not empty, a list or a mapping',
            offset: keyOffset
          })
          continue
        }
        const key = String(keyNode.value)
        if (pairs.has(key)) {
          problems.push({
            code: 'invalid-key',
            message: `the key "${key}" is written twice in this mapping; keep one`,
            offset: keyOffset
          })
          continue
        }
        const value =
          pair.value === null || pair.value === undefined
            ? ({ kind: 'scalar', value: null, offset: keyOffset } as const)
            : convert(pair.value, depth + 1, viaAlias)
        pairs.set(key, { key, keyOffset, value })
      }
      return { kind: 'map', pairs, offset }
    }
    if (isSeq(node)) {
      const items = node.items.map((item) =>
        item === null
          ? ({ kind: 'scalar', value: null, offset } as const)
          : convert(item, depth + 1, viaAlias)
      )
      return { kind: 'seq', items, offset }
    }
    if (isScalar(node)) {
      const value = scalarValue(node.value)
      const text =
        node.type === 'PLAIN' &&
        node.value !== null &&
        typeof node.source === 'string' &&
        (typeof node.value !== 'string' || typeof value !== 'string')
          ? node.source
          : undefined
      return {
        kind: 'scalar',
        value,
        offset,
        ...(text === undefined ? {} : { text })
      }
    }
    return { kind: 'scalar', value: null, offset }
  }
  const root = doc.contents === null ? null : convert(doc.contents, 0, false)
  return { root, problems }
}

function scalarValue(value: unknown): YamlScalarValue {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value
  }
  // A bigint from a huge integer: keep its digits.
  return String(value)
}
