import type { NotebookInspection, NotebookProblem } from './detect.js'
import { kindOfMagic, splitMagic } from './magic.js'
import type { Cell, CellKind, Notebook, NotebookLanguage } from './types.js'

/**
 * Jupyter notebooks as Databricks exports them. The notebook's language lives
 * only in `metadata["application/vnd.databricks.v1+notebook"].language`;
 * `%md` cells become markdown cells without their `%md` line, and every other
 * magic stays as the first line of a code cell.
 */

/** The parts of an nbformat 4 document the reader relies on. */
export interface IpynbDocument {
  readonly cells: readonly unknown[]
  readonly metadata: Readonly<Record<string, unknown>>
  readonly nbformat: number
}

type Json = Readonly<Record<string, unknown>>

const NOTEBOOK_KEY = 'application/vnd.databricks.v1+notebook'
const CELL_KEY = 'application/vnd.databricks.v1+cell'

/** As databricks/cli: JSON with `cells`, `metadata` and `nbformat >= 4`. */
export function inspectIpynb(text: string): NotebookInspection {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    return notNotebook(`it is not valid JSON (${(error as Error).message})`)
  }
  const root = asObject(document)
  if (!root || !Array.isArray(root.cells)) {
    return notNotebook('it has no "cells" list')
  }
  const metadata = asObject(root.metadata)
  if (!metadata) return notNotebook('it has no "metadata" object')
  const nbformat = root.nbformat
  if (typeof nbformat !== 'number' || nbformat < 4) {
    return notNotebook(
      `its nbformat is ${JSON.stringify(nbformat ?? null)}, and dtflw reads nbformat 4 or later`
    )
  }
  const ipynb = { cells: root.cells, metadata, nbformat }
  return {
    ok: true,
    format: 'ipynb',
    language: ipynbLanguage(metadata),
    document: ipynb
  }
}

/**
 * The Databricks language first, then what Jupyter recorded, then Python:
 * a notebook without any of them runs on the Python kernel.
 */
function ipynbLanguage(metadata: Json): NotebookLanguage {
  const candidates = [
    asObject(metadata[NOTEBOOK_KEY])?.language,
    asObject(metadata.kernelspec)?.language,
    asObject(metadata.language_info)?.name
  ]
  for (const candidate of candidates) {
    const language = toLanguage(candidate)
    if (language) return language
  }
  return 'python'
}

function toLanguage(value: unknown): NotebookLanguage | undefined {
  if (typeof value !== 'string') return undefined
  const name = value.toLowerCase()
  if (name === 'python' || name === 'python3') return 'python'
  if (name === 'sql' || name === 'scala' || name === 'r') return name
  return undefined
}

/** The cells of an inspected `.ipynb` document. */
export function parseIpynbNotebook(
  text: string,
  file: string,
  language: NotebookLanguage,
  document: IpynbDocument
): Notebook {
  const lines = cellLines(text, document.cells.length)
  const cells: Cell[] = []
  document.cells.forEach((raw, position) => {
    const cell = buildCell(asObject(raw) ?? {}, language, lines[position])
    if (cell) cells.push({ index: cells.length, ...cell })
  })
  return { path: file, format: 'ipynb', language, cells, warnings: [] }
}

function buildCell(
  raw: Json,
  language: NotebookLanguage,
  line: number
): Omit<Cell, 'index'> | undefined {
  const meta = asObject(asObject(raw.metadata)?.[CELL_KEY])
  const lines = joinSource(raw.source).replace(/\r\n/g, '\n').split('\n')
  const { kind, magic, magicArgs, body } = classify(raw, lines, language, meta)
  const source = body.join('\n')
  const title =
    typeof meta?.title === 'string' && meta.title !== ''
      ? meta.title
      : undefined
  if (!magic && !title && source.trim() === '') return undefined
  return {
    kind,
    source,
    ...(magic ? { magic } : {}),
    ...(magicArgs ? { magicArgs } : {}),
    ...(title ? { title } : {}),
    ...(typeof meta?.showTitle === 'boolean'
      ? { showTitle: meta.showTitle }
      : {}),
    line
  }
}

interface Classified {
  readonly kind: CellKind
  readonly magic?: string
  readonly magicArgs?: string
  readonly body: readonly string[]
}

function classify(
  raw: Json,
  lines: readonly string[],
  language: NotebookLanguage,
  meta: Json | undefined
): Classified {
  const split = splitMagic(lines)
  if (raw.cell_type === 'code') {
    return { ...split, kind: split.magic ? kindOfMagic(split.magic) : language }
  }
  if (raw.cell_type !== 'markdown') return { kind: 'other', body: lines }
  // A few exports keep the `%md` line; most drop it and flag sandboxes.
  if (split.magic === '%md' || split.magic === '%md-sandbox') {
    return { ...split, kind: 'markdown' }
  }
  const sandbox = meta?.isMarkdownSandbox === true
  return {
    kind: 'markdown',
    magic: sandbox ? '%md-sandbox' : '%md',
    body: lines
  }
}

/** `source` is a list of lines (each with its `\n`) or, rarely, one string. */
function joinSource(source: unknown): string {
  if (typeof source === 'string') return source
  if (Array.isArray(source)) {
    return source.filter((s) => typeof s === 'string').join('')
  }
  return ''
}

/**
 * The line of each cell's `"cell_type"` key, for annotations. Quotes inside
 * JSON strings are escaped, so the pattern only matches keys; when it does
 * not match exactly once per cell (compact JSON aside, a nested object used
 * the key), every cell points at line 1 rather than at a wrong line.
 */
function cellLines(text: string, count: number): number[] {
  const lines: number[] = []
  let line = 1
  let from = 0
  for (const match of text.matchAll(/"cell_type"\s*:/g)) {
    for (let i = from; i < match.index; i++) if (text[i] === '\n') line++
    from = match.index
    lines.push(line)
  }
  return lines.length === count ? lines : new Array<number>(count).fill(1)
}

function notNotebook(reason: string): NotebookInspection {
  const problem: NotebookProblem = {
    reason,
    advice:
      'export the notebook from Databricks again (File > Export > IPython notebook)'
  }
  return { ok: false, problem }
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined
}
