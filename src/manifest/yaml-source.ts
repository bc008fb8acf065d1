import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLError
} from 'yaml'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import { errorAt } from '../diagnostics/index.js'

/** A YAML file parsed with positions kept, for messages at file:line:column. */
export interface YamlSource {
  readonly file: string
  readonly text: string
  readonly doc: Document.Parsed
  readonly lines: LineCounter
}

/** Parses YAML text keeping positions; syntax errors become diagnostics. */
export function parseYamlSource(
  text: string,
  file: string
): { source: YamlSource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const source = { file, text, doc, lines }
  const seen = new Set<string>()
  // One bad token often yields several parser errors at one place; show one.
  const diagnostics = doc.errors
    .map((e) => yamlErrorToDiagnostic(e, source))
    .filter((d) => {
      const id = `${d.location?.line}:${d.summary}`
      if (seen.has(id)) return false
      seen.add(id)
      return true
    })
  return { source, diagnostics }
}

/**
 * `{ schema: ${pipeline} }` fails to parse because `{` opens a nested flow
 * mapping; the YAML library's message says nothing about templates, so we
 * recognise the shape and say what to do.
 */
function yamlErrorToDiagnostic(e: YAMLError, source: YamlSource): Diagnostic {
  const location = locateOffset(source, e.pos[0])
  const lineText = lineAt(source, location.line)
  const unquoted = /:\s*\$\{[^}]*\}/.exec(lineText)
  if (unquoted && lineText.includes('{')) {
    const column = lineText.indexOf('${') + 1
    return errorAt(
      'unquoted-template',
      `a \${…} value inside a { … } mapping must be quoted, e.g. key: "\${pipeline}"; quote it or put the mapping on separate lines.`,
      { ...location, column }
    )
  }
  const message = e.message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
  return errorAt('yaml-syntax', `YAML syntax error: ${message}.`, location)
}

function lineAt(source: YamlSource, line: number): string {
  return source.text.split(/\r?\n/)[line - 1] ?? ''
}

/** The location of a character offset in the source. */
export function locateOffset(source: YamlSource, offset: number): Location {
  const { line, col } = source.lines.linePos(offset)
  return { file: source.file, line, column: col }
}

/** The location where a node starts (its key's value, not the key). */
export function locateNode(
  source: YamlSource,
  node: Node | null | undefined
): Location {
  const offset = node?.range?.[0] ?? 0
  return locateOffset(source, offset)
}

/**
 * The node at a path of keys and indexes, or the closest existing parent,
 * so a message about a missing key still points at its mapping.
 */
export function nodeAt(
  source: YamlSource,
  path: readonly (string | number)[]
): Node | undefined {
  let node: unknown = source.doc.contents
  for (const segment of path) {
    if (isMap(node)) {
      const next = node.get(segment, true)
      if (next === undefined) return node as Node
      node = next
    } else if (isSeq(node) && typeof segment === 'number') {
      const next = node.get(segment, true)
      if (next === undefined) return node as Node
      node = next
    } else {
      return node as Node
    }
  }
  return node as Node
}

/** The location of the key of `path`'s last segment (for "unknown key" messages). */
export function locateKey(
  source: YamlSource,
  path: readonly (string | number)[]
): Location {
  const parent = nodeAt(source, path.slice(0, -1))
  const last = path[path.length - 1]
  if (isMap(parent)) {
    const pair = parent.items.find(
      (p) => isScalar(p.key) && p.key.value === last
    )
    if (pair && isScalar(pair.key)) return locateNode(source, pair.key)
  }
  return locateNode(source, nodeAt(source, path))
}

/** Location of the value at `path` (or of its closest parent). */
export function locatePath(
  source: YamlSource,
  path: readonly (string | number)[]
): Location {
  return locateNode(source, nodeAt(source, path))
}
