import path from 'node:path'
import { NOTEBOOK_EXTENSIONS_TEXT } from './extensions.js'
import { inspectIpynb, type IpynbDocument } from './ipynb.js'
import type { NotebookLanguage } from './types.js'

/**
 * Detection follows databricks/cli `libs/notebook/detect.go`: the extension
 * picks the header the first line must equal (`.py`/`.r` → `#`, `.scala` →
 * `//`, `.sql` → `--`), and anything else is a plain file. We go beyond the
 * CLI in three places, all seen in Databricks' own exports: a UTF-8 BOM, a
 * CRLF line end, and the 2016 `… source exported at <date>` suffix.
 */

/** Why a file is not a notebook, in words for the error message. */
export interface NotebookProblem {
  /** What is wrong, e.g. `line 1 is "CREATE TABLE t"`. */
  readonly reason: string
  /** What to do about it, as an imperative clause. */
  readonly advice: string
  /** The header line the extension asks for, if any. */
  readonly expectedHeader?: string
}

/** The result of looking at a file: which kind of notebook, or why not one. */
export type NotebookInspection =
  | {
      readonly ok: true
      readonly format: 'source'
      readonly language: NotebookLanguage
      /** The comment leader of header, separators and MAGIC lines. */
      readonly leader: string
    }
  | {
      readonly ok: true
      readonly format: 'ipynb'
      readonly language: NotebookLanguage
      readonly document: IpynbDocument
    }
  | { readonly ok: false; readonly problem: NotebookProblem }

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, NotebookLanguage>> = {
  '.py': 'python',
  '.r': 'r',
  '.sql': 'sql',
  '.scala': 'scala'
}

const LEADER: Readonly<Record<NotebookLanguage, string>> = {
  python: '#',
  r: '#',
  sql: '--',
  scala: '//'
}

const EXPORTED_AT = ' exported at '
const BOM = '\uFEFF'

/** The exact first line of a source-format notebook in this language. */
function notebookHeader(language: NotebookLanguage): string {
  return `${LEADER[language]} Databricks notebook source`
}

/** The notebook's language, or `undefined` when the file is not a notebook. */
export function detectNotebook(
  text: string,
  file: string
): NotebookLanguage | undefined {
  const inspection = inspectNotebook(text, file)
  return inspection.ok ? inspection.language : undefined
}

/** Decides whether `text` (the content of `file`) is a notebook, and which. */
export function inspectNotebook(
  text: string,
  file: string
): NotebookInspection {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.ipynb') return inspectIpynb(stripBom(text))
  const language = LANGUAGE_BY_EXTENSION[extension]
  const line = firstLine(text)
  if (!language) return { ok: false, problem: unsupportedExtension(file, line) }
  const header = notebookHeader(language)
  if (line === header || line.startsWith(header + EXPORTED_AT)) {
    return { ok: true, format: 'source', language, leader: LEADER[language] }
  }
  return { ok: false, problem: wrongHeader(text, file, language, line) }
}

/** The text without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text
}

function firstLine(text: string): string {
  const body = stripBom(text)
  const end = body.indexOf('\n')
  const line = end === -1 ? body : body.slice(0, end)
  return line.endsWith('\r') ? line.slice(0, -1) : line
}

function unsupportedExtension(file: string, line: string): NotebookProblem {
  const extension = path.extname(file)
  const reason = extension
    ? `its extension "${extension}" is not one of ${NOTEBOOK_EXTENSIONS_TEXT}`
    : `it has no extension, and a notebook file ends in ${NOTEBOOK_EXTENSIONS_TEXT}`
  const owner = headerOwner(line)
  const advice = owner
    ? `line 1 is the header of ${owner.label}, so rename it to ${owner.rename(file)}`
    : 'rename it with the extension of its language'
  return { reason, advice }
}

function wrongHeader(
  text: string,
  file: string,
  language: NotebookLanguage,
  line: string
): NotebookProblem {
  const header = notebookHeader(language)
  const extension = path.extname(file).toLowerCase()
  const expected = `a ${extension} notebook starts with the line "${header}"`
  const problem = (reason: string, advice: string): NotebookProblem => ({
    reason: `${expected}, but ${reason}`,
    advice,
    expectedHeader: header
  })
  const addHeader = `add "${header}" as line 1, or export the notebook from Databricks in source format`
  if (stripBom(text).trim() === '') {
    return problem('the file is empty', addHeader)
  }
  if (line.startsWith('# Fabric notebook source')) {
    return problem(
      `line 1 is "${line}", the header of a Microsoft Fabric notebook`,
      'dtflw runs Databricks notebooks; export this one from a Databricks workspace in source format'
    )
  }
  const owner = headerOwner(line)
  if (owner && owner.leader !== LEADER[language]) {
    return problem(
      `line 1 is the header of ${owner.label}`,
      `rename the file to ${owner.rename(file)}, or fix line 1`
    )
  }
  if (line.startsWith(header)) {
    return problem(
      `line 1 is "${shorten(line)}", with text after the header`,
      'remove the text after the header'
    )
  }
  const separator = `${LEADER[language]} COMMAND ----------`
  if (text.split(/\r?\n/).includes(separator)) {
    return problem(
      `line 1 is ${quoteLine(line)}: the file has "${separator}" separators but no header`,
      addHeader
    )
  }
  return problem(`line 1 is ${quoteLine(line)}`, addHeader)
}

interface HeaderOwner {
  readonly leader: string
  readonly label: string
  readonly rename: (file: string) => string
}

const HEADER_OWNERS: readonly HeaderOwner[] = [
  {
    leader: '#',
    label: 'a Python or R notebook',
    rename: (file) => `${stem(file)}.py (or ${stem(file)}.r for R)`
  },
  { leader: '--', label: 'a SQL notebook', rename: (f) => `${stem(f)}.sql` },
  { leader: '//', label: 'a Scala notebook', rename: (f) => `${stem(f)}.scala` }
]

/** Whose header `line` is, judged by its comment leader alone. */
function headerOwner(line: string): HeaderOwner | undefined {
  return HEADER_OWNERS.find(({ leader }) => {
    const header = `${leader} Databricks notebook source`
    return line === header || line.startsWith(header + EXPORTED_AT)
  })
}

function stem(file: string): string {
  return path.basename(file, path.extname(file))
}

function quoteLine(line: string): string {
  return line === '' ? 'empty' : `"${shorten(line)}"`
}

function shorten(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line
}
