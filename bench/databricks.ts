import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadPlan } from '../src/commands/loaded-plan.js'
import { createDatabricksEngineFor } from '../src/engines/databricks/index.js'
import { Worker } from 'node:worker_threads'
import type { HostRequest } from './databricks-host.js'
import type { DeployResult } from '../src/report/index.js'
import type { BenchResult } from './types.js'

/** The loopback workspace on its own thread, and how to drive it. */
interface Host {
  readonly url: string
  readonly token: string
  ask(request: HostRequest): Promise<unknown>
}

async function startHost(latencyMs: number): Promise<Host> {
  const worker = new Worker(new URL('./databricks-host.js', import.meta.url), {
    workerData: { latencyMs }
  })
  const ready = await new Promise<{ url: string; token: string }>((resolve) =>
    worker.once('message', resolve)
  )
  let next = 0
  const waiting = new Map<number, (answer: unknown) => void>()
  worker.on('message', (message: { id: number; answer: unknown }) => {
    waiting.get(message.id)?.(message.answer)
    waiting.delete(message.id)
  })
  return {
    ...ready,
    ask(request) {
      const id = next++
      return new Promise((resolve) => {
        waiting.set(id, resolve)
        worker.postMessage({ ...request, id })
      })
    }
  }
}

const LATENCY_MS = 30
/** What a task of the loopback workspace runs for unless told otherwise. */
const SHORT_TASK_MS = 20

/** A pipeline of `steps` SQL notebooks; `chain` links step i to step i-1..i-3. */
async function pipeline(
  steps: number,
  shape: 'independent' | 'graph'
): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'dtflw-bench-dbx-'))
  const lines = ['pipeline: bench', 'sources:', '  raw: {}', 'flow:']
  let seed = 7
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  for (let i = 0; i < steps; i++) {
    const inputs =
      shape === 'independent' || i === 0
        ? ['raw']
        : [...new Set([0, 1].map(() => `t${Math.floor(random() * i)}`))]
    lines.push(`  - notebook: notebooks/step${i}.sql`)
    lines.push(`    inputs: [${inputs.join(', ')}]`)
    lines.push(`    outputs: [t${i}]`)
  }
  await writeFile(path.join(root, 'dtflw.yaml'), `${lines.join('\n')}\n`)
  await mkdir(path.join(root, 'profiles'))
  await writeFile(
    path.join(root, 'profiles/test.yaml'),
    [
      'engine: databricks',
      'workspace:',
      '  host: ${DATABRICKS_HOST}',
      '  root: /Workspace/Shared/bench',
      'tables: { layout: catalog, catalog: c, schema: s }',
      'sources:',
      '  raw: { table: x.y.raw }',
      ''
    ].join('\n')
  )
  await mkdir(path.join(root, 'notebooks'))
  for (let i = 0; i < steps; i++) {
    await writeFile(
      path.join(root, `notebooks/step${i}.sql`),
      `-- Databricks notebook source\nSELECT ${i}\n`
    )
  }
  return root
}

/** The Databricks engine of a repository, as `dtflw` builds it. */
async function engineOf(
  root: string,
  server: Host,
  extra: Record<string, string> = {}
) {
  const env = {
    DATABRICKS_HOST: server.url,
    DATABRICKS_TOKEN: server.token,
    HOME: tmpdir(),
    DTFLW_DATABRICKS_POLL_MS: '10',
    ...extra
  }
  const deps = { env, toolVersion: 'bench', cores: 2 }
  const loaded = await loadPlan(
    { cwd: root, manifest: 'dtflw.yaml', profile: 'test' },
    deps
  )
  const engine = await createDatabricksEngineFor({
    root,
    pipeline: 'bench',
    profile: loaded.profile,
    env,
    toolVersion: 'bench'
  })
  return { engine, plan: loaded.plan }
}

/** `3 x GET /a, POST /b`: the requests of a case, by endpoint, in first-made order. */
function countRequests(requests: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const request of requests) {
    // One row for the table checks, whichever table each one asked about.
    const r = request
      .replace(/ \d+$/, '')
      .replace(/(\/unity-catalog\/tables\/)[^?\s]+/, '$1{name}')
    counts.set(r, (counts.get(r) ?? 0) + 1)
  }
  return [...counts].map(([r, n]) => (n > 1 ? `${n} x ${r}` : r)).join(', ')
}

/** Requests that failed: refused (429 beyond a limit), 5xx, or no answer. */
function failedRequests(requests: readonly string[]): number {
  return requests.filter((r) => {
    const status = Number(r.slice(r.lastIndexOf(' ') + 1))
    // A 404 is an answer (nothing deployed there yet), not a failure.
    return status === 429 || status >= 500 || status === 0
  }).length
}

/** Milliseconds of one deploy of a fresh root, and the requests it made. */
async function timedDeploy(
  root: string,
  server: Host,
  extra: Record<string, string> = {}
): Promise<{
  ms: number
  requests: number
  failed: number
  made: string
  uploaded: number
}> {
  await server.ask({ op: 'delete', path: '/Workspace/Shared/bench' })
  const { engine, plan } = await engineOf(root, server, extra)
  // A second's quiet: the workspace's buckets are full again, as for a
  // deploy that is the first of its minute.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  await server.ask({ op: 'clear' })
  const start = performance.now()
  const result = await engine.deploy(plan, {})
  const ms = performance.now() - start
  const requests = (await server.ask({ op: 'requests' })) as string[]
  return {
    ms,
    requests: requests.length,
    failed: failedRequests(requests),
    made: countRequests(requests),
    uploaded: result.uploaded.length
  }
}

/** A deterministic stream of numbers in [0, 1). */
function randomFrom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

/** The server's time for a task: PENDING, then RUNNING for its duration. */
const PENDING_MS = 5

/** The longest chain of the plan, in the workspace's time per task. */
function criticalPathMs(
  plan: Awaited<ReturnType<typeof engineOf>>['plan'],
  duration: (key: string) => number
): number {
  const finish = new Map<string, number>()
  for (const step of plan.steps) {
    const after = Math.max(0, ...step.dependsOn.map((k) => finish.get(k)!))
    finish.set(step.key, after + PENDING_MS + duration(step.key))
  }
  return Math.max(...finish.values())
}

/** Runs a plan on the engine and measures the wall time. */
async function timedRun(
  run: Awaited<ReturnType<typeof engineOf>>,
  server: Host,
  root: string,
  deployed: DeployResult
): Promise<{ wall: number; requests: string[]; failed: number }> {
  await new Promise((resolve) => setTimeout(resolve, 1000))
  await server.ask({ op: 'clear' })
  const start = performance.now()
  const runId = `bench-${run.plan.steps.length}`
  const outcome = await run.engine.run(run.plan, {
    runId,
    runDir: path.join(root, '.dtflw/runs', runId),
    deployed,
    parallelism: run.plan.steps.length,
    failFast: false,
    lazy: false,
    signal: new AbortController().signal,
    emit: () => undefined,
    mask: (text) => text,
    now: () => new Date()
  })
  const wall = performance.now() - start
  const bad = outcome.steps.filter((s) => s.status !== 'succeeded')
  if (bad.length > 0 || outcome.stopped)
    throw new Error(
      `the bench run did not succeed: ${outcome.stopped?.reason ?? `${bad.length} steps ${bad[0].status}`}`
    )
  const requests = (await server.ask({ op: 'requests' })) as string[]
  return { wall, requests, failed: failedRequests(requests) }
}

/**
 * The Databricks engine as shipped (its pacing on) against a loopback
 * workspace that adds 30 ms to every request and enforces the published
 * per-endpoint limits with 429 and Retry-After: a cold deploy of 200
 * notebooks beside the same with the Go SDK's flat 15 requests a second, a
 * redeploy with nothing changed, a 40-step run against its critical path,
 * and a 1,500-step run (two Databricks runs) against its critical path
 * plus the floor the limits put under its submissions and checks.
 */
export async function benchDatabricks(): Promise<BenchResult[]> {
  const server = await startHost(LATENCY_MS)
  const results: BenchResult[] = []
  try {
    const wide = await pipeline(200, 'independent')
    const paced = await timedDeploy(wide, server)
    // The Go SDK's client-side limit: 15 requests a second, all endpoints.
    const flat = await timedDeploy(wide, server, {
      DTFLW_DATABRICKS_RATE_LIMIT: '15'
    })
    const importFloor = (200 / 30) * 1000
    const bound = 1.25 * importFloor + 750
    results.push({
      name: `cold deploy of 200 notebooks, ${LATENCY_MS} ms a request, published limits enforced`,
      figures: {
        'wall (ms)': Math.round(paced.ms),
        "the import limit's floor, 200 / 30 per s (ms)":
          Math.round(importFloor),
        'wall / floor': Number((paced.ms / importFloor).toFixed(2)),
        'failed requests': paced.failed,
        'with a flat 15 requests/s, as the Go SDK (ms)': Math.round(flat.ms),
        'flat 15/s: failed requests': flat.failed,
        requests: paced.requests,
        made: paced.made
      },
      target: `at most 1.25 x the floor + 750 ms (${Math.round(bound)} ms), no failed request`,
      passed: paced.ms <= bound && paced.failed === 0
    })
    // A fresh clone redeploying the same notebooks.
    const { engine, plan } = await engineOf(wide, server)
    await server.ask({ op: 'clear' })
    const again = await engine.deploy(plan, {})
    const requests = (await server.ask({ op: 'requests' })) as string[]
    results.push({
      name: 'redeploy with nothing changed, from a fresh clone',
      figures: {
        requests: requests.length,
        uploads: again.uploaded.length,
        made: countRequests(requests)
      },
      target: 'at most 3 requests, 0 uploads',
      passed: requests.length <= 3 && again.uploaded.length === 0
    })
    await rm(wide, { recursive: true, force: true })

    // A 40-step graph with random task durations. Real tasks run for
    // minutes and dtflw first polls after 1 s; tasks of 100-500 ms are that
    // scaled down 100-fold, and so is the first poll (20 ms). The pacing is
    // dtflw's own, untouched.
    const graph = await pipeline(40, 'graph')
    const random = randomFrom(11)
    const durations = new Map<string, number>()
    const duration = (key: string): number => {
      if (!durations.has(key))
        durations.set(key, 100 + Math.floor(random() * 400))
      return durations.get(key)!
    }
    const run = await engineOf(graph, server, {
      DTFLW_DATABRICKS_POLL_MS: '20'
    })
    await server.ask({
      op: 'durations',
      ms: Object.fromEntries(
        run.plan.steps.map((s) => [s.key, duration(s.key)])
      )
    })
    const deployed = await run.engine.deploy(run.plan, {})
    const forty = await timedRun(run, server, graph, deployed)
    const critical = criticalPathMs(run.plan, duration)
    const sum = run.plan.steps.reduce(
      (t, s) => t + PENDING_MS + duration(s.key),
      0
    )
    results.push({
      name: `40-step run with random task durations (100-500 ms), ${LATENCY_MS} ms a request, pacing on`,
      figures: {
        'wall (ms)': Math.round(forty.wall),
        'critical path (ms)': critical,
        'one step after another (ms)': sum,
        'wall / critical path': Number((forty.wall / critical).toFixed(2)),
        'failed requests': forty.failed,
        made: countRequests(forty.requests)
      },
      target: `within 1.1x the critical path + 500 ms (${Math.round(1.1 * critical + 500)} ms)`,
      passed: forty.wall <= 1.1 * critical + 500
    })
    await rm(graph, { recursive: true, force: true })

    // 1,500 short steps: more than one Databricks run holds. The deploy
    // was measured above; its notebooks are put in place directly.
    const big = await pipeline(1500, 'graph')
    await server.ask({ op: 'durations', ms: {} })
    await server.ask({ op: 'delete', path: '/Workspace/Shared/bench' })
    const large = await engineOf(big, server, {
      DTFLW_DATABRICKS_POLL_MS: '20'
    })
    await server.ask({
      op: 'seed',
      paths: large.plan.steps.map(
        (s) => `/Workspace/Shared/bench/${s.notebook.replace(/\.sql$/, '')}`
      )
    })
    const huge = await timedRun(large, server, big, {
      root: '/Workspace/Shared/bench',
      uploaded: [],
      removed: [],
      unchanged: large.plan.steps.map((s) => s.notebook)
    })
    const shortCritical = criticalPathMs(large.plan, () => SHORT_TASK_MS)
    const runs = Math.ceil(1500 / 1000)
    // What the published limits allow at best: the submissions at 35 a
    // second and one table check per step at 100 a second, on endpoints of
    // their own (no output is fetched: no notebook calls exit).
    const floor = Math.max((runs / 35) * 1000, (1500 / 100) * 1000)
    results.push({
      name: `1,500-step run of short tasks (${SHORT_TASK_MS} ms), ${runs} Databricks runs, ${LATENCY_MS} ms a request, pacing on`,
      figures: {
        'wall (ms)': Math.round(huge.wall),
        'critical path (ms)': shortCritical,
        'floor: 1,500 table checks at 100/s, 2 submits at 35/s (ms)': floor,
        'wall / (critical path + floor)': Number(
          (huge.wall / (shortCritical + floor)).toFixed(2)
        ),
        'failed requests': huge.failed,
        made: countRequests(huge.requests)
      },
      target: `within 1.2x the critical path + the floor (${Math.round(1.2 * shortCritical + floor)} ms)`,
      passed: huge.wall <= 1.2 * shortCritical + floor
    })
    await rm(big, { recursive: true, force: true })
  } finally {
    await server.ask({ op: 'close' })
  }
  return results
}
