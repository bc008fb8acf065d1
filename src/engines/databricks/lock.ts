import { randomUUID } from 'node:crypto'
import { RefusedError } from '../../diagnostics/index.js'
import { parseJsonRecord } from '../../io/index.js'

/*
 * The deploy lock, so two deploys to one root never interleave and a killed
 * CI job does not block the next one for long (cli#2381):
 *
 * 1. Acquire: create `<root>/.dtflw/deploy.lock` without overwrite, holding
 *    a fresh id, the holder, and an expiry. The import without overwrite is
 *    atomic on the workspace: whoever created it holds the lock. When the
 *    answer to the create is lost, the file is read back: our id there
 *    means the create went through.
 * 2. If another holder's lock is there, it is taken over (deleted, and ours
 *    created once more) when it expired (its owner was killed), when it is
 *    an earlier attempt of the same CI run (a rerun: that attempt is over),
 *    or when the user forces it (`--force-lock`, as `bundle deploy
 *    --force-lock`); otherwise the deploy is refused (exit 4) with the
 *    lock's path, holder, age, expiry and the command that breaks it. A
 *    second "exists" after a takeover means another deploy took it first.
 * 3. Release: read it back and delete it only if the id is still ours (a
 *    forced takeover may have replaced it). Release never uses the
 *    deploy's abort signal: it must run after Ctrl-C and SIGTERM too. A
 *    deploy interrupted while its create was on the way reads back too,
 *    and removes the lock if the create went through.
 *
 * A deploy that changes nothing takes no lock at all.
 */

/** Who deploys: a person or a CI run. */
export interface LockHolder {
  /** For people: the identity and, in CI, the workflow run. */
  readonly owner: string
  /** The CI run (`<repository> run <id>`), so its rerun may take the lock over. */
  readonly ciRun?: string
  /** The run's attempt (`GITHUB_RUN_ATTEMPT`). */
  readonly attempt?: number
}

/** What the lock file says. */
export interface LockRecord extends LockHolder {
  readonly id: string
  readonly acquiredAt: string
  readonly expiresAt: string
  /** Set when this lock replaced another: why. */
  readonly tookOver?: LockTakeover
}

/** Why a lock replaced another one. */
export type LockTakeover = 'expired' | 'forced' | 'rerun' | 'unreadable'

/** The answer of `LockStore.create`. */
export type CreateOutcome = 'created' | 'exists' | 'unknown'

/** The workspace file the lock lives in. */
export interface LockStore {
  /** Where it is, for messages. */
  readonly path: string
  /**
   * Creates the file unless it exists; `unknown` when the answer was lost
   * (the file may or may not have been created).
   */
  create(content: string, signal?: AbortSignal): Promise<CreateOutcome>
  read(signal?: AbortSignal): Promise<string | undefined>
  remove(signal?: AbortSignal): Promise<void>
}

/** A lock this deploy holds. */
export interface HeldLock {
  /** The lock file. */
  readonly path: string
  readonly record: LockRecord
  /** The lock it replaced, when it took one over. */
  readonly replaced?: LockRecord
  /**
   * Deletes the lock if it is still ours. Give it a signal of its own,
   * never the deploy's: it runs after an interruption too.
   */
  release(signal?: AbortSignal): Promise<void>
}

/** How long a lock lives unless released: longer than any deploy. */
export const DEFAULT_LOCK_TTL_MS = 15 * 60_000

function parseLock(text: string | undefined): LockRecord | undefined {
  return parseJsonRecord<LockRecord>(text, ['id', 'owner', 'expiresAt'])
}

/** Refused while another deploy holds the lock. */
export class DeployLockedError extends RefusedError {
  constructor(
    readonly path: string,
    readonly holder: LockRecord,
    readonly breakWith: string,
    now: Date
  ) {
    super(
      `the deploy lock ${path} is held by ${holder.owner}, taken ${renderAge(now.getTime() - Date.parse(holder.acquiredAt))} ago (at ${holder.acquiredAt}); it expires at ${holder.expiresAt}. Another deploy to this folder may be running: wait for it, or, if it was killed, break the lock with \`${breakWith}\`.`
    )
    this.name = 'DeployLockedError'
  }
}

/** `3 min 5 s`, `42 s`. */
export function renderAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 120) return `${minutes} min ${seconds % 60} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/**
 * Whether a lock found in place may be taken over, and why: pure, from
 * the record, who asks, the time and `--force-lock`.
 */
export function planLockTakeover(
  there: LockRecord | undefined,
  me: LockHolder,
  now: Date,
  force: boolean
): LockTakeover | undefined {
  if (!there) return 'unreadable'
  if (Date.parse(there.expiresAt) <= now.getTime()) return 'expired'
  if (
    me.ciRun !== undefined &&
    there.ciRun === me.ciRun &&
    (there.attempt ?? 0) < (me.attempt ?? 0)
  )
    return 'rerun'
  if (force) return 'forced'
  return undefined
}

/** Options of `acquireDeployLock`. */
export interface AcquireOptions {
  readonly holder: LockHolder
  readonly now: () => Date
  readonly ttlMs?: number
  /** `--force-lock`: take the lock over whoever holds it. */
  readonly force?: boolean
  /** The command that breaks the lock, for the refusal's message. */
  readonly breakWith: string
  readonly signal?: AbortSignal
}

/** Takes the deploy lock of a root, or refuses naming who holds it. */
export async function acquireDeployLock(
  store: LockStore,
  options: AcquireOptions
): Promise<HeldLock> {
  const fresh = (tookOver?: LockTakeover): LockRecord => {
    const at = options.now()
    return {
      id: randomUUID(),
      ...options.holder,
      acquiredAt: at.toISOString(),
      expiresAt: new Date(
        at.getTime() + (options.ttlMs ?? DEFAULT_LOCK_TTL_MS)
      ).toISOString(),
      ...(tookOver ? { tookOver } : {})
    }
  }
  /** Ours, the holder's record, or undefined when nothing is there. */
  const attempt = async (
    record: LockRecord
  ): Promise<'ours' | LockRecord | undefined> => {
    let outcome: CreateOutcome
    try {
      outcome = await store.create(JSON.stringify(record), options.signal)
    } catch (error) {
      // Interrupted while the create was on its way: it may have gone
      // through. A lock of ours there is removed, within a few seconds.
      if (options.signal?.aborted) await removeIfOurs(store, record.id)
      throw error
    }
    if (outcome === 'created') return 'ours'
    const there = parseLock(await store.read(options.signal))
    // A lost answer: the file tells whether our create went through.
    if (there?.id === record.id) return 'ours'
    if (outcome === 'unknown' && there === undefined) return undefined
    return there ?? { ...record, id: '', owner: 'an unreadable lock file' }
  }
  let replaced: LockRecord | undefined
  let takeover: LockTakeover | undefined
  // A lock that vanishes between our create and our read is tried again,
  // a few times; a lock that is in the way is taken over at most once.
  for (let round = 0; round < 4; round++) {
    const record = fresh(takeover)
    const outcome = await attempt(record)
    if (outcome === 'ours') return held(store, record, replaced)
    if (outcome === undefined) continue
    const unreadable = outcome.id === ''
    const why = planLockTakeover(
      unreadable ? undefined : outcome,
      options.holder,
      options.now(),
      options.force === true
    )
    if (why === undefined || takeover !== undefined)
      throw new DeployLockedError(
        store.path,
        outcome,
        options.breakWith,
        options.now()
      )
    takeover = why
    replaced = unreadable ? undefined : outcome
    await store.remove(options.signal)
  }
  throw new DeployLockedError(
    store.path,
    {
      id: '',
      owner: 'another deploy',
      acquiredAt: options.now().toISOString(),
      expiresAt: options.now().toISOString()
    },
    options.breakWith,
    options.now()
  )
}

/** Deletes the lock if it holds `id`; gives up quietly after 5 seconds. */
async function removeIfOurs(store: LockStore, id: string): Promise<void> {
  try {
    const signal = AbortSignal.timeout(5000)
    if (parseLock(await store.read(signal))?.id === id)
      await store.remove(signal)
  } catch {
    // The lock expires; the next deploy of this CI run takes it over.
  }
}

function held(
  store: LockStore,
  record: LockRecord,
  replaced: LockRecord | undefined
): HeldLock {
  return {
    path: store.path,
    record,
    ...(replaced ? { replaced } : {}),
    async release(signal) {
      const there = parseLock(await store.read(signal))
      if (there?.id === record.id) await store.remove(signal)
    }
  }
}
