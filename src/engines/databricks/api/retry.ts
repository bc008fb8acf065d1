import { DatabricksApiError, DatabricksNetworkError } from './errors.js'

/** How hard to try: the total time is bounded, and optionally the attempts. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default: as many as the budget allows). */
  readonly maxAttempts: number
  /** Wall time from the first attempt after which no retry starts. */
  readonly budgetMs: number
  /** The first backoff; it doubles per attempt up to `maxDelayMs`. */
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

/**
 * The SDKs' policy: keep trying for 5 minutes (the Go and Python SDKs'
 * default budget), waiting what Retry-After says or backing off from 1 s
 * to 10 s (their cap), however many attempts that takes.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: Infinity,
  budgetMs: 5 * 60_000,
  baseDelayMs: 1000,
  maxDelayMs: 10_000
}

/** Time and randomness, injected so tests run without waiting. */
export interface RetryClock {
  readonly now: () => number
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** In [0, 1). */
  readonly random: () => number
}

/** What a request must declare for `mayReplay`. */
export interface ReplayFacts {
  readonly method: string
  /** The endpoint is idempotent: sending it twice leaves the same state. */
  readonly idempotent?: boolean
  /** The body carries an `idempotency_token`. */
  readonly idempotencyToken?: string
}

/**
 * Whether a request may be sent again after a failure whose outcome we do
 * not know (a reset connection may have reached the server). GET and HEAD
 * read. A POST may be replayed only when a second copy cannot change
 * anything: endpoints that are idempotent by definition (`mkdirs`, `delete`,
 * `cancel`, `import` with overwrite), or a request that carries an
 * idempotency token, which makes the server return the first result
 * (`runs/submit`: same token, same `run_id`, never a second run). A
 * `runs/submit` without a token is never retried: a lost answer would
 * otherwise start the flow twice.
 */
export function mayReplay(request: ReplayFacts): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true
  if (request.idempotencyToken !== undefined && request.idempotencyToken !== '')
    return true
  return request.idempotent === true
}

/** Messages of transient failures the SDKs retry whatever the status. */
const TRANSIENT_MESSAGES: readonly RegExp[] = [
  /UnknownWorkerEnvironmentException/,
  /does not have any associated worker environments/,
  /There is no worker environment with id/,
  /Unknown worker environment/,
  /ClusterNotReadyException/,
  /worker env .* not found/,
  /Timed out after /,
  /deadline exceeded/,
  /Please try again later or try a faster operation\./,
  /RPC token bucket limit has been exceeded/
]

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504])

/**
 * True for failures worth another attempt: 429, 500, 502, 503, 504, the
 * SDKs' transient messages, and connections that were reset or timed out.
 * A refused connection or an unknown host is a wrong host, not a blip.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof DatabricksApiError) {
    if (RETRYABLE_STATUS.has(error.status)) return true
    return TRANSIENT_MESSAGES.some((re) => re.test(error.apiMessage))
  }
  if (error instanceof DatabricksNetworkError)
    return error.failure === 'reset' || error.failure === 'timeout'
  return false
}

/**
 * True for an answer that says the workspace did not act on the request:
 * 429 (over a rate limit) and 503 (not available) are given before any
 * work is done, so sending the request again cannot do anything twice,
 * whatever the request. A lost answer, a 500 or a 504 may come after the
 * work was done: only a replayable request is sent again after those.
 */
export function wasNotActedOn(error: unknown): boolean {
  return (
    error instanceof DatabricksApiError &&
    (error.status === 429 || error.status === 503)
  )
}

/**
 * The wait before attempt `attempt + 1`. An integer `Retry-After` (what
 * Databricks sends with 429 and 503) is honoured, plus up to 500 ms of
 * jitter so parallel clients do not return in step. Otherwise exponential
 * backoff with jitter: half the step, plus up to the other half at random.
 */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  random: () => number
): number {
  if (
    error instanceof DatabricksApiError &&
    error.retryAfterSeconds !== undefined
  )
    return error.retryAfterSeconds * 1000 + Math.floor(random() * 500)
  const step = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.max(0, attempt - 1)
  )
  return Math.floor(step / 2 + random() * (step / 2))
}

/** Options of one `withRetries`. */
export interface WithRetriesOptions {
  /** From `mayReplay`: whether a failure after which the work may have been done is retried. */
  readonly replayable: boolean
  readonly policy: RetryPolicy
  readonly clock: RetryClock
  readonly signal?: AbortSignal
}

/**
 * Runs `attempt(1)`, `attempt(2)`, … until one succeeds or the failure is
 * final: not retryable, retryable but possibly acted on by a request that
 * may not be replayed, past the attempts, or with a next wait that would
 * end past the time budget. The last failure is thrown as it is, so the
 * caller sees the real cause.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  options: WithRetriesOptions
): Promise<T> {
  const { policy, clock } = options
  const started = clock.now()
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      const again =
        wasNotActedOn(error) || (options.replayable && isRetryable(error))
      if (!again) throw error
      if (n >= policy.maxAttempts) throw error
      const delay = retryDelayMs(error, n, policy, clock.random)
      if (clock.now() - started + delay > policy.budgetMs) throw error
      if (options.signal?.aborted) throw error
      await clock.sleep(delay, options.signal)
    }
  }
}
