import path from 'node:path'
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node as YamlNode
} from 'yaml'
import { errorAt } from '../diagnostics/index.js'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import type { MapNode, ProfileNode, ScalarValue } from './node.js'
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
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  const at = (offset: number | undefined): Location => {
    const { line, col } = lineCounter.linePos(offset ?? 0)
    return { file, line, column: col }
  }
  const syntax = syntaxDiagnostics(text, doc, at)
  if (syntax.length > 0) {
    return { name, file, extends: [], diagnostics: syntax }
  }
  const diagnostics: Diagnostic[] = []
  // Each alias is copied into the tree, so nested aliases could multiply a
  // small file into a huge tree; yaml's own toJS caps them the same way.
  let aliases = 0
  const convert = (node: unknown, depth: number): ProfileNode => {
    const from = [at(rangeStart(node))]
    if (depth > 64 || aliases > 100) {
      diagnostics.push(
        errorAt(
          'yaml-too-large',
          'this file nests or repeats aliases too much for a profile; write the values out',
          from[0]
        )
      )
      return { kind: 'scalar', value: null, from }
    }
    if (isAlias(node)) {
      aliases++
      return convert(node.resolve(doc as Document.Parsed), depth + 1)
    }
    if (isMap(node)) {
      const entries = new Map<string, ProfileNode>()
      const keys = new Map<string, Location[]>()
      for (const pair of node.items) {
        const keyAt = at(rangeStart(pair.key))
        if (!isScalar(pair.key) || pair.key.value === null) {
          diagnostics.push(
            errorAt('invalid-key', 'keys must be plain names', keyAt)
          )
          continue
        }
        const key = String(pair.key.value)
        keys.set(key, [keyAt])
        entries.set(
          key,
          pair.value === null
            ? { kind: 'scalar', value: null, from: [keyAt] }
            : convert(pair.value, depth + 1)
        )
      }
      return { kind: 'map', entries, keys, from }
    }
    if (isSeq(node)) {
      const items = node.items.map((item) =>
        item === null
          ? ({ kind: 'scalar', value: null, from } as const)
          : convert(item, depth + 1)
      )
      return { kind: 'list', items, from }
    }
    if (isScalar(node)) {
      return { kind: 'scalar', value: scalarValue(node.value), from }
    }
    return { kind: 'scalar', value: null, from }
  }
  const root =
    doc.contents === null ? emptyMap([at(0)]) : convert(doc.contents, 0)
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

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | null)?.range?.[0]
}

function scalarValue(value: unknown): ScalarValue {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value
  }
  // bigint from very large integers, binary from !!binary: keep their text.
  return String(value)
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

/**
 * YAML errors as diagnostics. An unquoted `${…}` inside `{ … }` or `[ … ]`
 * is the one mistake every profile author makes (braces are flow
 * indicators there), so it gets its own message and its cascade of
 * follow-on errors on the same line is dropped.
 */
function syntaxDiagnostics(
  text: string,
  doc: Document.Parsed,
  at: (offset: number) => Location
): Diagnostic[] {
  const out: Diagnostic[] = []
  const templateLines = new Set<number>()
  for (const error of doc.errors) {
    const offset = error.pos[0]
    if (text[offset] === '{' && text[offset - 1] === '$') {
      const location = at(offset - 1)
      if (templateLines.has(location.line)) continue
      templateLines.add(location.line)
      out.push(unquotedTemplate(text, offset - 1, location))
    }
  }
  for (const error of doc.errors) {
    const location = at(error.pos[0])
    if (templateLines.has(location.line)) continue
    const message =
      error.code === 'MULTIPLE_DOCS'
        ? 'a profile file holds one YAML document; put each profile in its own file'
        : error.message
            .split('\n')[0]
            .replace(/ at line \d+, column \d+.*$/, '')
    out.push(errorAt('yaml-syntax', message, location))
  }
  return out
}

function unquotedTemplate(
  text: string,
  dollar: number,
  location: Location
): Diagnostic {
  const { key, value, collection } = flowScalarAround(text, dollar)
  const written = key ? `${key}: "${value}"` : `"${value}"`
  return errorAt(
    'unquoted-template',
    `${value} inside a ${collection} must be quoted; write ${written}`,
    location,
    {
      detail:
        'In { … } and [ … ] YAML reads the braces of ${…} as structure, so the value needs quotes.'
    }
  )
}

/** The plain scalar holding `${` at `dollar`, its key, and its collection. */
function flowScalarAround(
  text: string,
  dollar: number
): { key?: string; value: string; collection: string } {
  const lineStart = text.lastIndexOf('\n', dollar - 1) + 1
  let start = dollar
  while (start > lineStart && !/[,{[]/.test(text[start - 1])) {
    if (text[start - 1] === ' ' && text[start - 2] === ':') break
    start--
  }
  let end = dollar
  let depth = 0
  while (end < text.length && text[end] !== '\n') {
    const c = text[end]
    if (c === '{') depth++
    else if (c === '}') {
      if (depth === 0) break
      depth--
    } else if (depth === 0 && (c === ',' || c === ']')) break
    end++
  }
  const value = text.slice(start, end).trim()
  let key: string | undefined
  const before = text.slice(lineStart, start).replace(/\s+$/, '')
  if (before.endsWith(':')) {
    const m = /([^\s,{[]+)\s*:$/.exec(before)
    key = m?.[1]
  }
  let opener = ''
  let nesting = 0
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i]
    if (c === '}' || c === ']') nesting++
    else if (c === '{' || c === '[') {
      if (nesting === 0) {
        opener = c
        break
      }
      nesting--
    }
  }
  const collection =
    opener === '[' ? '[ … ] flow sequence' : '{ … } flow mapping'
  return { key, value, collection }
}
