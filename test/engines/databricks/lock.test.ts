import { describe, expect, it } from '@jest/globals'
import {
  acquireDeployLock,
  DeployLockedError,
  planLockTakeover
} from '../../../src/engines/databricks/lock.js'
import type {
  CreateOutcome,
  LockRecord,
  LockStore
} from '../../../src/engines/databricks/lock.js'

describe('planLockTakeover', () => {
  const now = new Date('2026-12-07T10:00:00Z')
  const held = {
    id: 'x',
    owner: 'octo (GitHub shop/sales run 9 attempt 1)',
    ciRun: 'shop/sales run 9',
    attempt: 1,
    acquiredAt: '2026-12-07T09:59:00Z',
    expiresAt: '2026-12-07T10:14:00Z'
  }
  it('takes over an expired lock, an earlier attempt of the same CI run, or when forced', () => {
    expect(
      planLockTakeover(
        { ...held, expiresAt: '2026-12-07T09:59:59Z' },
        { owner: 'me' },
        now,
        false
      )
    ).toBe('expired')
    expect(
      planLockTakeover(
        held,
        { owner: 'octo', ciRun: 'shop/sales run 9', attempt: 2 },
        now,
        false
      )
    ).toBe('rerun')
    expect(planLockTakeover(held, { owner: 'me' }, now, true)).toBe('forced')
    expect(planLockTakeover(undefined, { owner: 'me' }, now, false)).toBe(
      'unreadable'
    )
  })

  it('refuses a live lock of someone else, another run, or the same attempt', () => {
    expect(planLockTakeover(held, { owner: 'me' }, now, false)).toBe(undefined)
    expect(
      planLockTakeover(
        held,
        { owner: 'octo', ciRun: 'shop/sales run 10', attempt: 2 },
        now,
        false
      )
    ).toBe(undefined)
    expect(
      planLockTakeover(
        held,
        { owner: 'octo', ciRun: 'shop/sales run 9', attempt: 1 },
        now,
        false
      )
    ).toBe(undefined)
  })

  it('counts a lock as expired from the very second its expiry names, and says expired even when forced', () => {
    const at = (expiresAt: string) => ({ ...held, expiresAt })
    expect(
      planLockTakeover(at('2026-12-07T10:00:00Z'), { owner: 'me' }, now, false)
    ).toBe('expired')
    expect(
      planLockTakeover(at('2026-12-07T10:00:01Z'), { owner: 'me' }, now, false)
    ).toBe(undefined)
    expect(
      planLockTakeover(at('2026-12-07T09:00:00Z'), { owner: 'me' }, now, true)
    ).toBe('expired')
  })

  it('never lets an earlier attempt take the lock of a later one, nor a run outside CI claim a rerun', () => {
    const rerunning = { ...held, attempt: 3 }
    expect(
      planLockTakeover(
        rerunning,
        { owner: 'octo', ciRun: 'shop/sales run 9', attempt: 2 },
        now,
        false
      )
    ).toBe(undefined)
    // On a laptop there is no CI run: a lock of a CI run stays.
    expect(
      planLockTakeover(
        { ...held, ciRun: undefined, attempt: undefined },
        { owner: 'me' },
        now,
        false
      )
    ).toBe(undefined)
  })
})

/** The lock file in memory, as the workspace keeps it: create fails when it exists. */
function memoryStore(
  initial?: LockRecord | string,
  options: { loseAnswers?: number } = {}
): LockStore & { content(): string | undefined; removed: number } {
  let content =
    typeof initial === 'string' ? initial : initial && JSON.stringify(initial)
  let lost = options.loseAnswers ?? 0
  const store = {
    path: '/Workspace/Shared/dtflw/sales/test/.dtflw/deploy.lock',
    removed: 0,
    content: () => content,
    async create(text: string): Promise<CreateOutcome> {
      const outcome: CreateOutcome =
        content === undefined ? 'created' : 'exists'
      if (content === undefined) content = text
      if (lost > 0) {
        lost--
        return 'unknown'
      }
      return outcome
    },
    async read() {
      return content
    },
    async remove() {
      store.removed++
      content = undefined
    }
  }
  return store
}

describe('acquireDeployLock', () => {
  const now = new Date('2026-12-07T10:00:00.000Z')
  const options = {
    holder: { owner: 'octo (GitHub shop/sales run 9 attempt 1)' },
    now: () => now,
    breakWith: 'dtflw deploy --profile test --force-lock'
  }
  const other: LockRecord = {
    id: 'theirs',
    owner: 'ana@laptop',
    acquiredAt: '2026-12-07T09:56:55.000Z',
    expiresAt: '2026-12-07T10:11:55.000Z'
  }

  it('takes a free lock for 15 minutes, and releases it', async () => {
    const store = memoryStore()
    const lock = await acquireDeployLock(store, options)
    expect(JSON.parse(store.content()!)).toEqual({
      id: lock.record.id,
      owner: 'octo (GitHub shop/sales run 9 attempt 1)',
      acquiredAt: '2026-12-07T10:00:00.000Z',
      expiresAt: '2026-12-07T10:15:00.000Z'
    })
    await lock.release()
    expect(store.content()).toBeUndefined()
  })

  it('refuses with exit 4 while another deploy holds it, saying whose, since when, until when, and how to break it', async () => {
    const store = memoryStore(other)
    const error = await acquireDeployLock(store, options).catch((e) => e)
    expect(error).toBeInstanceOf(DeployLockedError)
    expect(error.exitCode).toBe(4)
    expect(error.message).toBe(
      'the deploy lock /Workspace/Shared/dtflw/sales/test/.dtflw/deploy.lock is held by ana@laptop, taken 3 min 5 s ago (at 2026-12-07T09:56:55.000Z); it expires at 2026-12-07T10:11:55.000Z. Another deploy to this folder may be running: wait for it, or, if it was killed, break the lock with `dtflw deploy --profile test --force-lock`.'
    )
    expect(JSON.parse(store.content()!)).toEqual(other)
  })

  it('takes over an expired lock and keeps what it replaced', async () => {
    const stale = { ...other, expiresAt: '2026-12-07T09:59:00.000Z' }
    const lock = await acquireDeployLock(memoryStore(stale), options)
    expect(lock.replaced).toEqual(stale)
    expect(lock.record.tookOver).toBe('expired')
  })

  it('takes over a lock file it cannot read', async () => {
    const lock = await acquireDeployLock(memoryStore('{"half'), options)
    expect(lock.record.tookOver).toBe('unreadable')
    expect(lock.replaced).toBeUndefined()
  })

  it('knows its own lock when the answer to its create was lost', async () => {
    const store = memoryStore(undefined, { loseAnswers: 1 })
    const lock = await acquireDeployLock(store, options)
    expect(lock.record.tookOver).toBeUndefined()
    expect(store.removed).toBe(0)
  })

  it('takes a lock over at most once: when another deploy is faster, it is refused', async () => {
    const stale = { ...other, expiresAt: '2026-12-07T09:59:00.000Z' }
    const store = memoryStore(stale)
    const racing = { ...other, id: 'racer', owner: 'bob@ci' }
    const remove = store.remove
    // Between our delete and our create, another deploy takes the lock.
    store.remove = async () => {
      await remove()
      await store.create(JSON.stringify(racing))
    }
    const error = await acquireDeployLock(store, options).catch((e) => e)
    expect(error).toBeInstanceOf(DeployLockedError)
    expect(error.message).toContain('is held by bob@ci')
    expect(JSON.parse(store.content()!).id).toBe('racer')
  })

  it('on release, leaves a lock that is no longer its own', async () => {
    const store = memoryStore()
    const lock = await acquireDeployLock(store, options)
    // A forced takeover replaced it while this deploy ran.
    await store.remove()
    await store.create(JSON.stringify({ ...other, tookOver: 'forced' }))
    await lock.release()
    expect(JSON.parse(store.content()!).id).toBe('theirs')
  })
})
