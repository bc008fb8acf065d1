import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { glob, lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import { isGlob } from '../tables/index.js'

/**
 * What identifies a file's version cheaply: device, inode, size, and the
 * modification and change times. A process can set the modification time
 * back, never the change time, so any write shows, except one within the
 * file system's clock tick of the last change: for a file that changed
 * that recently, `hash` holds its content's digest until the tick has
 * passed and the content has been checked once (`settleHashes`).
 */
export interface FileState {
  readonly id: string
  readonly ctimeMs: number
  readonly hash?: string
}

/** A place the run watches: a file, a folder's files, or a glob's matches. */
export interface WatchPlace {
  /** Absolute path, file, folder or glob. */
  readonly path: string
  /** How messages name it: `table "t"`, `source "raw"`. */
  readonly name: string
  readonly kind: 'table' | 'source'
}

/** Where a watched file belongs, for messages. */
export interface WatchedFile {
  readonly file: string
  /** The table or source it belongs to; undefined for another file of the table root. */
  readonly place?: WatchPlace
}

/**
 * A file system's timestamps may advance in ticks (a jiffy, up to 10 ms);
 * a file that changed less than this before it was recorded is hashed.
 */
export const FRESH_MS = 100

/** Names the scan never enters or lists: the engine's own live files. */
export function isEngineFile(name: string): boolean {
  return (
    name.startsWith('.dtflw-staging-') ||
    name.startsWith('.dtflw.lock') ||
    name.startsWith('.dtflw-restore-')
  )
}

function stateOf(info: import('node:fs').BigIntStats): FileState {
  return {
    id: `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`,
    ctimeMs: Number(info.ctimeNs / 1_000_000n)
  }
}

/** The state of one file; undefined when absent or not a file. */
export async function readState(file: string): Promise<FileState | undefined> {
  const info = await lstat(file, { bigint: true }).catch(() => undefined)
  if (!info || info.isDirectory()) return undefined
  return stateOf(info)
}

/** The SHA-256 of a file's content. */
export function hashContent(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
  })
}

/**
 * Every file under `dir` (not following links), skipping the engine's own
 * live files and folders and the `skip`ped ones.
 */
export async function listFiles(
  dir: string,
  skip: (p: string) => boolean = () => false
): Promise<string[]> {
  const files: string[] = []
  const walk = async (at: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true }).catch(() => [])
    await Promise.all(
      entries.map(async (entry) => {
        const full = path.join(at, entry.name)
        if (isEngineFile(entry.name) || skip(full)) return
        if (entry.isDirectory()) await walk(full)
        else files.push(full)
      })
    )
  }
  const info = await lstat(dir).catch(() => undefined)
  if (!info) return files
  if (!info.isDirectory()) return isEngineFile(path.basename(dir)) ? [] : [dir]
  await walk(dir)
  return files
}

/** The files a place holds now: the file, a folder's files, a glob's matches. */
export async function filesOf(
  place: string,
  skip?: (p: string) => boolean
): Promise<string[]> {
  if (!isGlob(place)) return listFiles(place, skip)
  const matches: string[] = []
  for await (const match of glob(place)) {
    if (skip?.(match)) continue
    matches.push(...(await listFiles(match, skip)))
  }
  return matches
}

/** One file whose state differs from the record. */
export interface FileChange {
  readonly file: string
  readonly how: 'changed' | 'removed' | 'added'
}

/** The files of `before` and `after` that differ, sorted by path. */
export function planChanges(
  before: ReadonlyMap<string, FileState>,
  after: ReadonlyMap<string, FileState>
): FileChange[] {
  const changes: FileChange[] = []
  for (const [file, state] of before) {
    const now = after.get(file)
    if (!now) changes.push({ file, how: 'removed' })
    else if (now.id !== state.id) changes.push({ file, how: 'changed' })
  }
  for (const file of after.keys()) {
    if (!before.has(file)) changes.push({ file, how: 'added' })
  }
  return changes.sort((a, b) => a.file.localeCompare(b.file))
}

/**
 * Files recorded with a digest whose tick has passed (`nowMs`): their
 * content is read once more and compared, then the digest is dropped,
 * since any later write shows in the change time. Returns the files whose
 * content differs; `record` loses the settled digests.
 */
export async function settleHashes(
  record: Map<string, FileState>,
  nowMs: number
): Promise<string[]> {
  const differ: string[] = []
  await Promise.all(
    [...record].map(async ([file, state]) => {
      if (state.hash === undefined || nowMs < state.ctimeMs + FRESH_MS) return
      const now = await hashContent(file).catch(() => undefined)
      if (now !== state.hash) differ.push(file)
      else record.set(file, { id: state.id, ctimeMs: state.ctimeMs })
    })
  )
  return differ.sort()
}
