// @ts-check
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { URL } from 'node:url'

/**
 * The template notebooks' folder, found by climbing from this module to the
 * package root: the same from these sources, from the bundled `dtflw`
 * (whose chunks sit at dist/cli/chunks/) and from an installed package.
 */
const TEMPLATES = (() => {
  let folder = new URL('./', import.meta.url)
  for (let depth = 0; depth < 6; depth++) {
    const candidate = new URL('generators/notebook/templates/', folder)
    if (existsSync(candidate)) return candidate
    folder = new URL('../', folder)
  }
  return new URL('./templates/', import.meta.url)
})()

/**
 * The text of a template notebook.
 * @param {string} file e.g. `scd2.sql`
 */
export function readTemplate(file) {
  return readFile(new URL(file, TEMPLATES), 'utf8')
}

/**
 * Fills each `{{name}}` of a template. A value of several lines goes on at
 * the indentation of the placeholder's line, so a column list stays
 * aligned. A placeholder without a value is an error: a template and the
 * code that fills it must agree.
 * @param {string} text
 * @param {Readonly<Record<string, string>>} values
 */
export function fillTemplate(text, values) {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)?.[0] ?? ''
      return line.replace(/\{\{(\w+)\}\}/g, (_, name) => {
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
 * @param {string} text
 */
export function rewrapMarkdown(text) {
  const out = []
  /** @type {{ leader: string, words: string[] } | undefined} */
  let paragraph
  const flush = () => {
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

/**
 * Words into lines of at most `width` characters, `prefix` included.
 * @param {readonly string[]} words @param {string} prefix @param {number} [width]
 */
function wrapWords(words, prefix, width = 80) {
  const lines = []
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
