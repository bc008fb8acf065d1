/** Client-side pacing of requests. */
export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  acquire(signal?: AbortSignal): Promise<void>
}

/** Settings of the token bucket. */
export interface RateLimitOptions {
  /** Sustained rate; the Go SDK's default is 15. */
  readonly requestsPerSecond: number
  /** Requests that may go at once after a quiet spell; default the rate. */
  readonly burst?: number
  readonly now: () => number
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

/**
 * A token bucket that refills at `requestsPerSecond` up to `burst`. Each
 * caller reserves a token synchronously (the count may go negative) and
 * then sleeps until its token exists, so waiters are served in arrival
 * order and no caller polls.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const rate = options.requestsPerSecond
  if (!(rate > 0) || !Number.isFinite(rate)) return { acquire: async () => {} }
  const burst = Math.max(1, options.burst ?? Math.ceil(rate))
  let tokens = burst
  let last = options.now()
  return {
    async acquire(signal) {
      const now = options.now()
      tokens = Math.min(burst, tokens + ((now - last) * rate) / 1000)
      last = now
      tokens -= 1
      if (tokens >= 0) return
      await options.sleep(Math.ceil((-tokens * 1000) / rate), signal)
    }
  }
}
