import { UsageError } from '../../diagnostics/index.js'
import type { ResolvedProfile } from '../../profiles/index.js'

/** Compute for notebook tasks (DESIGN: serverless unless the profile says). */
export type ComputeSpec =
  | { readonly kind: 'serverless' }
  | { readonly kind: 'existing'; readonly clusterId: string }
  | { readonly kind: 'new'; readonly spec: Readonly<Record<string, unknown>> }

/** What the Databricks engine reads from a profile, parsed once. */
export interface DatabricksSettings {
  /** `workspace.host`; the credentials chain may also supply it. */
  readonly host?: string
  /** `workspace.root`; undefined: under the caller's home folder. */
  readonly root?: string
  /** `workspace.profile`: a `~/.databrickscfg` section. */
  readonly configProfile?: string
  readonly compute: ComputeSpec
  /** The run's `timeout_seconds` (0 or absent: none). */
  readonly timeoutSeconds?: number
}

type Values = Readonly<Record<string, unknown>>

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/** The Databricks settings of a profile whose `engine` is `databricks`. */
export function readDatabricksSettings(
  profile: ResolvedProfile
): DatabricksSettings {
  const workspace = (profile.values.workspace ?? {}) as Values
  const compute = (profile.values.compute ?? {}) as Values
  const root = text(workspace.root)
  if (root !== undefined && !root.startsWith('/')) {
    throw new UsageError(
      `workspace.root of profile "${profile.name}" must be an absolute workspace folder (e.g. /Workspace/Shared/dtflw/\${pipeline}/\${profile}), got "${root}".`,
      profile.locate('workspace.root')
    )
  }
  const timeout = profile.values.timeout_seconds
  return {
    host: text(workspace.host),
    root: root?.replace(/\/+$/, ''),
    configProfile: text(workspace.profile),
    compute: text(compute.existing_cluster_id)
      ? { kind: 'existing', clusterId: text(compute.existing_cluster_id)! }
      : compute.new_cluster && typeof compute.new_cluster === 'object'
        ? { kind: 'new', spec: compute.new_cluster as Values }
        : { kind: 'serverless' },
    ...(typeof timeout === 'number' && timeout > 0
      ? { timeoutSeconds: timeout }
      : {})
  }
}
