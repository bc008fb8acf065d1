import { formatLocation } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import { textSize } from './limits.js'
import { code, oneLine, plural } from './markdown.js'

const SUMMARY_CHARS = 300

/**
 * The manifest and profile problems as a list, errors first, each with its
 * place, within `maxSize`; what does not fit is counted. The annotations
 * show at most 10 of each kind, so the job summary is where all are listed.
 */
export function renderProblems(
  diagnostics: readonly Diagnostic[],
  maxSize: number
): string | undefined {
  if (diagnostics.length === 0) return undefined
  const ordered = [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity !== 'error')
  ]
  const lines = ['### Problems', '']
  let size = textSize(lines.join('\n'))
  for (const [i, d] of ordered.entries()) {
    const mark = d.severity === 'error' ? '❌' : '⚠️'
    const where = d.location ? `${code(formatLocation(d.location))} ` : ''
    const line = `- ${mark} ${where}${inert(oneLine(d.summary, SUMMARY_CHARS))}`
    if (size + textSize(line) + 40 > maxSize) {
      lines.push(
        `- and ${plural(ordered.length - i, 'more problem')}; \`dtflw validate\` lists every one.`
      )
      break
    }
    lines.push(line)
    size += textSize(line) + 1
  }
  return lines.join('\n')
}

/**
 * Text that Markdown shows as written: names from a manifest cannot start
 * emphasis, links or HTML, or mention anyone.
 */
function inert(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`)
    .replace(/@(?=\w)/g, '@\u200b')
}
