import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (bench/ is compiled to lib/bench/). */
export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..'
)

/** The `dtflw` bin as npm installs it for users. */
export const dtflwBin = path.join(repoRoot, 'bin', 'dtflw.js')

/** The median of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Milliseconds of a fresh process, median of `samples`: what a user waits
 * for at a prompt or in a CI step (no warm JIT, no cached modules).
 */
export function coldMs(
  args: readonly string[],
  options: { cwd?: string; samples?: number; env?: NodeJS.ProcessEnv } = {}
): number {
  const times: number[] = []
  for (let i = 0; i < (options.samples ?? 7); i++) {
    const start = performance.now()
    const run = spawnSync(process.execPath, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe']
    })
    times.push(performance.now() - start)
    if (run.status !== 0) {
      throw new Error(
        `${args.join(' ')} exited ${run.status}: ${run.stderr.toString().slice(0, 500)}`
      )
    }
  }
  return median(times)
}
