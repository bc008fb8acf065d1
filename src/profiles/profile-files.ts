import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { errorAt } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import {
  mapLimit,
  readTextFile,
  toPosixRelative,
  UnreadableFileError
} from '../io/index.js'
import { parseProfileFile, profileNameOf } from './parse.js'
import type { ProfileFile } from './parse.js'

/** One profile file's text, or why it could not be read. */
export interface ProfileText {
  readonly file: string
  /** The file's text, or why it could not be read. */
  readonly text: string | Diagnostic
}

const PROFILE_FILE = /\.ya?ml$/
/** How many profile files are read at once. */
const READS = 16

/** Parses each file on first use; two files for one name is an error. */
export function createLookup(
  texts: ReadonlyMap<string, readonly ProfileText[]>
): (name: string) => ProfileFile | undefined {
  const parsed = new Map<string, ProfileFile>()
  return (name) => {
    const known = parsed.get(name)
    if (known) return known
    const candidates = texts.get(name)
    if (!candidates || candidates.length === 0) return undefined
    const [first, ...others] = candidates
    let file: ProfileFile =
      typeof first.text === 'string'
        ? parseProfileFile(first.text, first.file)
        : { name, file: first.file, extends: [], diagnostics: [first.text] }
    if (others.length > 0) {
      const files = candidates.map((c) => c.file).join(' and ')
      const clash = errorAt(
        'duplicate-profile',
        `profile "${name}" is defined twice, by ${files}; keep one`,
        { file: others[0].file, line: 1, column: 1 }
      )
      file = { ...file, diagnostics: [clash, ...file.diagnostics] }
    }
    parsed.set(name, file)
    return file
  }
}

/**
 * The profile files by name. Every entry named `*.yaml` or `*.yml` counts,
 * whatever it is: a folder or a named pipe with a profile's name is a
 * mistake to report, not a file to skip silently or (a pipe) to hang on.
 */
export async function readProfileTexts(
  root: string,
  profilesDir: string,
  withText: boolean
): Promise<Map<string, ProfileText[]>> {
  const dir = path.resolve(root, profilesDir)
  let entries: string[]
  try {
    entries = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => PROFILE_FILE.test(e.name) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return new Map()
    throw error
  }
  const texts = await mapLimit(entries, READS, async (entry) => {
    const absolute = path.join(dir, entry)
    const file = toPosixRelative(root, absolute)
    if (!withText) return { file, text: '' }
    try {
      return { file, text: await readTextFile(absolute, file) }
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error
      const where = error.diagnostics[0].location ?? {
        file,
        line: 1,
        column: 1
      }
      return {
        file,
        text: errorAt(
          error.diagnostics[0].code,
          `profile ${error.message}`,
          where
        )
      }
    }
  })
  const out = new Map<string, ProfileText[]>()
  entries.forEach((entry, i) => {
    const list = out.get(profileNameOf(entry)) ?? []
    list.push(texts[i])
    out.set(profileNameOf(entry), list)
  })
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
