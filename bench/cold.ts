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
 * Milliseconds of one fresh process, spawn to exit: what a user waits for
 * at a prompt or in a CI step (no warm JIT, no cached modules). Its output
 * goes nowhere (a plan of 20,000 steps is megabytes of text); a failure
 * throws with what it printed on stderr.
 */
export function coldOnceMs(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}
): number {
  const start = performance.now()
  const run = spawnSync(process.execPath, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  const ms = performance.now() - start
  if (run.status !== 0) {
    throw new Error(
      `${args.join(' ')} exited ${run.status}: ${run.stderr.toString().slice(0, 500)}`
    )
  }
  return ms
}

/** The median of `samples` fresh processes (default 7). */
export function coldMs(
  args: readonly string[],
  options: { cwd?: string; samples?: number; env?: NodeJS.ProcessEnv } = {}
): number {
  const times = Array.from({ length: options.samples ?? 7 }, () =>
    coldOnceMs(args, options)
  )
  return median(times)
}
