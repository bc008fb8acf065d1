import { errorReply } from './respond.js'
import type { Reply } from './types.js'

/** Requests a second a workspace accepts, per endpoint family. */
export interface ServerRateLimits {
  /** By family: the path without `/api/<version>/` and object names. */
  readonly endpoints: Readonly<Record<string, number>>
  /** Every other endpoint. */
  readonly default: number
}

/**
 * The per-workspace limits Databricks publishes (requests a second):
 * `workspace/import` 30, `workspace/export` 60, `jobs/runs/submit` 35,
 * `jobs/runs/get` 100, most others 100.
 */
export const PUBLISHED_LIMITS: ServerRateLimits = {
  endpoints: {
    'workspace/import': 30,
    'workspace/export': 60,
    'jobs/runs/submit': 35,
    'jobs/runs/get': 100
  },
  default: 100
}

/** The endpoint a path counts against (`unity-catalog/tables/x` → `unity-catalog/tables`). */
export function familyOf(path: string): string {
  const bare = path.replace(/^\/api\/\d+\.\d+\//, '').replace(/^\/+/, '')
  const object =
    /^(unity-catalog\/tables|unity-catalog\/schemas|fs\/files|fs\/directories)\//.exec(
      bare
    )
  return object ? object[1] : bare
}

/** Admits requests or answers 429, per endpoint family. */
export interface RateGate {
  /** A 429 reply when the family is over its limit, else undefined. */
  admit(path: string): Reply | undefined
}

/**
 * A token bucket per endpoint family, holding one second's worth of
 * requests and refilled at the limit: beyond it, 429
 * `REQUEST_LIMIT_EXCEEDED` with an integer `Retry-After` (seconds until a
 * request would pass, at least 1), as a workspace answers.
 */
export function createRateGate(
  limits: () => ServerRateLimits | undefined,
  now: () => number = () => performance.now()
): RateGate {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    admit(path) {
      const current = limits()
      if (current === undefined) return undefined
      const family = familyOf(path)
      const rate = current.endpoints[family] ?? current.default
      const t = now()
      const bucket = buckets.get(family) ?? { tokens: rate, at: t }
      bucket.tokens = Math.min(
        rate,
        bucket.tokens + ((t - bucket.at) * rate) / 1000
      )
      bucket.at = t
      buckets.set(family, bucket)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return undefined
      }
      const reply = errorReply(
        429,
        'REQUEST_LIMIT_EXCEEDED',
        `Too many requests to ${family}: the limit is ${rate} a second. Please wait a moment and try again.`
      )
      return {
        ...reply,
        headers: {
          ...reply.headers,
          'retry-after': String(
            Math.max(1, Math.ceil((1 - bucket.tokens) / rate))
          )
        }
      }
    }
  }
}
