import { isMap, isScalar, isSeq, parseDocument } from 'yaml'
import type { Document, Node, Pair, Scalar, YAMLMap } from 'yaml'
import {
  isBlock,
  isCollection,
  renderBlock,
  renderInline,
  renderPair,
  renderScalar
} from './render.js'

/**
 * Edits of a YAML text that change only the text of the node they name.
 * The yaml Document API finds the node and its source range; the edit
 * splices new text there, so every other byte (comments, blank lines,
 * quoting, `[a, b]` against `[ a, b ]`) stays as the user wrote it, which a
 * round trip through `Document.toString()` does not promise.
 */

/** Keys of block maps and indexes of sequences, from the document's root. */
export type YamlPath = readonly (string | number)[]

function load(text: string): Document.Parsed {
  const doc = parseDocument(text)
  if (doc.errors.length > 0) throw doc.errors[0]
  return doc
}

function newline(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/**
 * The offset just past the line that holds `offset - 1`: where the next
 * line starts (or the end of the text).
 */
function nextLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset
  const end = text.indexOf('\n', offset)
  return end < 0 ? text.length : end + 1
}

/** A parsed node's source range: start, value end, node end. */
function rangeOf(node: Node): [number, number, number] {
  if (!node.range) throw new Error('a parsed YAML node without its range')
  return node.range
}

/** The pair at `path` in its parent block map, and that map. */
function findPair(
  doc: Document.Parsed,
  path: YamlPath
): { parent?: YAMLMap; pair?: Pair } {
  const parent: unknown =
    path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)
  if (!isMap(parent)) return {}
  const key = path[path.length - 1]
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key)
  return { parent, pair }
}

/** The indentation of a map's keys. */
function mapIndent(text: string, map: YAMLMap): string {
  const start = rangeOf(map)[0]
  return ' '.repeat(start - lineStart(text, start))
}

/**
 * Sets the value at `path` (keys of block maps), replacing only that value's
 * text. A scalar replaces a scalar in place (keeping its quotes when it
 * can); anything else is written anew after `key:`. A missing key is added
 * at the end of its map, and missing parents with it.
 */
export function setIn(text: string, path: YamlPath, value: unknown): string {
  const doc = load(text)
  const eol = newline(text)
  const { parent, pair } = findPair(doc, path)
  const last = path[path.length - 1]
  if (!parent) {
    if (path.length === 1) throw new Error('the document is not a map')
    return setIn(text, path.slice(0, -1), { [last]: value })
  }
  if (!pair) {
    if (parent.flow)
      throw new Error(`${path.slice(0, -1).join('.')} is a flow map`)
    const at = nextLine(text, rangeOf(parent)[1])
    const lines = renderPair(String(last), value, mapIndent(text, parent))
    const lead = at > 0 && text[at - 1] !== '\n' ? eol : ''
    return text.slice(0, at) + lead + lines.join(eol) + eol + text.slice(at)
  }
  const node = pair.value as Node | null
  const keyEnd = rangeOf(pair.key as Node)[1]
  if (node && isScalar(node) && !isCollection(value)) {
    const [start, end] = rangeOf(node)
    return text.slice(0, start) + renderLike(node, value) + text.slice(end)
  }
  const colon = text.indexOf(':', keyEnd)
  const end = node ? rangeOf(node)[1] : nextLine(text, colon + 1) - 1
  const indent = `${mapIndent(text, parent)}  `
  const block = isBlock(value)
  const replacement = block
    ? `:${eol}${renderBlock(value, indent).join(eol)}${eol}`
    : `: ${renderInline(value, false)}`
  // A block value's range ends where the next line starts; keep that line.
  const tail = block && text[end - 1] !== '\n' ? nextLine(text, end) : end
  const keepEol = !block && text[end - 1] === '\n' ? eol : ''
  return text.slice(0, colon) + replacement + keepEol + text.slice(tail)
}

/** A scalar in the quoting its node had, where that still reads back. */
function renderLike(node: Scalar, value: unknown): string {
  if (typeof value === 'string' && node.type === 'QUOTE_DOUBLE')
    return JSON.stringify(value)
  if (
    typeof value === 'string' &&
    node.type === 'QUOTE_SINGLE' &&
    !value.includes('\n')
  ) {
    return `'${value.replace(/'/g, "''")}'`
  }
  return renderScalar(value, false)
}

/**
 * Removes the pair at `path` from its block map: its lines, from the key to
 * the end of its value. A missing key leaves the text as it is.
 */
export function deleteIn(text: string, path: YamlPath): string {
  const doc = load(text)
  const { pair } = findPair(doc, path)
  if (!pair) return text
  const start = lineStart(text, rangeOf(pair.key as Node)[0])
  const node = pair.value as Node | null
  const end = nextLine(text, node ? rangeOf(node)[1] : start + 1)
  return text.slice(0, start) + text.slice(end)
}

/**
 * Inserts `value` as item `index` of the sequence at `path`. In a block
 * sequence the item goes after the previous item's last line (so comments
 * above the next item stay with it), indented like its neighbours, with a
 * blank line before it when the items are separated by blank lines. An
 * empty or missing sequence becomes a block sequence holding the item.
 */
export function insertItem(
  text: string,
  path: YamlPath,
  index: number,
  value: unknown
): string {
  const doc = load(text)
  const eol = newline(text)
  const seq: unknown = doc.getIn(path, true)
  if (!isSeq(seq) || seq.items.length === 0) {
    return setIn(text, path, [value])
  }
  if (seq.flow)
    throw new Error(
      `${path.join('.')} is a flow sequence; write it as a block sequence`
    )
  const items = seq.items as Node[]
  const first = rangeOf(items[0])[0]
  const dash = text.lastIndexOf('-', first)
  const indent = ' '.repeat(dash - lineStart(text, dash))
  const spaced = items.slice(1).some((item) => item.spaceBefore)
  const lines = renderBlock([value], indent)
  if (index <= 0) {
    const at = lineStart(text, dash)
    return (
      text.slice(0, at) +
      lines.join(eol) +
      eol +
      (spaced ? eol : '') +
      text.slice(at)
    )
  }
  const previous = items[Math.min(index, items.length) - 1]
  const at = nextLine(text, rangeOf(previous)[1])
  const lead = text[at - 1] === '\n' ? '' : eol
  return (
    text.slice(0, at) +
    lead +
    (spaced ? eol : '') +
    lines.join(eol) +
    eol +
    text.slice(at)
  )
}
