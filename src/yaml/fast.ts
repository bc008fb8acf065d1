import {
  giveUp,
  NOT_FAST,
  readPlain,
  readQuoted,
  resolvePlain
} from './scalars.js'
import {
  MAX_YAML_DEPTH,
  type YamlMap,
  type YamlNode,
  type YamlPair,
  type YamlScalar,
  type YamlScalarValue
} from './tree.js'

export { resolvePlain }

/**
 * A reader for the YAML that manifests and profiles are made of: block
 * mappings and sequences, one-line flow collections, plain and quoted
 * one-line scalars, comments. It returns `undefined` for anything else
 * (anchors, tags, block scalars, multi-line values, tabs, CRLF, several
 * documents, any error), and the caller then reads the text with the full
 * YAML library. So it never decides a case alone: for every text it
 * accepts, it gives the values and offsets the library gives, which the
 * differential test holds it to. It exists because the library reads a
 * 5,000-step manifest about ten times slower.
 */
export function parseYamlFast(
  text: string
): { readonly root: YamlNode | null } | undefined {
  if (/[\t\r\uFEFF]/.test(text)) return undefined
  try {
    return { root: createReader(text).document() }
  } catch (error) {
    if (error === NOT_FAST) return undefined
    throw error
  }
}

const MAX_KEY_LENGTH = 1024

interface Line {
  /** Offset of the first character of the line. */
  readonly start: number
  /** Offset of the first non-space character. */
  readonly content: number
  /** Offset of the line's end (its `\n`, or the text's end). */
  readonly end: number
}

function createReader(text: string) {
  const lines: Line[] = []
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    let content = start
    while (content < end && text[content] === ' ') content++
    lines.push({ start, content, end })
    if (end === text.length) break
    start = end + 1
  }

  const indentOf = (line: Line) => line.content - line.start
  const isBlank = (line: Line) =>
    line.content === line.end || text[line.content] === '#'

  /** The index of the next line that holds content, from `i` on. */
  const nextContent = (i: number): number => {
    while (i < lines.length && isBlank(lines[i])) i++
    return i
  }

  /** Spaces from `pos`; the offset after them. */
  const skipSpaces = (pos: number): number => {
    while (text[pos] === ' ') pos++
    return pos
  }

  /** After a value: only spaces, then a comment or the line's end. */
  const expectLineEnd = (pos: number, line: Line): void => {
    const at = skipSpaces(pos)
    if (at === line.end) return
    if (text[at] === '#' && text[at - 1] === ' ') return
    giveUp()
  }

  const isLineBreak = (pos: number, line: Line) => pos >= line.end

  const startsEntry = (line: Line): boolean =>
    text[line.content] === '-' &&
    (line.content + 1 === line.end || text[line.content + 1] === ' ')

  const document = (): YamlNode | null => {
    for (const line of lines) {
      if (line.start !== line.content) continue
      const head = text.slice(line.start, line.start + 3)
      if (
        text[line.start] === '%' ||
        ((head === '---' || head === '...') &&
          (line.start + 3 === line.end || text[line.start + 3] === ' '))
      )
        giveUp()
    }
    const first = nextContent(0)
    if (first === lines.length) return null
    const { node, next } = blockNode(first, indentOf(lines[first]), 0)
    if (nextContent(next) !== lines.length) giveUp()
    return node
  }

  /** A node whose first line is `i`, its content at column `indent`. */
  const blockNode = (
    i: number,
    indent: number,
    depth: number
  ): { node: YamlNode; next: number } => {
    if (depth > MAX_YAML_DEPTH) giveUp()
    const line = lines[i]
    if (startsEntry(line)) return blockSeq(i, indent, depth)
    const key = tryKey(line.content, line)
    if (key) return blockMap(i, indent, line.content, depth)
    const value = inlineValue(line.content, line, depth)
    expectLineEnd(value.end, line)
    const next = nextContent(i + 1)
    if (next < lines.length && indentOf(lines[next]) > indent) giveUp()
    return { node: value.node, next: i + 1 }
  }

  /**
   * A block mapping whose first key is at `first` on line `i`; later keys
   * are lines indented by `indent`. `first` differs from the line's content
   * for a mapping that opens a sequence entry (`- key: value`).
   */
  const blockMap = (
    i: number,
    indent: number,
    first: number,
    depth: number
  ): { node: YamlMap; next: number } => {
    const pairs = new Map<string, YamlPair>()
    let at = first
    let index = i
    for (;;) {
      const line = lines[index]
      const key = tryKey(at, line)
      if (!key || pairs.has(key.text)) giveUp()
      const after = skipSpaces(key.colon + 1)
      let value: YamlNode
      let next: number
      if (isLineBreak(after, line) || text[after] === '#') {
        const child = nextContent(index + 1)
        const childLine = lines[child]
        if (
          childLine &&
          (indentOf(childLine) > indent ||
            (indentOf(childLine) === indent && startsEntry(childLine)))
        ) {
          ;({ node: value, next } = blockNode(
            child,
            indentOf(childLine),
            depth + 1
          ))
        } else {
          value = { kind: 'scalar', value: null, offset: after }
          next = index + 1
        }
      } else {
        const inline = inlineValue(after, line, depth + 1)
        expectLineEnd(inline.end, line)
        value = inline.node
        next = index + 1
        const following = nextContent(next)
        if (following < lines.length && indentOf(lines[following]) > indent)
          giveUp()
      }
      pairs.set(key.text, { key: key.text, keyOffset: at, value })
      index = nextContent(next)
      if (index === lines.length) break
      const line2 = lines[index]
      const indent2 = indentOf(line2)
      if (indent2 < indent) break
      if (indent2 > indent) giveUp()
      if (startsEntry(line2)) break
      at = line2.content
    }
    return { node: { kind: 'map', pairs, offset: first }, next: index }
  }

  /** A block sequence: lines `- …` at column `indent`. */
  const blockSeq = (
    i: number,
    indent: number,
    depth: number
  ): { node: YamlNode; next: number } => {
    const items: YamlNode[] = []
    let index = i
    for (;;) {
      const line = lines[index]
      const at = skipSpaces(line.content + 1)
      let next: number
      if (isLineBreak(at, line) || text[at] === '#') {
        const child = nextContent(index + 1)
        const childLine = lines[child]
        if (!childLine || indentOf(childLine) <= indent) giveUp()
        const nested = blockNode(child, indentOf(childLine), depth + 1)
        items.push(nested.node)
        next = nested.next
      } else if (startsEntryAt(at, line)) {
        giveUp()
      } else if (tryKey(at, line)) {
        const map = blockMap(index, at - line.start, at, depth + 1)
        items.push(map.node)
        next = map.next
      } else {
        const inline = inlineValue(at, line, depth + 1)
        expectLineEnd(inline.end, line)
        items.push(inline.node)
        next = index + 1
        const following = nextContent(next)
        if (following < lines.length && indentOf(lines[following]) > indent)
          giveUp()
      }
      index = nextContent(next)
      if (index === lines.length) break
      const line2 = lines[index]
      if (indentOf(line2) < indent) break
      if (indentOf(line2) > indent || !startsEntry(line2)) {
        // A key at the sequence's own indent ends a sequence that is the
        // value of a mapping written at that indent.
        if (indentOf(line2) === indent) break
        giveUp()
      }
    }
    return {
      node: { kind: 'seq', items, offset: lines[i].content },
      next: index
    }
  }

  const startsEntryAt = (pos: number, line: Line) =>
    text[pos] === '-' && (pos + 1 === line.end || text[pos + 1] === ' ')

  /**
   * A key at `pos`: a quoted or plain scalar, then `:`. In block context a
   * space or the line's end must follow the colon; in flow context `,` and
   * `}` may too, and after a quoted key anything (`{"a":1}`).
   */
  const keyAt = (
    pos: number,
    line: Line,
    flow: boolean
  ): { text: string; colon: number } | undefined => {
    const quotedKey = text[pos] === '"' || text[pos] === "'"
    let key: string
    let end: number
    if (quotedKey) {
      const q = quoted(pos, line)
      key = q.value
      end = skipSpaces(q.end)
    } else {
      const plain = plainScalar(pos, line, flow)
      if (!plain || text[plain.end] !== ':') return undefined
      if (resolvePlain(plain.text) !== plain.text) giveUp()
      key = plain.text
      end = plain.end
    }
    if (text[end] !== ':') return undefined
    const after = text[end + 1]
    const spaced = end + 1 >= line.end || after === ' '
    if (!spaced && !(flow && (quotedKey || after === ',' || after === '}')))
      return undefined
    if (end - pos > MAX_KEY_LENGTH) giveUp()
    return { text: key, colon: end }
  }

  const tryKey = (pos: number, line: Line) => keyAt(pos, line, false)

  /** A scalar or flow collection that ends on this line. */
  const valueAt = (
    pos: number,
    line: Line,
    depth: number,
    flow: boolean
  ): { node: YamlNode; end: number } => {
    const c = text[pos]
    if (c === '[' || c === '{') return flowCollection(pos, line, depth)
    if (c === '"' || c === "'") {
      const q = quoted(pos, line)
      return { node: scalar(q.value, pos), end: q.end }
    }
    const plain = plainScalar(pos, line, flow)
    // `a: b: c` is no value but an error.
    if (!plain || (!flow && text[plain.end] === ':')) giveUp()
    return {
      node: scalar(resolvePlain(plain.text), pos, plain.text),
      end: plain.end
    }
  }

  const inlineValue = (pos: number, line: Line, depth: number) =>
    valueAt(pos, line, depth, false)

  /** `[ … ]` or `{ … }`, nested, all on this line. */
  const flowCollection = (
    pos: number,
    line: Line,
    depth: number
  ): { node: YamlNode; end: number } => {
    if (depth > MAX_YAML_DEPTH) giveUp()
    const close = text[pos] === '[' ? ']' : '}'
    let at = skipSpaces(pos + 1)
    const items: YamlNode[] = []
    const pairs = new Map<string, YamlPair>()
    while (text[at] !== close) {
      if (isLineBreak(at, line)) giveUp()
      if (close === ']') {
        const item = flowNode(at, line, depth + 1)
        items.push(item.node)
        at = skipSpaces(item.end)
        if (text[at] === ':') giveUp()
      } else {
        const key = flowKey(at, line)
        if (pairs.has(key.text)) giveUp()
        let valueAt = skipSpaces(key.colon + 1)
        let value: YamlNode
        if (text[valueAt] === ',' || text[valueAt] === '}') {
          value = scalar(null, valueAt)
        } else {
          const item = flowNode(valueAt, line, depth + 1)
          value = item.node
          valueAt = item.end
        }
        pairs.set(key.text, { key: key.text, keyOffset: at, value })
        at = skipSpaces(valueAt)
      }
      if (text[at] === ',') at = skipSpaces(at + 1)
      else if (text[at] !== close) giveUp()
    }
    const node: YamlNode =
      close === ']'
        ? { kind: 'seq', items, offset: pos }
        : { kind: 'map', pairs, offset: pos }
    return { node, end: at + 1 }
  }

  const flowKey = (pos: number, line: Line) =>
    keyAt(pos, line, true) ?? giveUp()

  const flowNode = (pos: number, line: Line, depth: number) =>
    valueAt(pos, line, depth, true)

  const quoted = (pos: number, line: Line) => readQuoted(text, pos, line.end)
  const plainScalar = (pos: number, line: Line, flow: boolean) =>
    readPlain(text, pos, line.end, flow)

  return { document }
}

function scalar(
  value: YamlScalarValue,
  offset: number,
  text?: string
): YamlScalar {
  return typeof value === 'number' || typeof value === 'boolean'
    ? { kind: 'scalar', value, offset, ...(text === undefined ? {} : { text }) }
    : { kind: 'scalar', value, offset }
}
