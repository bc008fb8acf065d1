import { lstatSync, realpathSync, statSync } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import path from 'node:path'
import {
  problemOfError,
  problemOfKind,
  readTextFile,
  UnreadableFileError,
  type FileProblem
} from './read-text.js'

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

/**
 * The file's text, or `undefined` when it does not exist. Anything else
 * that keeps it from being read (a folder, a pipe, invalid UTF-8) throws
 * `UnreadableFileError`, as `readTextFile` does.
 */
export async function tryReadText(file: string): Promise<string | undefined> {
  try {
    return await readTextFile(file)
  } catch (error) {
    if (
      error instanceof UnreadableFileError &&
      error.problem.code === 'missing'
    )
      return undefined
    throw error
  }
}

/**
 * Why `file` is not a regular file inside `root`, or `undefined` when it is
 * one. Nothing is opened: a named pipe is judged by `lstat` alone. A
 * symbolic link may point anywhere inside `root` (the real folder, links
 * resolved), never outside it, since what runs is then not what the
 * repository holds. Synchronous for the reason `readTextFileSync` gives:
 * one `lstat` of a local file is far cheaper than a thread-pool round trip.
 */
export function checkRegularFileInside(
  root: string,
  file: string
): FileProblem | undefined {
  let info
  try {
    info = lstatSync(file)
  } catch (error) {
    return problemOfError(error)
  }
  if (!info.isSymbolicLink()) return problemOfKind(info)
  try {
    info = statSync(file)
  } catch (error) {
    const problem = problemOfError(error)
    return problem.code === 'missing'
      ? {
          code: 'missing',
          reason: 'is a symbolic link to a file that does not exist'
        }
      : problem
  }
  const kind = problemOfKind(info)
  if (kind) return kind
  const relative = path.relative(realpathSync(root), realpathSync(file))
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return {
      code: 'outside',
      reason:
        'is a symbolic link to a file outside the repository; copy the file into the repository instead'
    }
  }
  return undefined
}

/** A path relative to `root`, with forward slashes, for messages and keys. */
export function toPosixRelative(root: string, p: string): string {
  const relative = path.relative(root, p) || '.'
  return relative.split(path.sep).join('/')
}
