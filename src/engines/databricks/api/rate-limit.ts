/*
 * Client-side pacing, by endpoint. Databricks limits requests per second
 * per workspace and per endpoint (workspace/import 30, workspace/export 60,
 * jobs/runs/submit 35, jobs/runs/get 100, most others 100) and answers 429
 * with Retry-After beyond them. One flat rate for everything (the Go SDK's
 * 15 a second) leaves most of each budget unused and still overruns none
 * on its own; pacing each endpoint by its own budget uses them all.
 *
 * The protocol, per endpoint family:
 * 1. Requests leave one interval (1 / rate) apart, with a small burst after
 *    a quiet spell (a fifth of a second's worth).
 * 2. A 429 means someone else spends the same budget (another CI job on
 *    the workspace): the rate halves, and nothing more is sent to that
 *    endpoint until its Retry-After has passed. Requests already waiting
 *    for their turn take a new one at the new rate.
 * 3. The rate then grows back by a tenth of the limit a second, so a
 *    throttled process is at its full rate again within seconds once the
 *    others are done: additive increase, multiplicative decrease, the way
 *    TCP shares a link.
 */

/** Requests per second, by endpoint family. */
export interface RateLimits {
  /** By family, e.g. `workspace/import` (see `endpointFamily`). */
  readonly endpoints: Readonly<Record<string, number>>
  /** Any endpoint not listed. */
  readonly default: number
  /** All requests together, on top of the endpoints' own; none by default. */
  readonly total?: number
}

/** The limits Databricks publishes per workspace (requests a second). */
export const PUBLISHED_RATE_LIMITS: RateLimits = {
  endpoints: {
    'workspace/import': 30,
    'workspace/export': 60,
    'jobs/runs/submit': 35,
    'jobs/runs/get': 100
  },
  default: 100
}

/** Paths whose tail names an object, not an endpoint. */
const OBJECT_TAILS = [
  'unity-catalog/tables/',
  'unity-catalog/schemas/',
  'fs/files/',
  'fs/directories/'
]

/**
 * The endpoint family a request path belongs to: the path without its
 * `/api/<version>/` prefix and without an object name in it
 * (`/api/2.1/unity-catalog/tables/c.s.t` → `unity-catalog/tables`).
 */
export function endpointFamily(path: string): string {
  const bare = path.replace(/^\/api\/\d+\.\d+\//, '').replace(/^\/+/, '')
  for (const tail of OBJECT_TAILS)
    if (bare.startsWith(tail)) return tail.slice(0, -1)
  return bare
}

/** Paces requests by endpoint family and learns from 429s. */
export interface Pacer {
  /** Resolves when a request to `path` may go. */
  acquire(path: string, signal?: AbortSignal): Promise<void>
  /** The workspace answered 429 to a request to `path`: slow down. */
  throttled(path: string, retryAfterMs?: number): void
  /** Requests a second `path`'s family is paced at now. */
  rateOf(path: string): number
}

/** Time, injected so tests run without waiting. */
export interface PacerClock {
  readonly now: () => number
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** A fifth of a second's worth of requests may go at once after a pause. */
const BURST_SECONDS = 0.2
/** How much of its limit a throttled family regains each second. */
const RECOVERY_PER_SECOND = 0.1
/** The floor a family's rate never halves below. */
const MIN_RATE = 0.5

/** One endpoint family's (or the total's) schedule. */
interface Lane {
  readonly limit: number
  rate: number
  /** When the rate was last changed or brought up to date. */
  rateAt: number
  /** The earliest time the next request may leave. */
  next: number
  /** Nothing leaves before this (a Retry-After). */
  pausedUntil: number
  /** When the rate last halved; one 429 burst halves it once. */
  lastDecrease: number
  /** Bumped on every decrease: waiters of an older one take a new turn. */
  generation: number
}

/** Creates a pacer with its own lanes. */
export function createPacer(limits: RateLimits, clock: PacerClock): Pacer {
  const lanes = new Map<string, Lane>()
  const laneOf = (key: string, limit: number): Lane => {
    let lane = lanes.get(key)
    if (!lane) {
      const now = clock.now()
      lane = {
        limit,
        rate: limit,
        rateAt: now,
        // A quiet lane: its first burst may go at once.
        next: -Infinity,
        pausedUntil: -Infinity,
        lastDecrease: -Infinity,
        generation: 0
      }
      lanes.set(key, lane)
    }
    return lane
  }
  const familyLane = (path: string): Lane => {
    const family = endpointFamily(path)
    return laneOf(family, limits.endpoints[family] ?? limits.default)
  }
  const recover = (lane: Lane, now: number): void => {
    if (lane.rate < lane.limit) {
      const gained =
        ((now - lane.rateAt) / 1000) * lane.limit * RECOVERY_PER_SECOND
      lane.rate = Math.min(lane.limit, lane.rate + gained)
    }
    lane.rateAt = now
  }
  const take = async (lane: Lane, signal?: AbortSignal): Promise<void> => {
    for (;;) {
      const now = clock.now()
      recover(lane, now)
      const interval = 1000 / lane.rate
      const burst = Math.max(1, lane.rate * BURST_SECONDS) * interval
      const slot = Math.max(lane.next, now - burst + interval, lane.pausedUntil)
      lane.next = slot + interval
      if (slot <= now) return
      const generation = lane.generation
      await clock.sleep(slot - now, signal)
      // A 429 while this caller waited: its turn was planned at the old
      // rate; plan it again.
      if (lane.generation === generation) return
    }
  }
  return {
    async acquire(path, signal) {
      await take(familyLane(path), signal)
      if (limits.total !== undefined)
        await take(laneOf('\0total', limits.total), signal)
    },
    throttled(path, retryAfterMs) {
      const lane = familyLane(path)
      const now = clock.now()
      recover(lane, now)
      const pause = now + (retryAfterMs ?? 0)
      let replan = pause > lane.pausedUntil
      lane.pausedUntil = Math.max(lane.pausedUntil, pause)
      // The answers to requests sent at the old rate arrive together: one
      // decrease per second, or per Retry-After if longer.
      if (now - lane.lastDecrease >= Math.max(1000, retryAfterMs ?? 0)) {
        lane.lastDecrease = now
        lane.rate = Math.max(MIN_RATE, lane.rate / 2)
        replan = true
      }
      if (!replan) return
      // Every caller still waiting plans its turn again.
      lane.next = Math.max(now, lane.pausedUntil)
      lane.generation++
    },
    rateOf(path) {
      const lane = familyLane(path)
      recover(lane, clock.now())
      return lane.rate
    }
  }
}

/**
 * Pacers shared by every client of this process, one per workspace, so
 * the engines of one command (promote builds two) and the requests of a
 * deploy and a run spend one budget. Created on first use.
 */
const shared = new Map<string, Pacer>()

/** The process's pacer for a workspace host. */
export function workspacePacer(
  host: string,
  limits: RateLimits,
  clock: PacerClock
): Pacer {
  const key = `${host}\n${JSON.stringify(limits)}`
  let pacer = shared.get(key)
  if (!pacer) shared.set(key, (pacer = createPacer(limits, clock)))
  return pacer
}
