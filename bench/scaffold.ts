import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchResult } from './types.js'

/** The repository root: this file runs as lib/bench/scaffold.js. */
const root = fileURLToPath(new URL('../../', import.meta.url))
const createBin = path.join(root, 'bin', 'create-dtflw-pipeline.js')

/** Milliseconds from spawn to exit of one process; throws if it fails. */
function timeProcess(args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(process.execPath, args, { cwd, stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', (code) => {
      const ms = performance.now() - start
      if (code === 0) resolve(ms)
      else reject(new Error(`${args.join(' ')} exited ${code}`))
    })
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * `create-dtflw-pipeline demo --yes --skip-install`: the time a user waits
 * before the files are there (Yeoman's environment included, npm install
 * excluded), median of 5 new processes, next to a bare `node -e 0`.
 */
export async function benchScaffold(): Promise<BenchResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-bench-scaffold-'))
  try {
    const bare: number[] = []
    const scaffold: number[] = []
    for (let i = 0; i < 5; i++) {
      bare.push(await timeProcess(['-e', '0'], dir))
      scaffold.push(
        await timeProcess(
          [createBin, `demo${i}`, '--yes', '--skip-install'],
          dir
        )
      )
    }
    const ms = median(scaffold)
    return [
      {
        name: 'scaffold a pipeline repository, no install (median of 5 processes)',
        figures: {
          'create-dtflw-pipeline ms': Math.round(ms),
          'node -e 0 ms': Math.round(median(bare)),
          ratio: Number((ms / median(bare)).toFixed(1))
        },
        target: 'under 2,000 ms',
        passed: ms < 2000
      }
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
