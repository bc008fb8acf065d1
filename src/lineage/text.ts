/**
 * A node label for Mermaid's quoted form (`id["…"]`). Characters the grammar
 * or its entity decoding would read (`"`, `#…;`), markup (`<`, `>`, `&`), the
 * markdown-string backtick and `%` (an `%%{init}%%` directive is honoured
 * anywhere in the text) become Mermaid entity codes; other letters stay as
 * they are, so non-ASCII names read naturally.
 */
export function escapeMermaidLabel(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[#"<>&`%\u0000-\u001f\u007f]/g, (ch) => {
    switch (ch) {
      case '"':
        return '#quot;'
      case '<':
        return '#lt;'
      case '>':
        return '#gt;'
      case '&':
        return '#amp;'
      default:
        return ch.charCodeAt(0) < 0x20 || ch === '\u007f'
          ? ' '
          : `#${ch.charCodeAt(0)};`
    }
  })
}

/**
 * Inline code for Markdown: a backtick run in the text gets a longer fence,
 * line breaks become spaces.
 */
export function code(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\r\n\u0000-\u001f]+/g, ' ')
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad =
    longest > 0 || flat.startsWith(' ') || flat.endsWith(' ') ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/**
 * Inline code inside a table cell: as `code`, with `|` escaped, because GFM
 * splits cells before it reads code spans (and drops the backslash there).
 */
export function codeCell(text: string): string {
  return code(text).replace(/\|/g, '\\|')
}

export { formatCount } from '../diagnostics/index.js'

/** A duration the way a reviewer reads it: `850 ms`, `12.3 s`, `4 min 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const total = Math.round(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min ${s} s`
}

/** Bytes of the UTF-8 encoding, without allocating it. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/**
 * Whether text fits a budget counted both ways GitHub might count it: UTF-16
 * units (JavaScript's length, ≥ code points) and UTF-8 bytes.
 */
export function fitsBudget(text: string, budget: number): boolean {
  return text.length <= budget && utf8Length(text) <= budget
}

/** A URL that cannot end a Markdown link early or split a table cell. */
export function safeUrl(url: string): string {
  return url.replace(
    /[\s()|<>]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
}
