import { glob, lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import { isGlob } from './tables.js'

/** A table of the plan as a local path. */
export interface WatchedTable {
  readonly table: string
  readonly path: string
}

/**
 * The state of a table location: size, change time and inode of every file
 * (a folder's files recursively, a glob's matches), `-` when absent.
 * `ctime` cannot be set back by a process, so a rewrite that restores the
 * size and modification time still shows.
 */
export async function fingerprint(p: string): Promise<string> {
  if (isGlob(p)) {
    const matches: string[] = []
    for await (const match of glob(p)) matches.push(match)
    const parts = await Promise.all(matches.sort().map(fingerprint))
    return matches.map((m, i) => `${m}=${parts[i]}`).join(';')
  }
  const info = await lstat(p, { bigint: true }).catch(() => undefined)
  if (!info) return '-'
  if (!info.isDirectory()) {
    return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`
  }
  const entries = await readdir(p, { recursive: true }).catch(() => [])
  const sorted = entries.sort()
  const parts = await Promise.all(
    sorted.map(async (entry) => {
      const e = await lstat(path.join(p, entry), { bigint: true }).catch(
        () => undefined
      )
      return e && !e.isDirectory()
        ? `${entry}=${e.size}:${e.mtimeNs}:${e.ctimeNs}:${e.ino}`
        : ''
    })
  )
  return parts.filter(Boolean).join(';')
}

/**
 * Notices table locations changed behind the engine's back. It records
 * each table's state at the start of the run and after every promotion
 * (the engine's own writes); `changed` compares the present with that
 * record. Callers serialise `changed` and promotions (`exclusive`), so a
 * promotion never shows as a change halfway.
 */
export interface TableWatch {
  /** Tables, other than `allowed` paths, whose state differs from the record. */
  changed(allowed: ReadonlySet<string>): Promise<WatchedTable[]>
  /** Records the present state of these paths (after a promotion). */
  record(paths: readonly string[]): Promise<void>
  /** Runs `fn` alone among the run's checks and promotions. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>
}

/** A watch over these tables, their state read now. */
export async function createTableWatch(
  tables: readonly WatchedTable[]
): Promise<TableWatch> {
  const byPath = new Map<string, WatchedTable>()
  for (const t of tables) if (!byPath.has(t.path)) byPath.set(t.path, t)
  const known = new Map<string, string>()
  await Promise.all(
    [...byPath.keys()].map(async (p) => known.set(p, await fingerprint(p)))
  )
  let queue: Promise<unknown> = Promise.resolve()
  return {
    async changed(allowed) {
      const checked = [...byPath.values()].filter((t) => !allowed.has(t.path))
      const now = await Promise.all(checked.map((t) => fingerprint(t.path)))
      return checked.filter((t, i) => now[i] !== known.get(t.path))
    },
    async record(paths) {
      await Promise.all(
        paths
          .filter((p) => byPath.has(p))
          .map(async (p) => known.set(p, await fingerprint(p)))
      )
    },
    exclusive(fn) {
      const run = queue.then(fn, fn)
      queue = run.catch(() => undefined)
      return run
    }
  }
}
