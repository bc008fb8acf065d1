/** One benchmark's figures, as `npm run bench` prints them. */
export interface BenchResult {
  readonly name: string
  readonly figures: Readonly<Record<string, number | string>>
  /** Whether the target was met, when the benchmark has one. */
  readonly passed?: boolean
  readonly target?: string
}

/** Milliseconds of each of `repeat` runs of `fn`. */
async function timeEach(
  repeat: number,
  fn: () => unknown | Promise<unknown>
): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < repeat; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return times
}

/** Milliseconds taken by `fn`, best of `repeat` runs (noise only adds time). */
export async function timeBest(
  repeat: number,
  fn: () => unknown | Promise<unknown>
): Promise<number> {
  return Math.min(...(await timeEach(repeat, fn)))
}

/**
 * Milliseconds taken by `fn`, median of `repeat` runs: for comparing sizes
 * whose runs differ in kind, where the best of a small one is the rare run
 * that no garbage collection met and the large one has none such.
 */
export async function timeMedian(
  repeat: number,
  fn: () => unknown | Promise<unknown>
): Promise<number> {
  const times = (await timeEach(repeat, fn)).sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}
