// @ts-check
import { isMap, isScalar, isSeq, parse, parseDocument } from 'yaml'

/**
 * Edits of a YAML text that change only the text of the node they name.
 * The yaml Document API finds the node and its source range; the edit
 * splices new text there, so every other byte (comments, blank lines,
 * quoting, `[a, b]` against `[ a, b ]`) stays as the user wrote it, which a
 * round trip through `Document.toString()` does not promise.
 *
 * New values are written the way the templates and the prettier style
 * write them: block maps, `[a, b]` for lists of scalars, `{ a: b }` for the
 * maps passed through `inline`.
 */

/** @typedef {(string | number)[]} YamlPath */

/** Maps to write in flow style, `{ a: b }`. */
const INLINE = new WeakSet()

/**
 * Marks a map to be written on one line, `{ path: a.csv, format: csv }`.
 * @template {object} T
 * @param {T} value
 * @returns {T}
 */
export function inline(value) {
  INLINE.add(value)
  return value
}

/** @param {string} text */
function load(text) {
  const doc = parseDocument(text)
  if (doc.errors.length > 0) throw doc.errors[0]
  return doc
}

/** @param {string} text */
function newline(text) {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

/** @param {string} text @param {number} offset */
function lineStart(text, offset) {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/**
 * The offset just past the line that holds `offset - 1`: where the next
 * line starts (or the end of the text).
 * @param {string} text
 * @param {number} offset
 */
function nextLine(text, offset) {
  if (offset > 0 && text[offset - 1] === '\n') return offset
  const end = text.indexOf('\n', offset)
  return end < 0 ? text.length : end + 1
}

/**
 * A string as a plain scalar when YAML reads it back as the same string in
 * that context, else double-quoted.
 * @param {unknown} value
 * @param {boolean} inFlow
 */
export function renderScalar(value, inFlow) {
  if (typeof value !== 'string') return String(value)
  if (value !== '' && value.trim() === value && !value.includes('\n')) {
    try {
      const back = inFlow ? parse(`[${value}]`) : parse(`k: ${value}`)
      const read = inFlow ? back?.[0] : back?.k
      if (read === value && (!inFlow || back.length === 1)) return value
    } catch {
      // Not plain: quoted below.
    }
  }
  return JSON.stringify(value)
}

/** @param {unknown} value */
function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** @param {unknown} value */
function isFlow(value) {
  if (Array.isArray(value))
    return value.every((v) => !isPlainObject(v) && !Array.isArray(v))
  return isPlainObject(value) && INLINE.has(/** @type {object} */ (value))
}

/**
 * A value on one line: a scalar, `[a, b]` or `{ a: b }`.
 * @param {unknown} value
 * @param {boolean} inFlow
 * @returns {string}
 */
function renderInline(value, inFlow) {
  if (Array.isArray(value)) {
    return `[${value.map((v) => renderInline(v, true)).join(', ')}]`
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(/** @type {object} */ (value))
    if (entries.length === 0) return '{}'
    return `{ ${entries.map(([k, v]) => `${renderScalar(k, true)}: ${renderInline(v, true)}`).join(', ')} }`
  }
  return renderScalar(value, inFlow)
}

/**
 * The lines of `key: value` at `indent`: one line for scalars and flow
 * values, else the key and its block below.
 * @param {string} key
 * @param {unknown} value
 * @param {string} indent
 * @returns {string[]}
 */
function renderPair(key, value, indent) {
  const k = `${indent}${renderScalar(key, false)}:`
  if (isBlock(value)) return [k, ...renderBlock(value, `${indent}  `)]
  return [`${k} ${renderInline(value, false)}`]
}

/** @param {unknown} value */
function isBlock(value) {
  return (
    (isPlainObject(value) || Array.isArray(value)) &&
    !isFlow(value) &&
    (Array.isArray(value)
      ? value.length > 0
      : Object.keys(/** @type {object} */ (value)).length > 0)
  )
}

/**
 * A block map or sequence, each line at `indent`.
 * @param {unknown} value
 * @param {string} indent
 * @returns {string[]}
 */
export function renderBlock(value, indent) {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isBlock(item)) return [`${indent}- ${renderInline(item, false)}`]
      const inner = Array.isArray(item)
        ? renderBlock(item, `${indent}  `)
        : Object.entries(/** @type {object} */ (item)).flatMap(([k, v]) =>
            renderPair(k, v, `${indent}  `)
          )
      return [
        `${indent}- ${inner[0].slice(indent.length + 2)}`,
        ...inner.slice(1)
      ]
    })
  }
  return Object.entries(/** @type {object} */ (value)).flatMap(([k, v]) =>
    renderPair(k, v, indent)
  )
}

/**
 * The pair at `path` in its parent block map, or undefined.
 * @param {import('yaml').Document} doc
 * @param {YamlPath} path
 */
function findPair(doc, path) {
  const parent =
    path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)
  if (!isMap(parent)) return { parent: undefined, pair: undefined }
  const key = path[path.length - 1]
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key)
  return { parent, pair }
}

/** The column where a map's keys start. @param {string} text @param {import('yaml').YAMLMap} map */
function mapIndent(text, map) {
  const start = /** @type {[number, number, number]} */ (map.range)[0]
  return ' '.repeat(start - lineStart(text, start))
}

/**
 * Sets the value at `path` (keys of block maps), replacing only that value's
 * text. A scalar replaces a scalar in place (keeping its quotes when it
 * can); anything else is written anew after `key:`. A missing key is added
 * at the end of its map, and missing parents with it.
 * @param {string} text
 * @param {YamlPath} path
 * @param {unknown} value
 * @returns {string}
 */
export function setIn(text, path, value) {
  const doc = load(text)
  const eol = newline(text)
  const { parent, pair } = findPair(doc, path)
  if (!parent) {
    if (path.length === 1) throw new Error('the document is not a map')
    return setIn(text, path.slice(0, -1), { [path[path.length - 1]]: value })
  }
  if (!pair) {
    const range = /** @type {[number, number, number]} */ (parent.range)
    if (parent.flow)
      throw new Error(`${path.slice(0, -1).join('.')} is a flow map`)
    const at = nextLine(text, range[1])
    const lines = renderPair(
      String(path[path.length - 1]),
      value,
      mapIndent(text, parent)
    )
    const lead = at > 0 && text[at - 1] !== '\n' ? eol : ''
    return text.slice(0, at) + lead + lines.join(eol) + eol + text.slice(at)
  }
  const node = /** @type {import('yaml').Node | null} */ (pair.value)
  const keyEnd = /** @type {[number, number, number]} */ (
    /** @type {import('yaml').Node} */ (pair.key).range
  )[1]
  if (
    node &&
    isScalar(node) &&
    !isBlock(value) &&
    !Array.isArray(value) &&
    !isPlainObject(value)
  ) {
    const [start, end] = /** @type {[number, number, number]} */ (node.range)
    return text.slice(0, start) + renderLike(node, value) + text.slice(end)
  }
  const colon = text.indexOf(':', keyEnd)
  const end = node
    ? /** @type {[number, number, number]} */ (node.range)[1]
    : nextLine(text, colon + 1) - 1
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

/**
 * A scalar in the quoting its node had, where that still reads back.
 * @param {import('yaml').Scalar} node
 * @param {unknown} value
 */
function renderLike(node, value) {
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
 * @param {string} text
 * @param {YamlPath} path
 */
export function deleteIn(text, path) {
  const doc = load(text)
  const { pair } = findPair(doc, path)
  if (!pair) return text
  const start = lineStart(
    text,
    /** @type {[number, number, number]} */ (
      /** @type {import('yaml').Node} */ (pair.key).range
    )[0]
  )
  const node = /** @type {import('yaml').Node | null} */ (pair.value)
  const end = nextLine(
    text,
    node ? /** @type {[number, number, number]} */ (node.range)[1] : start + 1
  )
  return text.slice(0, start) + text.slice(end)
}

/**
 * Inserts `value` as item `index` of the sequence at `path`. In a block
 * sequence the item goes after the previous item's last line (so comments
 * above the next item stay with it), indented like its neighbours, with a
 * blank line before it when the items are separated by blank lines. An
 * empty or missing sequence becomes a block sequence holding the item.
 * @param {string} text
 * @param {YamlPath} path
 * @param {number} index
 * @param {unknown} value
 */
export function insertItem(text, path, index, value) {
  const doc = load(text)
  const eol = newline(text)
  const seq = doc.getIn(path, true)
  if (!isSeq(seq) || seq.items.length === 0) {
    return setIn(text, path, [value])
  }
  if (seq.flow)
    throw new Error(
      `${path.join('.')} is a flow sequence; write it as a block sequence`
    )
  const items = /** @type {import('yaml').Node[]} */ (seq.items)
  const first = /** @type {[number, number, number]} */ (items[0].range)[0]
  const dash = text.lastIndexOf('-', first)
  const indent = ' '.repeat(dash - lineStart(text, dash))
  const spaced = items.slice(1).some((item) => item.spaceBefore)
  const lines = renderBlock([value], indent)
  let at
  if (index <= 0) {
    at = lineStart(text, dash)
    return (
      text.slice(0, at) +
      lines.join(eol) +
      eol +
      (spaced ? eol : '') +
      text.slice(at)
    )
  }
  const previous = items[Math.min(index, items.length) - 1]
  at = nextLine(
    text,
    /** @type {[number, number, number]} */ (previous.range)[1]
  )
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
