import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { coldMs, dtflwBin, median, repoRoot } from './cold.js'
import type { BenchResult } from './types.js'

/**
 * What users wait for: cold processes of the `dtflw` bin, each a fresh
 * process, medians of 7, beside `node -e 0` measured in the same run.
 * (5,000 and 20,000 steps from the command line: the planning suite.)
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
