import { access, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

/** True when the path exists (file or folder). */
export async function pathExists(p: string): Promise<boolean> {
  try {
    await access(p)
    return true
  } catch {
    return false
  }
}

/** True when the path is a folder. */
export async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory()
  } catch {
    return false
  }
}

/** The file's text, or `undefined` when it does not exist. */
export async function tryReadText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** A path relative to `root`, with forward slashes, for messages and keys. */
export function toPosixRelative(root: string, p: string): string {
  const relative = path.relative(root, p) || '.'
  return relative.split(path.sep).join('/')
}
