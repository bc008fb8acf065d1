import path from 'node:path'
import { errorAt } from '../diagnostics/index.js'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import { parseYamlSource } from '../yaml/index.js'
import type { YamlNode, YamlSource } from '../yaml/index.js'
import type { MapNode, ProfileNode } from './node.js'
import { emptyMap } from './node.js'

/** A parent named by `extends`, with where the name was written. */
export interface ExtendsRef {
  readonly name: string
  readonly location: Location
}

/** One profile file: its tree without `extends`, and its parents. */
export interface ProfileFile {
  /** The profile name: the file name without `.yaml`/`.yml`. */
  readonly name: string
  /** Repository-relative POSIX path, as messages show it. */
  readonly file: string
  /** Undefined when the file has syntax errors (see `diagnostics`). */
  readonly tree?: MapNode
  readonly extends: readonly ExtendsRef[]
  readonly diagnostics: readonly Diagnostic[]
}

/** The profile name a file defines: its name without the extension. */
export function profileNameOf(file: string): string {
  return path.posix.basename(file).replace(/\.ya?ml$/, '')
}

/**
 * Parses one profile file into a tree where every node keeps its
 * `file:line:column`. Syntax errors become diagnostics; the tree is then
 * left out, since a half-read file would only add misleading errors.
 */
export function parseProfileFile(text: string, file: string): ProfileFile {
  const name = profileNameOf(file)
  const { source, diagnostics: syntax } = parseYamlSource(text, file)
  if (syntax.length > 0) {
    return { name, file, extends: [], diagnostics: syntax }
  }
  const diagnostics: Diagnostic[] = []
  const root =
    source.root === null
      ? emptyMap([source.locate(0)])
      : toProfileNode(source.root, source)
  if (root.kind !== 'map') {
    const found = root.kind === 'list' ? 'a list' : 'a single value'
    diagnostics.push(
      errorAt(
        'profile-not-a-map',
        `a profile is a mapping of settings (engine, tables, sources, …), found ${found}`,
        root.from[0]
      )
    )
    return { name, file, extends: [], diagnostics }
  }
  const { tree, parents } = splitExtends(root, diagnostics)
  return { name, file, tree, extends: parents, diagnostics }
}

/** A YAML node as a profile node, every part with its location. */
function toProfileNode(node: YamlNode, source: YamlSource): ProfileNode {
  const from: readonly Location[] = [source.locate(node.offset)]
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, from }
    case 'seq':
      return {
        kind: 'list',
        items: node.items.map((item) => toProfileNode(item, source)),
        from
      }
    case 'map': {
      const entries = new Map<string, ProfileNode>()
      const keys = new Map<string, Location[]>()
      for (const pair of node.pairs.values()) {
        keys.set(pair.key, [source.locate(pair.keyOffset)])
        entries.set(pair.key, toProfileNode(pair.value, source))
      }
      return { kind: 'map', entries, keys, from }
    }
  }
}

/** `extends` is structure, not a setting: it is taken out of the tree. */
function splitExtends(
  root: MapNode,
  diagnostics: Diagnostic[]
): { tree: MapNode; parents: ExtendsRef[] } {
  const node = root.entries.get('extends')
  if (!node) return { tree: root, parents: [] }
  const entries = new Map(root.entries)
  const keys = new Map(root.keys)
  entries.delete('extends')
  keys.delete('extends')
  const tree: MapNode = { kind: 'map', entries, keys, from: root.from }
  const items = node.kind === 'list' ? node.items : [node]
  const parents: ExtendsRef[] = []
  for (const item of items) {
    if (
      item.kind === 'scalar' &&
      typeof item.value === 'string' &&
      item.value !== ''
    ) {
      parents.push({ name: item.value, location: item.from[0] })
    } else if (!(item.kind === 'scalar' && item.value === null)) {
      diagnostics.push(
        errorAt(
          'invalid-extends',
          'extends takes a profile name or a list of names, e.g. extends: [base, nonprod]',
          item.from[0],
          { path: 'extends' }
        )
      )
    }
  }
  return { tree, parents }
}
