import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { coldMs, dtflwBin, median, repoRoot } from './cold.js'
import { generateManifest } from './synthetic-repo.js'
import type { BenchResult } from './types.js'

/** A pipeline repository of `steps` generated steps, notebooks included. */
async function generatedRepo(steps: number): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), `dtflw-bench-${steps}-`))
  await writeFile(path.join(root, 'dtflw.yaml'), generateManifest(steps))
  await mkdir(path.join(root, 'profiles'))
  await writeFile(
    path.join(root, 'profiles/development.yaml'),
    [
      'engine: local',
      'variables: { day: "2026-11-21" }',
      'tables: { layout: catalog, catalog: c, schema: s }',
      'sources:',
      '  raw: { table: x.y.raw }',
      ''
    ].join('\n')
  )
  for (let i = 0; i < steps; i++) {
    const dir = path.join(root, `notebooks/area${i % 50}`)
    if (i < 50) await mkdir(dir, { recursive: true })
    await writeFile(
      path.join(dir, `step${i}.py`),
      '# Databricks notebook source\nprint(dbutils.widgets.get("day"))\n'
    )
  }
  return root
}

/**
 * What users wait for: cold processes of the `dtflw` bin, each a fresh
 * process, medians of 7, beside `node -e 0` measured in the same run.
 */
export async function benchStartup(): Promise<BenchResult[]> {
  const sample = path.join(repoRoot, 'examples/sales')
  const node = coldMs(['-e', '0'])
  const validate = coldMs([dtflwBin, 'validate'], { cwd: sample })
  const plan = coldMs([dtflwBin, 'plan', '--profile', 'development'], {
    cwd: sample
  })
  const results: BenchResult[] = [
    {
      name: 'dtflw validate on examples/sales, cold',
      figures: {
        'node -e 0 (ms)': Math.round(node),
        'dtflw validate (ms)': Math.round(validate),
        'dtflw plan (ms)': Math.round(plan),
        'validate / node -e 0': Number((validate / node).toFixed(2))
      },
      target: 'under 250 ms, or under 2.5x node -e 0',
      passed: validate < 250 || validate / node < 2.5
    }
  ]
  const sizes = [5000, 20000]
  const times: Record<number, { validate: number; plan: number }> = {}
  for (const steps of sizes) {
    const root = await generatedRepo(steps)
    try {
      times[steps] = {
        validate: coldMs([dtflwBin, 'validate'], { cwd: root, samples: 5 }),
        plan: coldMs([dtflwBin, 'plan', '--profile', 'development'], {
          cwd: root,
          samples: 5
        })
      }
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  }
  const [small, large] = sizes.map((s) => times[s])
  results.push({
    name: 'validate and plan of 5,000 steps from the command line, cold',
    figures: {
      'validate (ms)': Math.round(small.validate),
      'plan (ms)': Math.round(small.plan)
    },
    target: 'under 1,000 ms each',
    passed: small.validate < 1000 && small.plan < 1000
  })
  const growth = Math.max(
    large.validate / small.validate,
    large.plan / small.plan
  )
  results.push({
    name: 'from 5,000 to 20,000 steps (4x the steps), cold',
    figures: {
      'validate at 20,000 (ms)': Math.round(large.validate),
      'plan at 20,000 (ms)': Math.round(large.plan),
      'worst ratio': Number(growth.toFixed(2))
    },
    target: 'under 4x the 5,000-step time',
    passed: growth < 4
  })
  return results
}

/**
 * Milliseconds from spawning `node dist/action/index.js` (as a runner
 * does, nothing installed beside it) to its first request to the
 * workspace: a deploy of the sample to a loopback server that answers 404.
 */
async function actionToFirstRequest(): Promise<number> {
  let seen: (() => void) | undefined
  const server = createServer((_req, res) => {
    seen?.()
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end('{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"no"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  try {
    const start = performance.now()
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'dist/action/index.js')],
      {
        cwd: path.join(repoRoot, 'examples/sales'),
        env: {
          PATH: process.env.PATH ?? '',
          INPUT_COMMAND: 'deploy',
          INPUT_PROFILE: 'test',
          DATABRICKS_HOST: `http://127.0.0.1:${port}`,
          DATABRICKS_TOKEN: 'bench-token'
        },
        stdio: 'ignore'
      }
    )
    await new Promise<void>((resolve) => (seen = resolve))
    const ms = performance.now() - start
    child.kill('SIGKILL')
    return ms
  } finally {
    server.close()
  }
}

/** The Action: start-up to its first HTTP request, and the bundle's size. */
export async function benchAction(): Promise<BenchResult[]> {
  const node = coldMs(['-e', '0'])
  const samples: number[] = []
  for (let i = 0; i < 7; i++) samples.push(await actionToFirstRequest())
  const firstRequest = median(samples)
  // Everything a runner loads: the entry and the chunks it imports.
  const folder = path.join(repoRoot, 'dist/action')
  const files = (await readdir(folder, { recursive: true })).filter((f) =>
    f.endsWith('.js')
  )
  let bytes = 0
  for (const file of files) bytes += (await stat(path.join(folder, file))).size
  return [
    {
      name: 'the Action from spawn to its first request to the workspace',
      figures: {
        'node -e 0 (ms)': Math.round(node),
        'dist/action/index.js (ms)': Math.round(firstRequest)
      },
      target: 'under 300 ms median',
      passed: firstRequest < 300
    },
    {
      name: 'the Action bundle',
      figures: {
        'dist/action/index.js (MB)': Number((bytes / 1e6).toFixed(2))
      },
      target: 'under 2 MB',
      passed: bytes < 2e6
    }
  ]
}
