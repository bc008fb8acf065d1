import { parseJsonRecord } from '../io/index.js'

/**
 * What `main` leaves for `post` (another process, run even when the job
 * was cancelled): the Databricks run it started, until that run ended.
 * Written with `core.saveState`, read from `STATE_<key>` in post.
 */
export const STATE_REMOTE_RUN = 'remote-run'

/** The remote run `post` cancels when `main` did not see it end. */
export interface RemoteRunState {
  /** The last run submitted. */
  readonly remoteRunId: string
  /** Every run submitted, when the flow ran as several (first to last). */
  readonly remoteRunIds?: readonly string[]
  readonly profile: string
  readonly cwd: string
  readonly manifest?: string
}

/** The state `post` reads, or undefined when there is nothing to cancel. */
export function readRemoteRunState(
  env: Readonly<Record<string, string | undefined>>
): RemoteRunState | undefined {
  return parseJsonRecord<RemoteRunState>(env[`STATE_${STATE_REMOTE_RUN}`], [
    'remoteRunId',
    'profile',
    'cwd'
  ])
}
