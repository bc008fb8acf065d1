import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { coldOnceMs, median, repoRoot } from './cold.js'
import type { BenchResult } from './types.js'

const createBin = path.join(repoRoot, 'bin', 'create-dtflw-pipeline.js')

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
      bare.push(coldOnceMs(['-e', '0'], { cwd: dir }))
      scaffold.push(
        coldOnceMs([createBin, `demo${i}`, '--yes', '--skip-install'], {
          cwd: dir
        })
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
