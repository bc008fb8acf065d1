import path from 'node:path'
import { mapLimit } from '../../../io/index.js'
import type { StepError } from '../../../report/index.js'
import {
  filesOf,
  FRESH_MS,
  hashContent,
  listFiles,
  planChanges,
  readState,
  settleHashes
} from './file-states.js'
import type { FileState, WatchPlace } from './file-states.js'
import {
  describeInputChanged,
  describeOutsideWrite,
  describeUndeclaredWrite,
  renderRestore
} from './guard-messages.js'
import type { SeenChange, StepWrites } from './guard-messages.js'
import { isGlob, promoteOutput } from '../tables/index.js'
import type { StagedOutput } from '../tables/index.js'
import { createVault } from './vault.js'

/** How the run guard is set up. */
export interface RunGuardOptions {
  /** The repository root: messages show paths relative to it. */
  readonly root: string
  /** The run's table root: every file under it is watched. */
  readonly tableRoot: string
  /** The plan's tables and the sources, wherever they are. */
  readonly places: readonly WatchPlace[]
  /** Never watched: the runs folder (logs, work folders). */
  readonly skip: readonly string[]
  /**
   * Keep copies to put changed files back: the run has steps the engine
   * cannot hold (Python in sandbox `standard`).
   */
  readonly keepCopies: boolean
  /** Where the copies live. */
  readonly vaultDir: string
  /** Where changed files are moved out of the way. */
  readonly asideDir: string
  /**
   * Where the version of a table a promotion replaces is kept, for the
   * data diff of a run on a branch; absent: it is not kept.
   */
  readonly keepPrevious?: (target: string) => string | undefined
  readonly now?: () => number
}

/** What a step tells the guard as it starts. */
export interface GuardedStep extends StepWrites {
  /** True when the engine holds it: it cannot write outside its staging. */
  readonly enforced: boolean
  /** The files of its inputs. */
  readonly reads: readonly string[]
}

/** How a step's end looked to the guard. */
export interface GuardVerdict {
  /** Why the step fails, if it does. */
  readonly error?: StepError
  /** Lines for the step's log: what was put back. */
  readonly notes: readonly string[]
}

/**
 * Watches every file of the table root and every table and source of the
 * plan for the whole run; the engine's own promotions are the only changes
 * it accepts. After every step it compares what is there with its record.
 * A change fails the steps that could have made it (each step the engine
 * does not hold that ran since the last look) and every running step that
 * reads the file; a change no step of the run could have made (every
 * suspect held) fails the step that just ended. With copies kept, the
 * file is put back and what was there instead is moved into the run
 * folder. Looks, promotions and restores run one at a time.
 */
export interface RunGuard {
  begin(key: string, step: GuardedStep): void
  end(key: string, cancelled: boolean): Promise<GuardVerdict>
  /** Moves staged outputs over their targets: the engine's own change. */
  promote(outputs: readonly StagedOutput[]): Promise<void>
  close(): Promise<void>
}

interface Recorded {
  readonly state: FileState
  readonly place?: WatchPlace
}

/** Files handled at once while recording or copying. */
const FILES_AT_ONCE = 16

/** Reads the present state of the watched files and keeps copies where asked. */
export async function createRunGuard(
  options: RunGuardOptions
): Promise<RunGuard> {
  const now = options.now ?? Date.now
  const vault = createVault(options.vaultDir, options.asideDir)
  const skip = (p: string): boolean =>
    options.skip.some((s) => p === s || p.startsWith(s + path.sep)) ||
    ['.git', 'node_modules'].includes(path.basename(p))
  // Tables first: a table that is also a source is named as the table.
  const places = [
    ...options.places.filter((p) => p.kind === 'table'),
    ...options.places.filter((p) => p.kind === 'source')
  ]

  // One walk of the table root finds the files of every place in it; a
  // file is named after the place it is (or lies in). Places elsewhere,
  // and globs, are listed on their own.
  const inRoot = (p: string): boolean =>
    p.startsWith(options.tableRoot + path.sep)
  const byPath = new Map<string, WatchPlace>()
  const listed: WatchPlace[] = []
  for (const place of places) {
    if (isGlob(place.path) || !inRoot(place.path)) listed.push(place)
    else if (!byPath.has(place.path)) byPath.set(place.path, place)
  }
  const placeOf = (file: string): WatchPlace | undefined => {
    for (let at = file; inRoot(at); at = path.dirname(at)) {
      const place = byPath.get(at)
      if (place) return place
    }
    return undefined
  }

  async function scan(): Promise<Map<string, WatchPlace | undefined>> {
    const found = new Map<string, WatchPlace | undefined>()
    const lists = await mapLimit(listed, FILES_AT_ONCE, (place) =>
      filesOf(place.path, skip)
    )
    listed.forEach((place, i) => {
      for (const file of lists[i]) if (!found.get(file)) found.set(file, place)
    })
    for (const file of await listFiles(options.tableRoot, skip)) {
      if (!found.get(file)) found.set(file, placeOf(file))
    }
    return found
  }

  async function statesOf(
    files: Iterable<string>
  ): Promise<Map<string, FileState>> {
    const list = [...files]
    const states = await mapLimit(list, FILES_AT_ONCE, readState)
    const byFile = new Map<string, FileState>()
    list.forEach((file, i) => {
      if (states[i]) byFile.set(file, states[i])
    })
    return byFile
  }

  /** The state to record now: with a digest when it changed just now. */
  async function settled(
    file: string,
    state: FileState,
    hash?: string
  ): Promise<FileState> {
    if (!options.keepCopies || state.ctimeMs < now() - FRESH_MS) return state
    return { ...state, hash: hash ?? (await hashContent(file)) }
  }

  const record = new Map<string, Recorded>()
  {
    const found = await scan()
    const states = await statesOf(found.keys())
    await mapLimit([...states], FILES_AT_ONCE, async ([file, state]) => {
      record.set(file, {
        state: await settled(file, state),
        place: found.get(file)
      })
      if (options.keepCopies) await vault.keep(file)
    })
  }

  let queue: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn)
    queue = run.catch(() => undefined)
    return run
  }
  const steps = new Map<string, GuardedStep>()
  const active = new Set<string>()
  /** Steps that ran at some point since the last look. */
  let window = new Set<string>()
  const tainted = new Map<string, StepError>()

  /** Compares the present with the record and puts back what it can. */
  async function look(): Promise<SeenChange[]> {
    const found = await scan()
    const states = await statesOf(found.keys())
    const before = new Map(
      [...record].map(([file, r]) => [file, r.state] as const)
    )
    const changes = planChanges(before, states)
    const changed = new Set(changes.map((c) => c.file))
    const unchanged = new Map(
      [...before].filter(([file, state]) => !changed.has(file) && state.hash)
    )
    for (const file of await settleHashes(unchanged, now())) {
      changes.push({ file, how: 'changed' })
    }
    for (const [file, state] of unchanged) {
      const kept = record.get(file)
      if (kept && state.hash === undefined) record.set(file, { ...kept, state })
    }
    const seen: SeenChange[] = []
    for (const change of changes) {
      const place = record.get(change.file)?.place ?? found.get(change.file)
      let restored = false
      if (options.keepCopies) {
        if (change.how === 'added') {
          await vault.setAside(change.file)
          restored = true
        } else {
          restored = await vault.restore(change.file)
        }
      }
      const state = await readState(change.file)
      if (!state) record.delete(change.file)
      else {
        record.set(change.file, {
          state: await settled(change.file, state),
          place
        })
      }
      seen.push({ change, place, restored })
    }
    return seen
  }

  /** Who fails for what was seen: the suspects, and readers of the files. */
  function blame(key: string, suspects: string[], seen: SeenChange[]): void {
    const unheld = suspects.filter((k) => !steps.get(k)?.enforced)
    for (const k of unheld) {
      if (tainted.has(k)) continue
      tainted.set(
        k,
        describeUndeclaredWrite(options.root, seen, k, steps.get(k), unheld)
      )
    }
    if (unheld.length === 0) {
      tainted.set(key, describeOutsideWrite(options.root, seen, key))
    }
    const files = new Set(seen.map((s) => s.change.file))
    for (const k of active) {
      if (tainted.has(k)) continue
      if (!(steps.get(k)?.reads ?? []).some((r) => files.has(r))) continue
      tainted.set(k, describeInputChanged(options.root, seen, k))
    }
  }

  return {
    begin(key, step) {
      steps.set(key, step)
      active.add(key)
      window.add(key)
    },
    end(key, cancelled) {
      return exclusive(async () => {
        active.delete(key)
        const suspects = [...window].sort()
        window = new Set(active)
        const seen = await look()
        if (seen.length > 0) blame(key, suspects, seen)
        const error = tainted.get(key)
        tainted.delete(key)
        steps.delete(key)
        return {
          ...(error && !cancelled ? { error } : {}),
          notes: seen.map((s) => renderRestore(options.root, s))
        }
      })
    },
    promote(outputs) {
      return exclusive(async () => {
        for (const output of outputs) await promoteOne(output)
      })
    },
    close() {
      return vault.close()
    }
  }

  /**
   * Keeps the staged version (digest and copy) before it is moved in,
   * so a change made between the move and the record still shows.
   */
  async function promoteOne(output: StagedOutput): Promise<void> {
    const target = output.target
    const under = (file: string): boolean =>
      file === target || file.startsWith(target + path.sep)
    const digests = new Map<string, string>()
    if (options.keepCopies) {
      for (const file of await listFiles(output.staged)) {
        const published = path.join(target, path.relative(output.staged, file))
        digests.set(published, await hashContent(file))
        await vault.keep(published, file)
      }
    }
    const place = places.find((p) => p.path === target)
    await promoteOutput(output, options.keepPrevious?.(target))
    const present = new Set(await listFiles(target))
    for (const file of [...record.keys()]) {
      if (!under(file) || present.has(file)) continue
      record.delete(file)
      await vault.drop(file)
    }
    for (const file of present) {
      const state = await readState(file)
      if (!state) continue
      record.set(file, {
        state: await settled(file, state, digests.get(file)),
        place: record.get(file)?.place ?? place
      })
    }
  }
}
