import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** A sibling temporary name: same folder, so the rename is atomic. */
export function temporarySibling(target: string): string {
  const dir = path.dirname(target)
  const base = path.basename(target)
  return path.join(dir, `.${base}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Writes a file so that readers see either the old content or the new one,
 * never half of it: write a temporary sibling, then rename over the target.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array
): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true })
  const temporary = temporarySibling(target)
  try {
    await writeFile(temporary, content)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
