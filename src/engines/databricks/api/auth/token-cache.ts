import type { AccessToken } from './types.js'

/** The client's single cached access token. */
export interface TokenCache {
  /** A token valid for a while yet; fetches one when needed (one at a time). */
  get(): Promise<string>
  /** Forgets the token, e.g. after the API answered 401 to it. */
  invalidate(): void
  /** The token currently held, for redaction. */
  current(): string | undefined
}

/** Refresh at most this long before expiry (the SDKs use a few minutes). */
const MAX_REFRESH_MARGIN_MS = 5 * 60_000

/**
 * Caches what `fetch` returns and fetches again when the token has less
 * than min(5 min, half its lifetime) left, so a run longer than one token's
 * life (an hour for OAuth) never sends an expired token and a short-lived
 * token is not refetched on every call. Concurrent callers share one fetch.
 */
export function createTokenCache(
  fetch: () => Promise<AccessToken>,
  now: () => number,
  onToken: (value: string) => void
): TokenCache {
  let held: { value: string; refreshAt: number } | undefined
  let inFlight: Promise<string> | undefined
  const load = async (): Promise<string> => {
    const obtainedAt = now()
    const token = await fetch()
    onToken(token.value)
    const lifetime =
      token.expiresInSeconds === undefined
        ? Infinity
        : token.expiresInSeconds * 1000
    const margin = Math.min(MAX_REFRESH_MARGIN_MS, lifetime / 2)
    held = { value: token.value, refreshAt: obtainedAt + lifetime - margin }
    return token.value
  }
  return {
    get() {
      if (held !== undefined && now() < held.refreshAt)
        return Promise.resolve(held.value)
      inFlight ??= load().finally(() => {
        inFlight = undefined
      })
      return inFlight
    },
    invalidate() {
      held = undefined
    },
    current: () => held?.value
  }
}
