import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, lstat, mkdir, rename, rm, unlink } from 'node:fs/promises'
import path from 'node:path'
import { readState } from './file-states.js'
import type { FileState } from './file-states.js'

/**
 * Copies of the files a run watches, taken before a step that the engine
 * cannot hold (a Python step in sandbox `standard`) could change them, so
 * a change it makes can be undone. A copy is a copy-on-write clone where
 * the file system offers one (APFS, Btrfs, XFS), else a plain copy: a hard
 * link would share the bytes a write in place changes. Each copy's own
 * state is recorded, so a copy that was changed too is never put back.
 */
export interface Vault {
  /** Keeps a copy of `from` (default: `file` itself) as the version of `file`. */
  keep(file: string, from?: string): Promise<void>
  /** Forgets the copy of `file` (the file is gone for good). */
  drop(file: string): Promise<void>
  /**
   * Puts the kept version of `file` back in place, the present one moved
   * into `aside`. False when no intact copy is kept.
   */
  restore(file: string): Promise<boolean>
  /** Moves a file that should not be there into `aside`. */
  setAside(file: string): Promise<void>
  /** Removes every copy. */
  close(): Promise<void>
}

/** Clones `from` to `to`, or copies it where the file system cannot clone. */
export async function cloneFile(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true })
  await copyFile(from, to, constants.COPYFILE_FICLONE)
}

/**
 * A vault in `dir` (private to the run); files moved out of the way go to
 * `aside` (the run folder's `changed/`), so nothing a step wrote is lost.
 */
export function createVault(dir: string, aside: string): Vault {
  const copies = new Map<string, { copy: string; state: FileState }>()
  let count = 0
  const moveAside = async (file: string): Promise<void> => {
    const info = await lstat(file).catch(() => undefined)
    if (!info) return
    await mkdir(aside, { recursive: true })
    const to = path.join(aside, `${++count}-${path.basename(file)}`)
    try {
      await rename(file, to)
    } catch {
      await rm(file, { recursive: true, force: true })
    }
  }
  return {
    async keep(file, from = file) {
      const copy = path.join(dir, `${++count}-${path.basename(file)}`)
      await cloneFile(from, copy)
      const state = await readState(copy)
      const previous = copies.get(file)
      if (state) copies.set(file, { copy, state })
      if (previous) await unlink(previous.copy).catch(() => undefined)
    },
    async drop(file) {
      const previous = copies.get(file)
      copies.delete(file)
      if (previous) await unlink(previous.copy).catch(() => undefined)
    },
    async restore(file) {
      const kept = copies.get(file)
      if (!kept || (await readState(kept.copy))?.id !== kept.state.id) {
        return false
      }
      const temp = path.join(
        path.dirname(file),
        `.dtflw-restore-${randomBytes(6).toString('hex')}`
      )
      await mkdir(path.dirname(file), { recursive: true })
      await copyFile(kept.copy, temp, constants.COPYFILE_FICLONE)
      const there = await lstat(file).catch(() => undefined)
      if (there?.isDirectory()) await moveAside(file)
      else if (there) {
        await mkdir(aside, { recursive: true })
        await rename(
          file,
          path.join(aside, `${++count}-${path.basename(file)}`)
        ).catch(() => undefined)
      }
      await rename(temp, file)
      return true
    },
    setAside: moveAside,
    async close() {
      copies.clear()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
