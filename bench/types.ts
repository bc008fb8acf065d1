/** One benchmark's figures, as `npm run bench` prints them. */
export interface BenchResult {
  readonly name: string
  readonly figures: Readonly<Record<string, number | string>>
  /** Whether the target was met, when the benchmark has one. */
  readonly passed?: boolean
  readonly target?: string
}

/** Milliseconds taken by `fn`, best of `repeat` runs (noise only adds time). */
export async function timeBest(
  repeat: number,
  fn: () => unknown | Promise<unknown>
): Promise<number> {
  let best = Infinity
  for (let i = 0; i < repeat; i++) {
    const start = performance.now()
    await fn()
    best = Math.min(best, performance.now() - start)
  }
  return best
}
