/**
 * What `main` leaves for `post` (another process, run even when the job
 * was cancelled): the Databricks run it started, until that run ended.
 * Written with `core.saveState`, read from `STATE_<key>` in post.
 */
export const STATE_REMOTE_RUN = 'remote-run'

/** The remote run `post` cancels when `main` did not see it end. */
export interface RemoteRunState {
  readonly remoteRunId: string
  readonly profile: string
  readonly cwd: string
  readonly manifest?: string
}

/** The state `post` reads, or undefined when there is nothing to cancel. */
export function readRemoteRunState(
  env: Readonly<Record<string, string | undefined>>
): RemoteRunState | undefined {
  const raw = env[`STATE_${STATE_REMOTE_RUN}`]
  if (!raw) return undefined
  try {
    const value = JSON.parse(raw) as Partial<RemoteRunState>
    return typeof value.remoteRunId === 'string' &&
      typeof value.profile === 'string' &&
      typeof value.cwd === 'string'
      ? (value as RemoteRunState)
      : undefined
  } catch {
    return undefined
  }
}
