import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The file name of the Databricks data diff notebook. */
export const DATA_DIFF_NOTEBOOK = 'dtflw_data_diff.py'

/**
 * Where the Databricks data diff notebook is on this machine: `python/`
 * beside this module in the sources and in `lib/`; in a bundle, where
 * this module is part of a chunk, `python/` beside the chunk (the build
 * copies it there), or `chunks/python/` beside an entry that inlined it.
 */
export function dataDiffNotebookPath(): string {
  const candidates = ['./python/', './chunks/python/'].map((folder) =>
    fileURLToPath(new URL(`${folder}${DATA_DIFF_NOTEBOOK}`, import.meta.url))
  )
  const found = candidates.find((file) => existsSync(file))
  if (found === undefined)
    throw new Error(
      `the data diff notebook of dtflw is missing (${candidates[0]}); reinstall dtflw.`
    )
  return found
}
