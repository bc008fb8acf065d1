import { randomUUID } from 'node:crypto'
import { RefusedError } from '../../diagnostics/index.js'
import { parseJsonRecord } from '../../io/index.js'

/*
 * The deploy lock, so two deploys to one root never interleave and a killed
 * CI job does not block the next one forever (cli#2381):
 *
 * 1. Acquire: create `<root>/.dtflw/deploy.lock` without overwrite, holding
 *    a fresh id, the owner, and an expiry. The import without overwrite is
 *    atomic on the workspace: whoever created it holds the lock.
 * 2. If it exists and has not expired, refuse (exit 4) naming the holder
 *    and when it expires. If it expired (its owner was killed), delete it
 *    and create ours once more; a second "exists" means another deploy took
 *    it over first, and that one is named.
 * 3. Release: before the expiry nobody can have taken it over, so delete
 *    it; after, read it back and delete it only if the id is still ours.
 *
 * A deploy that changes nothing takes no lock at all.
 */

/** What the lock file says. */
export interface LockRecord {
  readonly id: string
  /** Who holds it: the Databricks identity and, in CI, the workflow run. */
  readonly owner: string
  readonly acquiredAt: string
  readonly expiresAt: string
}

/** The workspace file the lock lives in. */
export interface LockStore {
  /** Creates the file unless it exists. */
  create(content: string): Promise<'created' | 'exists'>
  read(): Promise<string | undefined>
  remove(): Promise<void>
}

/** A lock this deploy holds. */
export interface HeldLock {
  readonly record: LockRecord
  release(): Promise<void>
}

/** How long a lock lives unless released: longer than any deploy. */
export const DEFAULT_LOCK_TTL_MS = 15 * 60_000

function parseLock(text: string | undefined): LockRecord | undefined {
  return parseJsonRecord<LockRecord>(text, ['id', 'owner', 'expiresAt'])
}

/** Refused while another deploy holds the lock. */
export class DeployLockedError extends RefusedError {
  constructor(
    readonly where: string,
    readonly holder: LockRecord
  ) {
    super(
      `another deploy to ${where} holds its lock: ${holder.owner}, since ${holder.acquiredAt}; wait for it to finish (the lock expires at ${holder.expiresAt} if its deploy was killed), then deploy again.`
    )
    this.name = 'DeployLockedError'
  }
}

/** Takes the deploy lock of a root, or refuses naming who holds it. */
export async function acquireDeployLock(
  store: LockStore,
  options: {
    readonly where: string
    readonly owner: string
    readonly now: () => Date
    readonly ttlMs?: number
  }
): Promise<HeldLock> {
  const fresh = (): LockRecord => {
    const at = options.now()
    return {
      id: randomUUID(),
      owner: options.owner,
      acquiredAt: at.toISOString(),
      expiresAt: new Date(
        at.getTime() + (options.ttlMs ?? DEFAULT_LOCK_TTL_MS)
      ).toISOString()
    }
  }
  const attempt = async (): Promise<HeldLock | LockRecord | undefined> => {
    const record = fresh()
    if ((await store.create(JSON.stringify(record))) === 'created') {
      return held(store, record, options.now)
    }
    return parseLock(await store.read())
  }
  let outcome = await attempt()
  if (outcome && 'release' in outcome) return outcome
  const holder = outcome
  const expired =
    !holder || Date.parse(holder.expiresAt) <= options.now().getTime()
  if (!expired) throw new DeployLockedError(options.where, holder)
  // Expired or unreadable: its owner is gone. Take it over once.
  await store.remove()
  outcome = await attempt()
  if (outcome && 'release' in outcome) return outcome
  throw new DeployLockedError(
    options.where,
    outcome ?? {
      id: '',
      owner: 'another deploy',
      acquiredAt: options.now().toISOString(),
      expiresAt: options.now().toISOString()
    }
  )
}

function held(store: LockStore, record: LockRecord, now: () => Date): HeldLock {
  return {
    record,
    async release() {
      if (now().getTime() < Date.parse(record.expiresAt)) {
        await store.remove()
        return
      }
      const there = parseLock(await store.read())
      if (there?.id === record.id) await store.remove()
    }
  }
}
