import { readTextFile, UnreadableFileError } from '../io/index.js'
import { MissingNotebookError, UnreadableNotebookError } from './errors.js'
import { parseNotebook } from './parse.js'
import type { Notebook } from './types.js'

/**
 * Reads and parses the notebook at `absPath`; `displayPath` (relative to the
 * repository) names it in messages and decides its format by extension.
 * A folder, a named pipe or a device is refused without being opened, and
 * text that is not UTF-8 is refused at its first bad byte.
 */
export async function readNotebook(
  absPath: string,
  displayPath: string
): Promise<Notebook> {
  let text: string
  try {
    text = await readTextFile(absPath, displayPath)
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
    if (error.problem.code === 'missing')
      throw new MissingNotebookError(displayPath)
    throw new UnreadableNotebookError(displayPath, error)
  }
  return parseNotebook(text, displayPath)
}
