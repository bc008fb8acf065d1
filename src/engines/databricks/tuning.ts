import { UsageError } from '../../diagnostics/index.js'
import { PUBLISHED_RATE_LIMITS, type RateLimits } from './api/index.js'

/**
 * What the `DTFLW_DATABRICKS_*` environment variables tune, read once at
 * the edge (README, "Tuning the Databricks engine"). Each has a default
 * that suits a real workspace; none switches pacing or checks off.
 */
export interface DatabricksTuning {
  /** `DTFLW_DATABRICKS_RATE_LIMIT`: requests a second per endpoint. */
  readonly rateLimits: RateLimits
  /** `DTFLW_DATABRICKS_RETRY_BUDGET`: how long a throttled request is retried. */
  readonly retryBudgetMs?: number
  /** `DTFLW_DATABRICKS_UPLOADS`: uploads in flight at once. */
  readonly uploads?: number
  /** `DTFLW_DATABRICKS_POLL_MS`: the first wait between polls of a run. */
  readonly pollMs?: number
  /** `DTFLW_DATABRICKS_MAX_TASKS`: tasks one run may hold (the Jobs API's 1,000). */
  readonly maxTasks: number
}

/** The Jobs API's limit of tasks in one job or one-time run. */
export const JOBS_MAX_TASKS = 1000

const ENDPOINT = /^[a-z0-9-]+(?:\/[A-Za-z0-9._-]+)+$/

/**
 * Reads the tuning variables; a value that cannot mean anything is a usage
 * error naming the variable, the value and what it accepts.
 */
export function readDatabricksTuning(
  env: Readonly<Record<string, string | undefined>>
): DatabricksTuning {
  const rate = env.DTFLW_DATABRICKS_RATE_LIMIT
  const budget = env.DTFLW_DATABRICKS_RETRY_BUDGET
  const uploads = env.DTFLW_DATABRICKS_UPLOADS
  const poll = env.DTFLW_DATABRICKS_POLL_MS
  const tasks = env.DTFLW_DATABRICKS_MAX_TASKS
  return {
    rateLimits: rate ? parseRateLimits(rate) : PUBLISHED_RATE_LIMITS,
    ...(budget
      ? { retryBudgetMs: parseBudget('DTFLW_DATABRICKS_RETRY_BUDGET', budget) }
      : {}),
    ...(uploads
      ? { uploads: wholeNumber('DTFLW_DATABRICKS_UPLOADS', uploads, 1) }
      : {}),
    ...(poll
      ? { pollMs: wholeNumber('DTFLW_DATABRICKS_POLL_MS', poll, 1) }
      : {}),
    maxTasks: tasks
      ? Math.min(
          JOBS_MAX_TASKS,
          wholeNumber('DTFLW_DATABRICKS_MAX_TASKS', tasks, 1)
        )
      : JOBS_MAX_TASKS
  }
}

/**
 * `DTFLW_DATABRICKS_RATE_LIMIT`: comma-separated `endpoint=rate` entries
 * over the published limits (`workspace/import=20`), `default=N` for the
 * endpoints not listed, and `total=N` (or a bare `N`, as the Go SDK's
 * `DATABRICKS_RATE_LIMIT`) for all requests together. Rates are requests
 * a second and must be positive: pacing cannot be switched off, since a
 * workspace answers 429 beyond its limits anyway.
 */
export function parseRateLimits(text: string): RateLimits {
  const endpoints: Record<string, number> = {
    ...PUBLISHED_RATE_LIMITS.endpoints
  }
  let fallback = PUBLISHED_RATE_LIMITS.default
  let total: number | undefined
  for (const raw of text.split(',')) {
    const entry = raw.trim()
    if (entry === '') continue
    const eq = entry.indexOf('=')
    const name = eq < 0 ? 'total' : entry.slice(0, eq).trim()
    const value = positive(eq < 0 ? entry : entry.slice(eq + 1).trim(), text)
    if (name === 'total') total = value
    else if (name === 'default') fallback = value
    else if (ENDPOINT.test(name)) endpoints[name] = value
    else
      throw new UsageError(
        `DTFLW_DATABRICKS_RATE_LIMIT: "${name}" is not an endpoint; name one as its API path without /api/<version>/ (e.g. workspace/import=20), or use default=N or total=N.`
      )
  }
  return {
    endpoints,
    default: fallback,
    ...(total === undefined ? {} : { total })
  }
}

function positive(value: string, whole: string): number {
  const n = Number(value)
  if (value !== '' && Number.isFinite(n) && n > 0) return n
  throw new UsageError(
    `DTFLW_DATABRICKS_RATE_LIMIT must give positive requests a second, e.g. "workspace/import=20,default=50" or "15"; got "${whole}" (pacing cannot be switched off).`
  )
}

/** `5m`, `30s`, `1500ms`, or plain seconds. */
function parseBudget(name: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim())
  if (match) {
    const n = Number(match[1])
    const unit = match[2] ?? 's'
    return n * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000)
  }
  throw new UsageError(
    `${name} must be a duration such as 5m, 90s or 500ms, got "${value}".`
  )
}

function wholeNumber(name: string, value: string, min: number): number {
  const n = Number(value)
  if (/^\d+$/.test(value.trim()) && n >= min) return n
  throw new UsageError(
    `${name} must be a whole number of at least ${min}, got "${value}".`
  )
}
