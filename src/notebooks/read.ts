import { tryReadText } from '../io/index.js'
import { MissingNotebookError } from './errors.js'
import { parseNotebook } from './parse.js'
import type { Notebook } from './types.js'

/**
 * Reads and parses the notebook at `absPath`; `displayPath` (relative to the
 * repository) names it in messages and decides its format by extension.
 */
export async function readNotebook(
  absPath: string,
  displayPath: string
): Promise<Notebook> {
  const text = await tryReadText(absPath)
  if (text === undefined) throw new MissingNotebookError(displayPath)
  return parseNotebook(text, displayPath)
}
