import path from 'node:path'

/** The file extensions of notebooks in a repository, in the order a `%run` without one is looked up. */
const NOTEBOOK_EXTENSIONS = ['.py', '.sql', '.scala', '.r', '.ipynb'] as const

/** The extensions as a message says them: `.py, .sql, .scala, .r or .ipynb`. */
export const NOTEBOOK_EXTENSIONS_TEXT = `${NOTEBOOK_EXTENSIONS.slice(0, -1).join(', ')} or ${NOTEBOOK_EXTENSIONS.at(-1)}`

/** Whether a path ends in a notebook extension, in any case (`X.R` is one). */
export function hasNotebookExtension(file: string): boolean {
  const lower = file.toLowerCase()
  return NOTEBOOK_EXTENSIONS.some((ext) => lower.endsWith(ext))
}

/**
 * A path without its notebook extension, as Databricks names a notebook
 * (`notebooks/import_data.py` → `notebooks/import_data`); any other path
 * as it is.
 */
export function withoutNotebookExtension(file: string): string {
  const lower = file.toLowerCase()
  const ext = NOTEBOOK_EXTENSIONS.find((e) => lower.endsWith(e))
  return ext ? file.slice(0, -ext.length) : file
}

/**
 * The files a `%run` target may be, in lookup order: `%run ./setup` names
 * `setup` without its extension, so each notebook extension is tried; a
 * target written with an extension is that file only.
 */
export function runTargetCandidates(resolved: string): string[] {
  return path.posix.extname(resolved)
    ? [resolved]
    : NOTEBOOK_EXTENSIONS.map((ext) => `${resolved}${ext}`)
}
