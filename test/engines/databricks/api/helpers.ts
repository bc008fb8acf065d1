import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import {
  createDatabricksClient,
  resolveCredentials,
  type DatabricksClient,
  type DatabricksClientConfig,
  type RequestLogEntry,
  type Run
} from '../../../../src/engines/databricks/api/index.js'
import type { DatabricksServer } from '../../../support/databricks-server/index.js'

/** Mocked time: `sleep` advances `now` instantly and is recorded. */
export interface FakeClock {
  now(): number
  sleep(ms: number): Promise<void>
  random(): number
  advance(ms: number): void
  readonly sleeps: number[]
}

/** A clock that starts at a fixed instant; `random` is always 0.5. */
export function fakeClock(): FakeClock {
  let t = 1_800_000_000_000
  const sleeps: number[] = []
  return {
    now: () => t,
    async sleep(ms) {
      sleeps.push(ms)
      t += ms
    },
    random: () => 0.5,
    advance(ms) {
      t += ms
    },
    sleeps
  }
}

/**
 * Mocked time for concurrent waiters: `sleep` schedules a timer on a
 * virtual timeline, and `run` advances the timeline to each next timer
 * once everything else has settled, until the given work is done.
 */
export interface VirtualClock {
  now(): number
  sleep(ms: number): Promise<void>
  run<T>(work: Promise<T>): Promise<T>
}

/** A virtual timeline that starts at 0. */
export function virtualClock(): VirtualClock {
  let t = 0
  const timers: { at: number; resolve: () => void }[] = []
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve))
  return {
    now: () => t,
    sleep: (ms) =>
      new Promise<void>((resolve) => timers.push({ at: t + ms, resolve })),
    async run(work) {
      let done = false
      void work.finally(() => {
        done = true
      })
      for (;;) {
        await settle()
        if (done) return work
        timers.sort((a, b) => a.at - b.at)
        const next = timers.shift()
        if (!next) continue
        t = Math.max(t, next.at)
        next.resolve()
      }
    }
  }
}

/**
 * A client on the server with its PAT, mocked time (so pacing by the
 * published limits costs no real time), a request log.
 */
export async function clientFor(
  server: DatabricksServer,
  config: Partial<DatabricksClientConfig> = {},
  env: Record<string, string> = {}
): Promise<{
  client: DatabricksClient
  clock: FakeClock
  log: RequestLogEntry[]
}> {
  const clock = fakeClock()
  const log: RequestLogEntry[] = []
  const resolved = await resolveCredentials({
    env: {
      DATABRICKS_HOST: server.url,
      DATABRICKS_TOKEN: server.token,
      ...env
    },
    homeDir: await emptyHome()
  })
  const client = createDatabricksClient({
    host: resolved.host,
    credentials: resolved.provider,
    version: '0.1.0',
    now: clock.now,
    sleep: clock.sleep,
    random: clock.random,
    onRequest: (entry) => log.push(entry),
    ...config
  })
  return { client, clock, log }
}

/** A fresh home folder without `.databrickscfg`. */
export async function emptyHome(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'dtflw-home-'))
}

const TERMINAL = new Set(['TERMINATED', 'SKIPPED', 'INTERNAL_ERROR'])

/** Polls `runs/get` in real time until the run is terminal. */
export async function waitForRun(
  client: DatabricksClient,
  runId: number,
  timeoutMs = 10_000
): Promise<Run> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const run = await client.jobs.getRun(runId)
    if (TERMINAL.has(String(run.state?.life_cycle_state))) return run
    if (Date.now() > deadline)
      throw new Error(`run ${runId} still ${run.state?.life_cycle_state}`)
    await delay(5)
  }
}

/** The rejection of `promise`, which must reject. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the call to fail')
}
