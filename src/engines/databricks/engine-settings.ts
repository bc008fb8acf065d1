import { homedir, hostname, userInfo } from 'node:os'
import { formatLine } from '../../diagnostics/index.js'
import { readDiffBudget } from '../../diff/index.js'
import { placesPreviewItself } from '../../flow/index.js'
import type { ResolvedProfile } from '../../profiles/index.js'
import type { LockHolder } from './lock.js'
import type { PreviewPlacement } from './preview-schema.js'
import { readDatabricksSettings } from './settings.js'
import type { DatabricksSettings } from './settings.js'
import { readDatabricksTuning } from './tuning.js'
import type { DatabricksTuning } from './tuning.js'

/**
 * What the Databricks engine takes from a profile and the environment,
 * read once where the engine is built (`readDatabricksEngineSettings`).
 * Below it nothing reads `process.env` or the profile's values; only the
 * credentials chain reads the `DATABRICKS_*` variables, as the official
 * SDKs do.
 */
export interface DatabricksEngineSettings extends DatabricksSettings {
  /** The profile's name, which the default workspace root ends with. */
  readonly profileName: string
  /** How messages name `workspace.host`: the profile and its `file:line`. */
  readonly hostName: string
  /** The `DTFLW_DATABRICKS_*` variables. */
  readonly tuning: DatabricksTuning
  /** Who holds a deploy lock: in CI the workflow run (a rerun takes its lock over), else the machine's user. */
  readonly holder: LockHolder
  /** In a GitHub Actions job (`GITHUB_ACTIONS`): requests say so. */
  readonly githubActions: boolean
  /** Where `~/.databrickscfg` is looked for (`HOME`). */
  readonly homeDir: string
  /**
   * Where previews put their tables, when dtflw places them under the
   * catalog layout: each preview's schema is made by its deploy and
   * dropped by its cleanup.
   */
  readonly previews?: PreviewPlacement
  /** A preview's deploy carries the data diff notebook (`diff:` is not false). */
  readonly previewDiff: boolean
}

/**
 * The Databricks engine's settings of a profile whose `engine` is
 * `databricks`; a value that cannot mean anything is a usage error naming
 * the profile's `file:line` or the variable.
 */
export function readDatabricksEngineSettings(
  profile: ResolvedProfile,
  env: Readonly<Record<string, string | undefined>>
): DatabricksEngineSettings {
  const hostAt = profile.locate('workspace.host')
  return {
    ...readDatabricksSettings(profile),
    profileName: profile.name,
    hostName: `workspace.host of profile "${profile.name}"${hostAt ? ` (${formatLine(hostAt)})` : ''}`,
    tuning: readDatabricksTuning(env),
    holder: planLockHolder(env),
    githubActions: env.GITHUB_ACTIONS === 'true',
    homeDir: env.HOME ?? homedir(),
    ...previewsOf(profile),
    previewDiff: readDiffBudget(profile) !== false
  }
}

/** The profile's preview placement, when dtflw makes the schemas. */
function previewsOf(profile: ResolvedProfile): {
  previews?: PreviewPlacement
} {
  const { tables } = profile
  if (tables.layout !== 'catalog' || placesPreviewItself(profile)) return {}
  const catalogAt = profile.locate('tables.catalog')
  return {
    previews: {
      catalog: tables.catalog,
      schema: tables.schema,
      ...(catalogAt ? { catalogAt } : {})
    }
  }
}

/**
 * Who deploys, without a request: in CI the workflow run (`GITHUB_*`),
 * else the machine's user.
 */
function planLockHolder(
  env: Readonly<Record<string, string | undefined>>
): LockHolder {
  if (!env.GITHUB_RUN_ID) return { owner: `${localUser()}@${hostname()}` }
  const run = `${env.GITHUB_REPOSITORY ?? ''} run ${env.GITHUB_RUN_ID}`
  return {
    owner: `${env.GITHUB_ACTOR ?? 'github-actions'} (GitHub ${run}${env.GITHUB_RUN_ATTEMPT ? ` attempt ${env.GITHUB_RUN_ATTEMPT}` : ''})`,
    ciRun: run,
    attempt: Number(env.GITHUB_RUN_ATTEMPT ?? 1) || 1
  }
}

function localUser(): string {
  try {
    return userInfo().username
  } catch {
    return 'someone'
  }
}
