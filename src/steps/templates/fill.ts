import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { findPackagePath } from '../../io/index.js'

/** The template notebooks, a plain folder the package ships. */
const TEMPLATE_FOLDER = 'generators/notebook/templates'

/** The text of a template notebook, e.g. `scd2.sql`. */
export function readTemplate(file: string): Promise<string> {
  const folder = findPackagePath(TEMPLATE_FOLDER, import.meta.url)
  return readFile(path.join(folder, file), 'utf8')
}

/**
 * Fills each `{{name}}` of a template. A value of several lines goes on at
 * the indentation of the placeholder's line, so a column list stays
 * aligned. A placeholder without a value is an error: a template and the
 * code that fills it must agree.
 */
export function fillTemplate(
  text: string,
  values: Readonly<Record<string, string>>
): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)?.[0] ?? ''
      return line.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
        const value = values[name]
        if (value === undefined)
          throw new Error(`template placeholder {{${name}}} has no value`)
        return value
          .split('\n')
          .map((l, i) => (i === 0 || l === '' ? l : indent + l))
          .join('\n')
      })
    })
    .join('\n')
}

/** A markdown line of a source notebook: its leader and its text. */
const MAGIC = /^(-- MAGIC|# MAGIC)( (.*))?$/

/**
 * Wraps the prose of a notebook's `%md` cells to 80 columns again after
 * filling (names make lines longer): consecutive markdown lines form a
 * paragraph, ended by an empty line, a heading or the `%md` line.
 */
export function rewrapMarkdown(text: string): string {
  const out: string[] = []
  let paragraph: { leader: string; words: string[] } | undefined
  const flush = (): void => {
    if (!paragraph) return
    out.push(...wrapWords(paragraph.words, `${paragraph.leader} `))
    paragraph = undefined
  }
  for (const line of text.split('\n')) {
    const m = MAGIC.exec(line)
    const body = m?.[3] ?? ''
    if (!m || body === '' || /^(%|#)/.test(body)) {
      flush()
      out.push(line)
      continue
    }
    if (paragraph && paragraph.leader !== m[1]) flush()
    paragraph ??= { leader: m[1], words: [] }
    paragraph.words.push(...body.split(' ').filter(Boolean))
  }
  flush()
  return out.join('\n')
}

/** Words into lines of at most `width` characters, `prefix` included. */
export function wrapWords(
  words: readonly string[],
  prefix: string,
  width = 80
): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(prefix + line)
  return lines
}
