import { readFile } from 'node:fs/promises'
import { dataDiffNotebookPath } from '../../diff/index.js'
import { sha256 } from '../../io/index.js'
import type { DeployFile } from './deploy-files.js'
import { DIFF_NOTEBOOK_PATH } from './diff-task.js'

/**
 * The data diff notebook as a preview's deploy uploads it: dtflw's own
 * file (beside the installed code, or the bundle), deployed and skipped
 * by content hash like the repository's notebooks.
 */
export async function readDiffNotebook(): Promise<DeployFile> {
  const content = await readFile(dataDiffNotebookPath())
  return {
    repoPath: DIFF_NOTEBOOK_PATH,
    format: 'SOURCE',
    language: 'PYTHON',
    content,
    hash: sha256(content)
  }
}
