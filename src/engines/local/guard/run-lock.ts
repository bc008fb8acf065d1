import { randomBytes } from 'node:crypto'
import {
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  unlink,
  writeFile
} from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'
import { RefusedError } from '../../../diagnostics/index.js'

/**
 * One local run per table root at a time. The protocol:
 *
 * - take: write `{pid, host, runId, startedAt}` to a fresh file and hard-link
 *   it to `<root>/.dtflw.lock`; the link fails when the lock exists, so of
 *   two runs exactly one gets it;
 * - held by a process of this host that is gone (killed): take it over by
 *   renaming the lock aside, checking it is still the dead holder's (a
 *   faster run may have taken it meanwhile: then put it back), and trying
 *   again;
 * - held by a live process, or by another host (it cannot be checked):
 *   wait, polling, up to `waitMs`, then refuse naming the holder (exit 4);
 * - nested roots: a run cleans up and watches everything under its root,
 *   so once it holds its lock it looks for a live lock in every folder
 *   above its root and every folder below it; finding one, it gives its
 *   own back and waits or refuses as above. Each run takes its lock before
 *   it looks, so of two runs starting at once at least one sees the
 *   other;
 * - release: remove the lock if it is still ours.
 */
export const LOCK_FILE = '.dtflw.lock'

/** Who holds a lock. */
export interface LockOwner {
  readonly pid: number
  readonly host: string
  readonly runId: string
  readonly startedAt: string
}

/** A taken lock. */
export interface RunLock {
  readonly file: string
  release(): Promise<void>
}

/** How to take the lock. */
export interface LockOptions {
  readonly runId: string
  /** How long to wait for a live holder; 0 refuses at once. */
  readonly waitMs: number
  readonly now: () => Date
  /** Poll interval while waiting. */
  readonly pollMs?: number
  readonly signal?: AbortSignal
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner
    return typeof owner.pid === 'number' ? owner : undefined
  } catch {
    return undefined
  }
}

/** True when the holder is a process of this host that no longer runs. */
export function isStale(owner: LockOwner | undefined, host: string): boolean {
  if (!owner) return true
  return owner.host === host && !alive(owner.pid)
}

async function tryCreate(file: string, owner: LockOwner): Promise<boolean> {
  const temp = `${file}.${randomBytes(6).toString('hex')}`
  await writeFile(temp, JSON.stringify(owner))
  try {
    await link(temp, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

/** Moves a dead holder's lock away; puts back a lock that is not the dead one's. */
async function takeOver(
  file: string,
  dead: LockOwner | undefined
): Promise<void> {
  const aside = `${file}.stale-${randomBytes(6).toString('hex')}`
  try {
    await rename(file, aside)
  } catch {
    return
  }
  const moved = await readOwner(aside)
  if (dead && moved && JSON.stringify(moved) !== JSON.stringify(dead)) {
    await link(aside, file).catch(() => undefined)
  }
  await unlink(aside).catch(() => undefined)
}

/** A live holder of a lock above `dir` or below it, if any. */
async function findOverlap(
  dir: string,
  host: string
): Promise<{ dir: string; owner: LockOwner | undefined } | undefined> {
  const live = async (at: string) => {
    const file = path.join(at, LOCK_FILE)
    const owner = await readOwner(file)
    if (!owner) {
      const there = await readFile(file).then(
        () => true,
        () => false
      )
      // An unreadable lock is being written: treat it as held.
      return there ? { dir: at, owner } : undefined
    }
    return isStale(owner, host) ? undefined : { dir: at, owner }
  }
  for (let at = path.dirname(dir); ; at = path.dirname(at)) {
    const found = await live(at)
    if (found) return found
    if (path.dirname(at) === at) break
  }
  for (const folder of await foldersBelow(dir)) {
    const found = await live(folder)
    if (found) return found
  }
  return undefined
}

/** Folders under `dir` that hold a lock file, not entering `SKIPPED` ones. */
async function foldersBelow(dir: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (at: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (!entry.isDirectory() || SKIPPED.test(entry.name)) continue
      const folder = path.join(at, entry.name)
      await walk(folder)
    }
    if (at !== dir && entries.some((e) => e.name === LOCK_FILE)) {
      found.push(at)
    }
  }
  await walk(dir)
  return found
}

/** Folders no table root lies in: version control, packages, staging. */
const SKIPPED = /^(\.git|node_modules|\.dtflw-staging-.*)$/

function describe(owner: LockOwner | undefined): string {
  return owner
    ? `run ${owner.runId} (pid ${owner.pid} on ${owner.host}, since ${owner.startedAt})`
    : 'another run'
}

/** Takes the lock of the table root `dir`, waiting or refusing as above. */
export async function acquireRunLock(
  dir: string,
  options: LockOptions
): Promise<RunLock> {
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, LOCK_FILE)
  const host = hostname()
  const mine: LockOwner = {
    pid: process.pid,
    host,
    runId: options.runId,
    startedAt: options.now().toISOString()
  }
  const deadline = Date.now() + options.waitMs
  const release = async (): Promise<void> => {
    const holder = await readOwner(file)
    if (holder && JSON.stringify(holder) === JSON.stringify(mine)) {
      await unlink(file).catch(() => undefined)
    }
  }
  for (;;) {
    let refusal: string
    let lockFile = file
    let holder: LockOwner | undefined
    if (await tryCreate(file, mine)) {
      const overlap = await findOverlap(dir, host)
      if (!overlap) break
      await release()
      holder = overlap.owner
      lockFile = path.join(overlap.dir, LOCK_FILE)
      refusal = `the tables under ${dir} and under ${overlap.dir} hold one another, and those are in use by ${describe(holder)}: runs whose table roots nest cannot run at once. Wait for it to finish, or run again with --wait <seconds>.`
    } else {
      holder = await readOwner(file)
      if (isStale(holder, host)) {
        await takeOver(file, holder)
        continue
      }
      refusal = `the tables under ${dir} are in use by ${describe(holder)}: one run per profile at a time. Wait for it to finish, or run again with --wait <seconds>.`
    }
    if (Date.now() >= deadline || options.signal?.aborted) {
      throw new RefusedError(
        `${refusal}${holder && holder.host !== host ? ` If that run is gone, remove ${lockFile}.` : ''}`
      )
    }
    // Jittered, so two runs that backed off from each other do not meet again.
    const poll = (options.pollMs ?? 200) * (0.5 + Math.random())
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(poll, Math.max(0, deadline - Date.now())))
    )
  }
  return { file, release }
}
