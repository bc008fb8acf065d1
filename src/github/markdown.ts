// Small Markdown helpers for what GitHub renders. The lineage module keeps
// its own copies private; these follow the same conventions so the comment
// and the lineage summary read alike (durations, counts, code spans).

/** Inline code; a backtick run in the text gets a longer fence, line breaks become spaces. */
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
 * Inline code inside a table cell: `|` is escaped because GFM splits cells
 * before it reads code spans. Code spans also keep untrusted text (notebook
 * errors) from rendering HTML or mentioning people.
 */
export function codeCell(text: string): string {
  return code(text).replace(/\|/g, '\\|')
}

/** One line of at most `max` characters, cut at a code point with `…`. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  let end = max - 1
  const c = flat.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return flat.slice(0, end) + '…'
}

/** `1234567` → `1,234,567`, the same on every machine (no ICU). */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',')
}

/** `1 step`, `2 steps`. */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`
}

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

/** A URL that cannot end a Markdown link early or split a table cell. */
export function safeUrl(url: string): string {
  return url.replace(
    /[\s()|<>]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
}

/** A Markdown link, or just the text when there is no URL. */
export function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${safeUrl(url)})` : text
}
