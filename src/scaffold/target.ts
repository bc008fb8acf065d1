import { readdir } from 'node:fs/promises'
import { UsageError } from '../diagnostics/index.js'

/** Entries a fresh clone of an empty repository has, which do not count. */
const IGNORED = new Set(['.git'])

/**
 * What a target folder holds that scaffolding could overwrite: nothing when
 * it is missing or empty (a `.git` alone counts as empty, as in create-vite).
 */
export async function tryListTarget(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir)
    return entries.filter((e) => !IGNORED.has(e)).sort()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return []
    if (code === 'ENOTDIR') return ['(a file)']
    throw error
  }
}

/**
 * Refuses (exit 2, before anything is written) a target folder that is not
 * empty, unless `force`.
 * @param dir Absolute path.
 * @param shown The folder as the user named it.
 */
export async function checkTarget(
  dir: string,
  shown: string,
  force: boolean
): Promise<void> {
  if (force) return
  const entries = await tryListTarget(dir)
  if (entries.length === 0) return
  const listed =
    entries.slice(0, 3).join(', ') +
    (entries.length > 3 ? `, … (${entries.length} entries)` : '')
  throw new UsageError(
    `folder ${shown} is not empty (it has ${listed}); choose a new folder, empty this one, or pass --force to write into it.`
  )
}
