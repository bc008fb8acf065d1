import type { RunStatus } from './types.js'

/**
 * The evidence a run leaves in its environment's workspace, so a later
 * environment of the promotion chain accepts exactly what passed here:
 * `<root>/.dtflw/builds/<sha>/<run-id>.json`, created once and never
 * rewritten.
 */
export interface BuildRecord {
  readonly schemaVersion: 1
  readonly pipeline: string
  readonly profile: string
  readonly gitSha: string
  /** Content hash (SHA-256) of every deployed notebook, by repository path. */
  readonly notebooks: Readonly<Record<string, string>>
  /** Content hash of `dtflw.yaml` as run. */
  readonly manifestHash: string
  /** Hash of the resolved profile's values. */
  readonly profileHash: string
  readonly runId: string
  readonly status: RunStatus
  readonly runUrl?: string
  readonly remoteRunId?: string
  /** Who ran it: the Databricks identity and, in CI, the GitHub actor. */
  readonly who: { readonly databricks?: string; readonly github?: string }
  readonly at: string
  readonly toolVersion: string
}

/** Where builds of a sha are recorded, relative to a workspace root. */
export function buildRecordFolder(sha: string): string {
  return `.dtflw/builds/${sha}`
}
