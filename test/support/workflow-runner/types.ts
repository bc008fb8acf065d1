import type { ChildProcess } from 'node:child_process'

/** The world a workflow runs against. */
export interface RunnerWorld {
  /** The origin repository (bare), as a path. */
  readonly origin: string
  /** `owner/name`. */
  readonly repository: string
  /** A checkout of the JavaScript action each `uses:` names. */
  readonly actions: Readonly<Record<string, string>>
  readonly githubApiUrl: string
  readonly githubServerUrl: string
  /** The job token GitHub gives: a writable one or a read-only one. */
  readonly tokens: { readonly write: string; readonly read: string }
  /** Repository secrets, and those of each environment. */
  readonly secrets: {
    readonly repository: Readonly<Record<string, string>>
    readonly environments: Readonly<
      Record<string, Readonly<Record<string, string>>>
    >
  }
  /** Where a job with `id-token: write` asks for its OIDC token. */
  readonly idToken?: { readonly url: string; readonly token: string }
  /** Variables every job starts with (PATH, npm's registry settings, …). */
  readonly env: Readonly<Record<string, string>>
  /**
   * Where `npm ci` keeps the `node_modules` it installed, by the hash of
   * `package-lock.json`: a later `npm ci` of the same lock restores them
   * (hard links) instead of installing again, as a runner's dependency
   * cache would. Undefined: every `npm ci` installs.
   */
  readonly npmCiCache?: string
}

/** What started the workflow. */
export interface Trigger {
  readonly eventName: string
  readonly payload: Record<string, unknown>
  /** `GITHUB_SHA` and `GITHUB_REF`. */
  readonly sha: string
  readonly ref: string
  readonly actor?: string
  /** A fork's or Dependabot's run: no secrets, a read-only token. */
  readonly untrusted?: boolean
}

/** One step as it ran. */
export interface StepResult {
  readonly name: string
  readonly outcome: 'success' | 'failure' | 'skipped' | 'cancelled'
  readonly exitCode?: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Readonly<Record<string, string>>
  /** `::error`/`::warning`/`::notice` lines it printed. */
  readonly annotations: readonly string[]
  readonly summary: string
  readonly durationMs: number
}

/** One job as it ran. */
export interface JobResult {
  readonly id: string
  readonly result: 'success' | 'failure' | 'skipped' | 'cancelled'
  readonly steps: readonly StepResult[]
  /** The runner's warnings about the workflow (unknown inputs, …). */
  readonly warnings: readonly string[]
  /** The job's workspace (`GITHUB_WORKSPACE`). */
  readonly workspace?: string
}

/** A workflow run under way; `cancel()` is the "Cancel workflow" button. */
export interface WorkflowRun {
  readonly done: Promise<readonly JobResult[]>
  /** SIGINT to the running step, SIGTERM after 7.5 s, then post steps. */
  cancel(): void
  /** Called as each step starts, with its process when it has one. */
  onStep?: (job: string, step: string, child?: ChildProcess) => void
}

/** A step as the workflow file writes it. */
export interface StepDef {
  readonly id?: string
  readonly name?: string
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, unknown>
  readonly env?: Record<string, unknown>
  readonly if?: string | boolean
  readonly 'continue-on-error'?: boolean
  readonly shell?: string
}

/** A job as the workflow file writes it. */
export interface JobDef {
  readonly name?: string
  readonly needs?: string | string[]
  readonly if?: string | boolean
  readonly env?: Record<string, unknown>
  readonly permissions?: Record<string, string> | string
  readonly environment?: string | { name: string }
  readonly steps: StepDef[]
  readonly 'timeout-minutes'?: number
}

/** A workflow file. */
export interface WorkflowDef {
  readonly name?: string
  readonly on: unknown
  readonly env?: Record<string, unknown>
  readonly permissions?: Record<string, string> | string
  readonly jobs: Record<string, JobDef>
}
