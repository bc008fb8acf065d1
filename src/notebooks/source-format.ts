import { warningAt, type Diagnostic } from '../diagnostics/index.js'
import { stripBom } from './detect.js'
import { kindOfMagic, splitMagic } from './magic.js'
import type { Cell, Notebook, NotebookLanguage } from './types.js'

/**
 * Databricks source format, as its exporter writes it:
 *
 *   <leader> Databricks notebook source
 *   <cell 0>
 *   <blank>
 *   <leader> COMMAND ----------
 *   <blank>
 *   <cell 1>
 *
 * A separator is that exact line and owns one blank line on each side; more
 * blank lines belong to the cells. The first cell follows the header with no
 * padding, and the end of the file pads the last cell like a separator. A cell
 * in another language than the notebook's has every line prefixed with
 * `<leader> MAGIC`, and its first line is the magic command (`%sql`, `%md`).
 * `<leader> DBTITLE 1,Title` may open any cell, before its MAGIC lines.
 */
export function parseSourceNotebook(
  text: string,
  file: string,
  language: NotebookLanguage,
  leader: string
): Notebook {
  const lines = splitLines(text)
  const syntax = sourceSyntax(leader)
  const warnings: Diagnostic[] = []
  const environment = readEnvironment(lines, leader)
  const first = environment ? environment.next : 1
  const chunks = splitCells(lines, first, syntax.separator, (line, at) => {
    const warning = nearMiss(line, at, file, syntax)
    if (warning) warnings.push(warning)
  })
  const cells: Cell[] = []
  for (const chunk of chunks) {
    const cell = buildCell(chunk, cells.length, language, syntax)
    if (cell) cells.push(cell)
  }
  return {
    path: file,
    format: 'source',
    language,
    cells,
    ...(environment ? { environment: environment.body } : {}),
    warnings
  }
}

interface SourceSyntax {
  readonly separator: string
  readonly magic: string
  readonly title: RegExp
  readonly nearSeparator: RegExp
  readonly nearMagic: RegExp
}

function sourceSyntax(leader: string): SourceSyntax {
  return {
    separator: `${leader} COMMAND ----------`,
    magic: `${leader} MAGIC`,
    // `#DBTITLE` without the space is a hand edit, but harmless to accept.
    title: new RegExp(`^${leader} ?DBTITLE (\\d+),(.*)$`),
    nearSeparator: new RegExp(`^\\s*${leader}\\s*COMMAND\\s*-+\\s*$`, 'i'),
    nearMagic: new RegExp(`^(?:\\s+${leader} ?|${leader})MAGIC(?:\\s|$)`)
  }
}

/** A run of file lines between separators, with its first line's number. */
interface Chunk {
  readonly lines: readonly string[]
  readonly line: number
}

/** Lines without BOM and `\r`; a final newline ends the last line. */
function splitLines(text: string): string[] {
  const lines = stripBom(text).replace(/\r\n/g, '\n').split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/**
 * The PEP 723 block serverless notebooks carry right after the header
 * (`# /// script` … `# ///`). It configures the environment, so it is
 * notebook metadata; left in place it would make cell 0 a mix of comment
 * and MAGIC lines.
 */
function readEnvironment(
  lines: readonly string[],
  leader: string
): { body: string; next: number } | undefined {
  if (lines[1] !== `${leader} /// script`) return undefined
  const body: string[] = []
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i]
    if (line === `${leader} ///`) return { body: body.join('\n'), next: i + 1 }
    // Every line of the block is a comment; anything else means no block.
    if (line !== leader && !line.startsWith(`${leader} `)) return undefined
    body.push(line.slice(leader.length + 1))
  }
  return undefined
}

function splitCells(
  lines: readonly string[],
  first: number,
  separator: string,
  inspect: (line: string, index: number) => void
): Chunk[] {
  const chunks: Chunk[] = []
  let start = first
  const close = (end: number, isFirst: boolean): void => {
    let from = start
    let to = end
    if (!isFirst && from < to && isBlank(lines[from])) from++
    if (from < to && isBlank(lines[to - 1])) to--
    chunks.push({ lines: lines.slice(from, to), line: from + 1 })
  }
  for (let i = first; i < lines.length; i++) {
    if (lines[i] === separator) {
      close(i, chunks.length === 0)
      start = i + 1
    } else {
      inspect(lines[i], i)
    }
  }
  close(lines.length, chunks.length === 0)
  return chunks
}

function buildCell(
  chunk: Chunk,
  index: number,
  language: NotebookLanguage,
  syntax: SourceSyntax
): Cell | undefined {
  const titled = syntax.title.exec(chunk.lines[0] ?? '')
  const lines = titled ? chunk.lines.slice(1) : chunk.lines
  const line = chunk.line + (titled ? 1 : 0)
  const title = titled
    ? { title: titled[2], showTitle: titled[1] !== '0' }
    : undefined
  const opening = lines.find((l) => !isBlank(l))
  if (opening === undefined || !isMagicLine(opening, syntax.magic)) {
    if (!title && lines.every(isBlank)) return undefined
    return {
      index,
      kind: language,
      source: lines.join('\n'),
      ...title,
      line: chunk.line,
      sourceLine: line
    }
  }
  // Unprefixed lines in a MAGIC cell are hand edits; they stay as written.
  const decoded = lines.map((l) =>
    isMagicLine(l, syntax.magic) ? l.slice(syntax.magic.length + 1) : l
  )
  const split = splitMagic(decoded)
  const source = split.body.join('\n')
  if (!split.magic && !title && source.trim() === '') return undefined
  return {
    index,
    kind: split.magic ? kindOfMagic(split.magic) : language,
    source,
    ...(split.magic ? { magic: split.magic } : {}),
    ...(split.magicArgs ? { magicArgs: split.magicArgs } : {}),
    ...title,
    line: chunk.line,
    sourceLine: line + split.bodyStart
  }
}

/** `# MAGIC` alone, or followed by a space and the original text. */
function isMagicLine(line: string, magic: string): boolean {
  return line === magic || line.startsWith(`${magic} `)
}

function isBlank(line: string): boolean {
  return line.trim() === ''
}

/**
 * Hand-written near misses (`#COMMAND ----------`, twelve dashes, `#MAGIC`)
 * are not what Databricks writes or reads, so they stay code; a warning
 * lets lint say why the notebook has fewer cells than its author thinks.
 */
function nearMiss(
  line: string,
  index: number,
  file: string,
  syntax: SourceSyntax
): Diagnostic | undefined {
  const location = { file, line: index + 1, column: 1 }
  if (syntax.nearSeparator.test(line)) {
    return warningAt(
      'notebook-near-separator',
      `line ${index + 1} looks like a cell separator but is not "${syntax.separator}", so Databricks reads it as code; write the separator exactly.`,
      location
    )
  }
  if (syntax.nearMagic.test(line)) {
    return warningAt(
      'notebook-near-magic',
      `line ${index + 1} looks like a MAGIC line but does not start with "${syntax.magic} ", so Databricks reads it as a comment; write the prefix exactly.`,
      location
    )
  }
  return undefined
}
