// Text from outside dtflw (a notebook's exit value, its messages, a name
// in a manifest) is shown escaped and cut, so it can neither steer a
// terminal nor a CI runner: no control characters, no terminal escapes, no
// line breaks, and no GitHub workflow command.

/**
 * Characters shown as escapes: backslash (so an escape is never
 * ambiguous), C0 and C1 controls and DEL (terminal escapes, line breaks),
 * the soft hyphen, line and paragraph separators, bidirectional and
 * zero-width formatting (text that reads differently than it is), and lone
 * surrogates.
 */
const HIDDEN =
  '\\x00-\\x1f\\x7f-\\x9f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb'
const LONE_SURROGATE =
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]'
const UNSAFE = new RegExp(`[\\\\${HIDDEN}]|${LONE_SURROGATE}`, 'g')

const NAMED: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t'
}

/**
 * The legacy workflow command prefix, which the Actions runner reads
 * anywhere in a line (`##[add-mask]…`, `##[stop-commands]…`).
 */
const LEGACY_COMMAND = /##\[/g

/**
 * A line the Actions runner would read as a workflow command: `::` after
 * whitespace (.NET's `TrimStart`, whose white space JavaScript's `\s` and
 * U+0085 cover).
 */
const COMMAND_LINE = /^([\s\u0085]*):(?=:)/

/** One character as its escape: `\n`, `\x1b`, `\u202e`. */
function escapeOne(c: string): string {
  const named = NAMED[c]
  if (named) return named
  const code = c.charCodeAt(0)
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/** `text` with every unsafe character as an escape (`\n`, `\x1b`, `\u202e`). */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, escapeOne).replace(LEGACY_COMMAND, '#\\x23[')
}

/**
 * What `escapeControls` escapes: `UNSAFE` but the backslash, which
 * messages use as it is (`^[\w\-]+$`, a Windows path).
 */
const CONTROLS = new RegExp(`[${HIDDEN}]|${LONE_SURROGATE}`, 'g')

/**
 * Text of dtflw's own messages, which quote what users and platforms wrote
 * (a name, an API's answer): control characters, line breaks and invisible
 * formatting as escapes, backslashes as they are.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, escapeOne).replace(LEGACY_COMMAND, '#\\x23[')
}

/** Where to cut `text` to keep at most `max` characters, never inside a pair. */
function cutIndex(text: string, max: number): number {
  if (text.length <= max) return text.length
  const c = text.charCodeAt(max - 1)
  return c >= 0xd800 && c <= 0xdbff ? max - 1 : max
}

/** `1234567` as `1,234,567`. */
function count(n: number): string {
  return n.toLocaleString('en-US')
}

/**
 * Outside text for one line of a terminal or CI log: its first `max`
 * characters, escaped, and what was cut (`… (4,999,800 more characters)`).
 * `total` is the whole text's length when `text` is already a cut copy.
 */
export function displayText(
  text: string,
  max: number,
  total: number = text.length
): string {
  const end = cutIndex(text, max)
  const shown = escapeText(text.slice(0, end))
  const more = Math.max(total, text.length) - end
  return more > 0 ? `${shown}… (${count(more)} more characters)` : shown
}

/**
 * At most `max` characters of `text` as data (a report's copy), the start
 * kept; `cut` is how many characters were left out.
 */
export function boundText(
  text: string,
  max: number
): { text: string; cut: number } {
  const end = cutIndex(text, max)
  return { text: text.slice(0, end), cut: text.length - end }
}

/**
 * At most `max` characters of `text`, the end kept (where a traceback
 * names its exception), starting with what was cut.
 */
export function boundTail(text: string, max: number): string {
  if (text.length <= max) return text
  let start = text.length - max
  const c = text.charCodeAt(start)
  if (c >= 0xdc00 && c <= 0xdfff) start++
  return `… (${count(start)} characters cut)\n${text.slice(start)}`
}

/**
 * Text for a CI log with nothing the Actions runner reads as a workflow
 * command: a line starting with `::` gets its first `:` escaped, and every
 * `##[` its second `#`. Each write is taken to start a line, which errs on
 * the safe side.
 */
export function guardWorkflowCommands(text: string): string {
  let out = text.includes('##[')
    ? text.replace(LEGACY_COMMAND, '#\\x23[')
    : text
  if (!out.includes('::')) return out
  // .NET's reader ends a line at \n, \r or \r\n.
  out = out
    .split(/(\r\n|\r|\n)/)
    .map((part) => part.replace(COMMAND_LINE, '$1\\x3a'))
    .join('')
  return out
}

/**
 * What `JSON.stringify` leaves as it is and a terminal or a reader should
 * not get raw: DEL, C1 controls, invisible and bidirectional formatting,
 * line separators; and `##[`, a legacy workflow command anywhere in a line.
 */
const JSON_UNSAFE =
  /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|##\[/g

/**
 * JSON text (from `JSON.stringify`, which escapes C0 controls and lone
 * surrogates) for a terminal or a CI log: the same document, with the rest
 * of what `escapeText` escapes written as `\\uXXXX` escapes. A pretty
 * printed document never starts a line with `::`.
 */
export function guardJsonText(text: string): string {
  return text.replace(JSON_UNSAFE, (c) =>
    c === '##['
      ? '#\\u0023['
      : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}
