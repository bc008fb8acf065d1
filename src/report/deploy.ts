/** What putting a plan's notebooks where the engine runs them did. */
export interface DeployResult {
  /** Where the notebooks are: a workspace folder, or the local repository. */
  readonly root: string
  /** Notebooks (repository paths) uploaded because they were new or changed. */
  readonly uploaded: readonly string[]
  /** Remote notebooks deleted because they left the manifest. */
  readonly removed: readonly string[]
  /** Notebooks already there with the same content. */
  readonly unchanged: readonly string[]
  /**
   * dtflw's own files deployed beside the notebooks (a preview's data diff
   * notebook), uploaded or already there; the lists above are the
   * repository's.
   */
  readonly ownFiles?: readonly string[]
  /** The deploy's own requests to the platform, where it counts them. */
  readonly requests?: number
  /** SHA-256 of every deployed notebook by repository path (promotion evidence). */
  readonly hashes?: Readonly<Record<string, string>>
  /** True for `--dry-run`: nothing was written. */
  readonly dryRun?: boolean
  /**
   * Set when the deploy took over another holder's lock: who held it and
   * why it could be taken (`expired`, `rerun` of the same CI run,
   * `forced` with --force-lock, `unreadable`).
   */
  readonly lockTakenOver?: {
    readonly holder: string
    readonly reason: string
  }
}
