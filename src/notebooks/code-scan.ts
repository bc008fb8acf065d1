import type { CellKind } from './types.js'

/**
 * Just enough lexing to search cell code without being fooled by comments
 * and string literals. Masks keep every offset and newline, so a match in a
 * mask is read back from the original text at the same index.
 */

/** The comment and string rules of one cell language. */
interface Syntax {
  readonly lineComments: readonly string[]
  readonly blockComment?: { readonly open: string; readonly close: string }
  /** Single-character string (or quoted identifier) delimiters. */
  readonly quotes: readonly string[]
  /** `'''` and `"""` strings (Python, Scala). */
  readonly tripleQuotes: boolean
  /** `$$ … $$` bodies (SQL functions written in Python). */
  readonly dollarQuotes: boolean
  /** Strings end at a line end even without their closing quote. */
  readonly singleLineStrings: boolean
}

const SYNTAX: Partial<Record<CellKind, Syntax>> = {
  // Spark SQL block comments nest; the closing scan below counts depth.
  sql: {
    lineComments: ['--'],
    blockComment: { open: '/*', close: '*/' },
    quotes: ["'", '"', '`'],
    tripleQuotes: false,
    dollarQuotes: true,
    singleLineStrings: false
  },
  python: {
    lineComments: ['#'],
    quotes: ["'", '"'],
    tripleQuotes: true,
    dollarQuotes: false,
    singleLineStrings: true
  },
  scala: {
    lineComments: ['//'],
    blockComment: { open: '/*', close: '*/' },
    quotes: ['"'],
    tripleQuotes: true,
    dollarQuotes: false,
    singleLineStrings: true
  },
  r: {
    lineComments: ['#'],
    quotes: ["'", '"'],
    tripleQuotes: false,
    dollarQuotes: false,
    singleLineStrings: false
  }
}

/** A cell's code with parts blanked out; offsets match the original. */
export interface MaskedCode {
  readonly text: string
  /** Comments blanked; string literals kept. */
  readonly code: string
  /** Comments and string contents blanked; the quote characters stay. */
  readonly bare: string
}

/** Masks for a cell, or `undefined` for kinds that are not code we scan. */
export function maskCell(kind: CellKind, text: string): MaskedCode | undefined {
  const syntax = SYNTAX[kind]
  return syntax ? maskCode(text, syntax) : undefined
}

function maskCode(text: string, syntax: Syntax): MaskedCode {
  const code = text.split('')
  const bare = text.split('')
  const blank = (target: string[], from: number, to: number): void => {
    for (let i = from; i < to; i++) if (target[i] !== '\n') target[i] = ' '
  }
  let i = 0
  while (i < text.length) {
    const comment = commentEnd(text, i, syntax)
    if (comment !== undefined) {
      blank(code, i, comment)
      blank(bare, i, comment)
      i = comment
      continue
    }
    const delimiter = stringDelimiter(text, i, syntax)
    if (delimiter) {
      const from = i + delimiter.length
      const interpolation = interpolationOf(text, i, syntax)
      if (!interpolation) {
        const end = stringEnd(text, from, delimiter, syntax)
        blank(bare, from, Math.max(from, end - delimiter.length))
        i = end
        continue
      }
      // An f-string or an `s"…"`: the literal parts are string, the
      // replacement fields are code, searched like any other code.
      const scan = interpolatedEnd(text, from, delimiter, syntax, interpolation)
      const close = Math.max(from, scan.end - delimiter.length)
      let at = from
      for (const [start, stop] of scan.fields) {
        blank(bare, at, start)
        const inner = maskCode(text.slice(start, stop), syntax)
        for (let k = start; k < stop; k++) {
          code[k] = inner.code[k - start]
          bare[k] = inner.bare[k - start]
        }
        at = stop
      }
      blank(bare, at, close)
      i = scan.end
      continue
    }
    i++
  }
  return { text, code: code.join(''), bare: bare.join('') }
}

/** How a string literal embeds code: `{…}` (Python) or `${…}` (Scala). */
interface Interpolation {
  /** Opens a replacement field. */
  readonly open: string
  /** Written twice, the opener is a literal character. */
  readonly escape: string
  /** Backslash escapes apply in the literal parts. */
  readonly backslash: boolean
}

/**
 * Python's `f"…"` (with `r`/`R` also `rf`, `fr`) and Scala's interpolated
 * strings (`s"…"`, `f"…"`, `raw"…"`, any `id"…"`): the letters right before
 * the quote decide.
 */
function interpolationOf(
  text: string,
  quote: number,
  syntax: Syntax
): Interpolation | undefined {
  let start = quote
  while (start > 0 && /[A-Za-z]/.test(text[start - 1])) start--
  if (start > 0 && /[\w$]/.test(text[start - 1])) return undefined
  const prefix = text.slice(start, quote)
  if (!prefix) return undefined
  if (syntax === SYNTAX.python) {
    const lower = prefix.toLowerCase()
    if (lower === 'f') return { open: '{', escape: '{{', backslash: true }
    if (lower === 'rf' || lower === 'fr')
      return { open: '{', escape: '{{', backslash: false }
    return undefined
  }
  if (syntax === SYNTAX.scala && text[quote] === '"') {
    return { open: '${', escape: '$$', backslash: prefix !== 'raw' }
  }
  return undefined
}

/**
 * The end of an interpolated string opened before `from`, and the
 * `[start, end)` offsets of the code inside each of its replacement fields.
 */
function interpolatedEnd(
  text: string,
  from: number,
  delimiter: string,
  syntax: Syntax,
  interpolation: Interpolation
): { end: number; fields: [number, number][] } {
  const fields: [number, number][] = []
  let i = from
  while (i < text.length) {
    if (interpolation.backslash && text[i] === '\\') {
      i += 2
    } else if (text.startsWith(delimiter, i)) {
      return { end: i + delimiter.length, fields }
    } else if (
      text[i] === '\n' &&
      delimiter.length === 1 &&
      syntax.singleLineStrings
    ) {
      return { end: i, fields }
    } else if (text.startsWith(interpolation.escape, i)) {
      i += interpolation.escape.length
    } else if (text.startsWith(interpolation.open, i)) {
      const start = i + interpolation.open.length
      const close = fieldEnd(text, start, syntax)
      fields.push([start, close])
      // An unclosed field ends the string where the field stopped.
      if (text[close] !== '}') return { end: close, fields }
      i = close + 1
    } else {
      i++
    }
  }
  return { end: text.length, fields }
}

/** The `}` that closes a replacement field, past nested brackets and strings. */
function fieldEnd(text: string, from: number, syntax: Syntax): number {
  let depth = 0
  let i = from
  while (i < text.length) {
    const c = text[i]
    const delimiter = stringDelimiter(text, i, syntax)
    if (delimiter) {
      i = stringEnd(text, i + delimiter.length, delimiter, syntax)
      continue
    }
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']') depth--
    else if (c === '}') {
      if (depth === 0) return i
      depth--
    } else if (c === '\n' && syntax.singleLineStrings) {
      return i
    }
    i++
  }
  return text.length
}

function commentEnd(
  text: string,
  at: number,
  syntax: Syntax
): number | undefined {
  if (syntax.lineComments.some((c) => text.startsWith(c, at))) {
    const end = text.indexOf('\n', at)
    return end === -1 ? text.length : end
  }
  const block = syntax.blockComment
  if (!block || !text.startsWith(block.open, at)) return undefined
  let depth = 0
  let i = at
  while (i < text.length) {
    if (text.startsWith(block.open, i)) {
      depth++
      i += block.open.length
    } else if (text.startsWith(block.close, i)) {
      depth--
      i += block.close.length
      if (depth === 0) return i
    } else {
      i++
    }
  }
  return text.length
}

function stringDelimiter(
  text: string,
  at: number,
  syntax: Syntax
): string | undefined {
  if (syntax.dollarQuotes && text.startsWith('$$', at)) return '$$'
  const quote = text[at]
  if (!syntax.quotes.includes(quote)) return undefined
  const triple = quote.repeat(3)
  return syntax.tripleQuotes && text.startsWith(triple, at) ? triple : quote
}

/** Index just past the closing delimiter (or where an unclosed one stops). */
function stringEnd(
  text: string,
  from: number,
  delimiter: string,
  syntax: Syntax
): number {
  const escapes = delimiter !== '`' && delimiter !== '$$'
  let i = from
  while (i < text.length) {
    if (escapes && text[i] === '\\') {
      i += 2
    } else if (text.startsWith(delimiter, i)) {
      return i + delimiter.length
    } else if (
      text[i] === '\n' &&
      delimiter.length === 1 &&
      syntax.singleLineStrings
    ) {
      return i
    } else {
      i++
    }
  }
  return text.length
}

/** The 0-based line of `offset` within `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset;) {
    line++
    i = text.indexOf('\n', i + 1)
  }
  return line
}

/**
 * The string literal whose opening quote is at `quote`, read from the
 * original text; the bare mask blanks its contents, so the next quote of the
 * same kind there is its closing one. `undefined` when it is not a simple,
 * one-line literal.
 */
export function literalAt(
  masked: MaskedCode,
  quote: number
): string | undefined {
  const q = masked.text[quote]
  const close = masked.bare.indexOf(q, quote + 1)
  if (close === -1) return undefined
  const value = masked.text.slice(quote + 1, close)
  return value.includes('\n') || value.includes('\\') ? undefined : value
}

/** The index of the `)` closing the `(` at `open`, in the bare mask. */
export function closingParen(masked: MaskedCode, open: number): number {
  let depth = 0
  for (let i = open; i < masked.bare.length; i++) {
    const c = masked.bare[i]
    if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return masked.bare.length
}
