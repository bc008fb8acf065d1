import { inspectNotebook } from './detect.js'
import { NotANotebookError } from './errors.js'
import { parseIpynbNotebook } from './ipynb.js'
import { parseSourceNotebook } from './source-format.js'
import type { Notebook } from './types.js'

/**
 * Reads a notebook's text into cells. `file` is the repository-relative path:
 * its extension picks the format, and messages name it. Throws
 * `NotANotebookError` when the file is not a Databricks notebook.
 */
export function parseNotebook(text: string, file: string): Notebook {
  const inspection = inspectNotebook(text, file)
  if (!inspection.ok) throw new NotANotebookError(file, inspection.problem)
  if (inspection.format === 'ipynb') {
    return parseIpynbNotebook(
      text,
      file,
      inspection.language,
      inspection.document
    )
  }
  return parseSourceNotebook(text, file, inspection.language, inspection.leader)
}
