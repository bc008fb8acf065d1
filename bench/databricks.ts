import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadPlan } from '../src/commands/project.js'
import { createDatabricksEngineFor } from '../src/engines/databricks/index.js'
import { Worker } from 'node:worker_threads'
import type { HostRequest } from './databricks-host.js'
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
    { command: 'deploy', cwd: root, manifest: 'dtflw.yaml', profile: 'test' },
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

/** Round trips of a cold deploy that must wait for the one before. */
const SERIAL_DEPLOY_REQUESTS = 6

/** `3 x GET /a, POST /b`: the requests of a case, by endpoint, in first-made order. */
function countRequests(requests: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const request of requests) {
    // One row for the table checks, whichever table each one asked about.
    const r = request.replace(/(\/unity-catalog\/tables\/)[^?\s]+/, '$1{name}')
    counts.set(r, (counts.get(r) ?? 0) + 1)
  }
  return [...counts].map(([r, n]) => (n > 1 ? `${n} x ${r}` : r)).join(', ')
}

/** Milliseconds of one deploy of a fresh root, and the requests it made. */
async function timedDeploy(
  root: string,
  server: Host,
  extra: Record<string, string> = {}
): Promise<{ ms: number; requests: number; made: string; uploaded: number }> {
  await server.ask({ op: 'delete', path: '/Workspace/Shared/bench' })
  const { engine, plan } = await engineOf(root, server, extra)
  await server.ask({ op: 'clear' })
  const start = performance.now()
  const result = await engine.deploy(plan, {})
  const ms = performance.now() - start
  const requests = (await server.ask({ op: 'requests' })) as string[]
  return {
    ms,
    requests: requests.length,
    made: countRequests(requests),
    uploaded: result.uploaded.length
  }
}

/**
 * The Databricks engine against a loopback workspace that adds 30 ms to
 * every request: a cold deploy of 200 notebooks against the same deploy
 * one upload at a time, a redeploy with nothing changed, and a 40-step
 * run against its critical path and against running the steps one by one.
 */
export async function benchDatabricks(): Promise<BenchResult[]> {
  const server = await startHost(LATENCY_MS)
  const results: BenchResult[] = []
  try {
    const wide = await pipeline(200, 'independent')
    // The client's default pacing (15 requests a second, as the Go SDK)
    // would hide the parallelism measured here: it is switched off, and the
    // paced figure is printed beside it.
    const off = { DTFLW_DATABRICKS_RATE_LIMIT: '0' }
    const parallel = await timedDeploy(wide, server, off)
    const serial = await timedDeploy(wide, server, {
      ...off,
      DTFLW_DATABRICKS_UPLOADS: '1'
    })
    const paced = await timedDeploy(wide, server)
    const ideal = Math.ceil(200 / 16) * LATENCY_MS
    // Requests that cannot overlap anything: read the state and listings,
    // create the folders, take the lock, list again, write the state,
    // release the lock. A deploy that skipped them would not be safe.
    const serialFloor = ideal + SERIAL_DEPLOY_REQUESTS * LATENCY_MS
    results.push({
      name: `cold deploy of 200 notebooks, ${LATENCY_MS} ms a request, 16 uploads in flight`,
      figures: {
        'parallel (ms)': Math.round(parallel.ms),
        'ceil(200 / 16) x 30 ms': ideal,
        'parallel / ceil(200 / 16) x 30 ms': Number(
          (parallel.ms / ideal).toFixed(2)
        ),
        [`plus ${SERIAL_DEPLOY_REQUESTS} serial requests x 30 ms`]: serialFloor,
        'parallel / that floor': Number((parallel.ms / serialFloor).toFixed(2)),
        'one upload at a time (ms)': Math.round(serial.ms),
        'speed-up': Number((serial.ms / parallel.ms).toFixed(1)),
        'with the default 15 requests/s pacing (ms)': Math.round(paced.ms),
        requests: parallel.requests,
        made: parallel.made
      },
      target:
        'within 1.5x of ceil(200 / 16) x 30 ms plus the serial state, folder and lock requests, and at least 8x faster than one at a time',
      passed: parallel.ms <= 1.5 * serialFloor && serial.ms / parallel.ms >= 8
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

    // A 40-step graph with random task durations.
    const graph = await pipeline(40, 'graph')
    let seed = 11
    const durations = new Map<string, number>()
    const duration = (key: string): number => {
      if (!durations.has(key)) {
        seed = (seed * 1103515245 + 12345) % 2147483648
        durations.set(key, 100 + Math.floor((seed / 2147483648) * 400))
      }
      return durations.get(key)!
    }
    await server.ask({ op: 'latency', ms: 0 })
    // Real tasks run for minutes, where the default pacing and a 1 s first
    // poll cost nothing; with tasks of 100-500 ms they would dominate, so
    // the scheduling is measured with pacing off and 20 ms polls.
    const run = await engineOf(graph, server, {
      DTFLW_DATABRICKS_RATE_LIMIT: '0',
      DTFLW_DATABRICKS_POLL_MS: '20'
    })
    await server.ask({
      op: 'durations',
      ms: Object.fromEntries(
        run.plan.steps.map((s) => [s.key, duration(s.key)])
      )
    })
    const deployed = await run.engine.deploy(run.plan, {})
    await server.ask({ op: 'clear' })
    const start = performance.now()
    await run.engine.run(run.plan, {
      runId: 'bench',
      runDir: path.join(graph, '.dtflw/runs/bench'),
      deployed,
      parallelism: 40,
      failFast: false,
      lazy: false,
      signal: new AbortController().signal,
      emit: () => undefined,
      mask: (text) => text,
      now: () => new Date()
    })
    const wall = performance.now() - start
    const runRequests = (await server.ask({ op: 'requests' })) as string[]
    const finish = new Map<string, number>()
    for (const step of run.plan.steps) {
      const after = Math.max(0, ...step.dependsOn.map((k) => finish.get(k)!))
      finish.set(step.key, after + duration(step.key))
    }
    const critical = Math.max(...finish.values())
    const sum = run.plan.steps.reduce((t, s) => t + duration(s.key), 0)
    results.push({
      name: '40-step run with random task durations (100-500 ms)',
      figures: {
        'wall (ms)': Math.round(wall),
        'critical path (ms)': critical,
        'one step after another, as dtflw did (ms)': sum,
        'wall / critical path': Number((wall / critical).toFixed(2)),
        made: countRequests(runRequests)
      },
      target: 'within 1.1x of the critical path',
      passed: wall <= 1.1 * critical
    })
    await rm(graph, { recursive: true, force: true })
  } finally {
    await server.ask({ op: 'close' })
  }
  return results
}
