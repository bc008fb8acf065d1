import type { Diagnostic } from '../diagnostics/index.js'
import {
  hasErrors,
  InvalidConfigError,
  warningAt
} from '../diagnostics/index.js'
import type { Flow } from '../flow/index.js'
import { buildFlow } from '../flow/index.js'
import type { Manifest } from '../manifest/index.js'
import { readManifest } from '../manifest/index.js'
import type { ProvenancedValue, ResolvedProfile } from '../profiles/index.js'
import { loadProfile } from '../profiles/index.js'
import type { CommandDeps } from './deps.js'

/** A manifest and its validated flow. */
export interface Project {
  readonly manifest: Manifest
  readonly flow: Flow
  readonly warnings: readonly Diagnostic[]
}

/**
 * Loads the manifest and builds its flow; throws `InvalidConfigError` with
 * the manifest's and the flow's problems together.
 */
export async function loadProject(
  manifestPath: string,
  cwd: string
): Promise<Project> {
  const { manifest, diagnostics } = await readManifest(manifestPath, cwd)
  const built = manifest ? buildFlow(manifest) : undefined
  const all = [...diagnostics, ...(built?.diagnostics ?? [])]
  if (!manifest || !built?.flow || hasErrors(all)) {
    throw new InvalidConfigError(all)
  }
  return { manifest, flow: built.flow, warnings: all }
}

/**
 * Profile sections only deploy and run read. An unset variable there must
 * not stop the offline commands (validate, plan, explain, lineage), which
 * run without credentials: it becomes a warning for them.
 */
const DEPLOY_ONLY = ['workspace', 'compute']

/** True for a profile value only deploy and run read. */
export const isDeployOnly = (leafPath: string): boolean =>
  DEPLOY_ONLY.some((p) => leafPath === p || leafPath.startsWith(`${p}.`))

/**
 * A profile for a command that runs nothing: unset variables in the
 * sections only deploy and run need are warnings naming them; anywhere else
 * they are the loader's usual error.
 */
export async function loadOfflineProfile(
  project: Project,
  name: string,
  deps: CommandDeps,
  extra: { gitSha?: string; preview?: string } = {}
): Promise<{ profile: ResolvedProfile; warnings: Diagnostic[] }> {
  const profile = await loadProjectProfile(project, name, deps, {
    ...extra,
    allowUnsetEnv: true
  })
  const unresolved = profile.leaves.filter((leaf) => leaf.unresolved)
  if (unresolved.some((leaf) => !isDeployOnly(leaf.path))) {
    // Reload strictly for the loader's own message about the culprit.
    await loadProjectProfile(project, name, deps, extra)
  }
  return { profile, warnings: unresolved.map(unsetForDeploy) }
}

/** The warning about an unset variable only deploy and run need. */
export function unsetForDeploy(leaf: ProvenancedValue): Diagnostic {
  const names = leaf.env.length > 0 ? leaf.env.join(', ') : 'a variable'
  return warningAt(
    'unset-for-deploy',
    `${leaf.path}: ${names} ${leaf.env.length > 1 ? 'are' : 'is'} not set; deploy and run need ${leaf.env.length > 1 ? 'them' : 'it'}: set ${names} in the environment or .env.`,
    leaf.from[0]
  )
}

/** Loads one profile of a project with the template context of this run. */
export async function loadProjectProfile(
  project: Project,
  name: string,
  deps: CommandDeps,
  extra: { gitSha?: string; preview?: string; allowUnsetEnv?: boolean } = {}
): Promise<ResolvedProfile> {
  const profile = await loadProfile({
    root: project.manifest.root,
    profilesDir: project.manifest.profilesDir,
    name,
    context: {
      env: deps.env,
      pipeline: project.manifest.pipeline,
      gitSha: extra.gitSha,
      preview: extra.preview
    },
    allowUnsetEnv: extra.allowUnsetEnv
  })
  // Every secret a loaded profile holds is masked from here on, in every
  // output of every command (explain and widgets load profiles too).
  for (const value of profile.secretValues) deps.onSecret?.(value)
  return profile
}
