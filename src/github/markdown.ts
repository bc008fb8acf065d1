// Small Markdown helpers for what GitHub renders. Code spans, counts,
// durations and URLs come from the lineage renderer, so the comment and the
// lineage summary read alike.
import { safeUrl } from '../lineage/index.js'

export {
  code,
  codeCell,
  formatCount,
  formatDuration,
  safeUrl,
  STEP_STATUS_LABELS
} from '../lineage/index.js'

/** One line of at most `max` characters, cut at a code point with `…`. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  let end = max - 1
  const c = flat.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return flat.slice(0, end) + '…'
}

export { plural } from '../diagnostics/index.js'

/** A Markdown link, or just the text when there is no URL. */
export function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${safeUrl(url)})` : text
}
