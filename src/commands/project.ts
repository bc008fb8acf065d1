import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import {
  hasErrors,
  InvalidConfigError,
  UnknownProfileError,
  UsageError,
  warningAt
} from '../diagnostics/index.js'
import type { Flow, Plan } from '../flow/index.js'
import {
  applySelection,
  buildFlow,
  deferInputs,
  planFlow,
  reachable,
  selectSteps
} from '../flow/index.js'
import { changedSteps, fingerprintSteps } from '../flow/index.js'
import { checkoutRefToTemp, pathExists, tryReadGitSha } from '../io/index.js'
import type { Manifest } from '../manifest/index.js'
import { readManifest } from '../manifest/index.js'
import type { ProvenancedValue, ResolvedProfile } from '../profiles/index.js'
import { loadProfile } from '../profiles/index.js'
import type { ChangedSummary, CommandDeps, LocatedRequest } from './types.js'

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

/** A plan ready for an engine, with what selection decided. */
export interface LoadedPlan {
  readonly project: Project
  readonly profile: ResolvedProfile
  /** The manifest's warnings and the profile's. */
  readonly warnings: readonly Diagnostic[]
  readonly plan: Plan
  readonly gitSha?: string
  readonly changed?: ChangedSummary
}

/** Commands that run nothing and need no credentials. */
const OFFLINE_COMMANDS = new Set([
  'validate',
  'plan',
  'explain',
  'lineage',
  'widgets'
])

/**
 * Manifest → flow → profile → plan, then `--select` and `--changed-since`
 * (with `--defer-to`). The one path every command that needs a plan takes.
 */
export async function loadPlan(
  request: LocatedRequest,
  deps: CommandDeps,
  overrides: { readonly gitSha?: string } = {}
): Promise<LoadedPlan> {
  const project = await loadProject(request.manifest, request.cwd)
  const gitSha =
    overrides.gitSha ?? (await tryReadGitSha(project.manifest.root, deps.env))
  const profileName = request.profile ?? (await defaultProfile(project))
  const context = { gitSha, preview: request.preview }
  const { profile, warnings } = OFFLINE_COMMANDS.has(request.command)
    ? await loadOfflineProfile(project, profileName, deps, context)
    : {
        profile: await loadProjectProfile(project, profileName, deps, context),
        warnings: []
      }
  let plan = planFlow(project.flow, profile)
  let changed: ChangedSummary | undefined
  const problems: Diagnostic[] = []
  if (request.changedSince) {
    const found = await findChanged(project, plan, request, deps, gitSha)
    changed = found
    if (found.baseProblem)
      problems.push(
        warningAt(
          'base-does-not-load',
          `${found.baseProblem}: every step counts as changed.`
        )
      )
    plan = selectSteps(plan, found.selected)
    if (request.deferTo) {
      const other = await loadProjectProfile(
        project,
        request.deferTo,
        deps,
        context
      )
      plan = deferInputs(plan, planFlow(project.flow, other))
    }
  }
  if (request.select) plan = applySelection(plan, request.select)
  return {
    project,
    profile,
    warnings: [...project.warnings, ...warnings, ...problems],
    plan,
    gitSha,
    changed
  }
}

/** `development`, for commands where --profile is optional. */
async function defaultProfile(project: Project): Promise<string> {
  const dir = path.join(project.manifest.root, project.manifest.profilesDir)
  for (const ext of ['yaml', 'yml']) {
    if (await pathExists(path.join(dir, `development.${ext}`)))
      return 'development'
  }
  throw new UsageError('no profile "development" found; pass --profile NAME.')
}

/**
 * The steps whose fingerprint differs from the same profile's plan at
 * `request.changedSince`, plus everything downstream of them.
 */
async function findChanged(
  project: Project,
  head: Plan,
  request: LocatedRequest,
  deps: CommandDeps,
  gitSha: string | undefined
): Promise<ChangedSummary> {
  const ref = request.changedSince!
  const base = await loadPlanAtRef(project, ref, request, deps, gitSha)
  const headPrints = await fingerprintSteps(head, (p) =>
    readFile(path.join(project.manifest.root, p), 'utf8')
  )
  // A base that does not load says nothing about what changed: every step
  // is taken as changed, so the run checks everything.
  const basePrints = base && 'fingerprints' in base ? base.fingerprints : {}
  const diff = changedSteps(basePrints, headPrints)
  const start = [...diff.changed, ...diff.added]
  const selected = [...reachable(head, start, 'downstream')].sort()
  return {
    base: ref,
    changed: [...diff.changed].sort(),
    added: [...diff.added].sort(),
    selected,
    ...(base && 'broken' in base ? { baseProblem: base.broken } : {})
  }
}

/** A plan at another ref and the fingerprints of its steps. */
export interface BasePlan {
  readonly plan: Plan
  readonly fingerprints: Readonly<Record<string, string>>
}

/**
 * The pipeline at a ref that does not load (a broken base branch): there
 * is nothing to compare with, which must not fail the change that fixes it.
 */
export interface BrokenBase {
  readonly broken: string
}

/**
 * The same manifest and profile as they were at `ref`, planned and
 * fingerprinted; undefined when the pipeline or the profile did not exist
 * there. The temporary checkout is removed before returning.
 */
export async function loadPlanAtRef(
  project: Project,
  ref: string,
  request: LocatedRequest,
  deps: CommandDeps,
  gitSha?: string
): Promise<BasePlan | BrokenBase | undefined> {
  const checkout = await checkoutRefToTemp(project.manifest.root, ref)
  if ('error' in checkout) {
    throw new UsageError(`cannot read ${ref}: ${checkout.error}.`)
  }
  try {
    const manifestName = path.relative(
      project.manifest.root,
      path.resolve(request.cwd, request.manifest)
    )
    if (!(await pathExists(path.join(checkout.dir, manifestName)))) {
      return undefined
    }
    const base = await loadProject(manifestName, checkout.dir)
    // The head's sha, so `${git.sha}` in a location does not mark every
    // step as changed.
    const context = { preview: request.preview, gitSha }
    const profile = await loadProjectProfile(
      base,
      request.profile ?? 'development',
      deps,
      { ...context, allowUnsetEnv: true }
    )
    const plan = planFlow(base.flow, profile)
    const fingerprints = await fingerprintSteps(plan, (p) =>
      readFile(path.join(base.manifest.root, p), 'utf8')
    )
    return { plan, fingerprints }
  } catch (error) {
    // A profile this change adds has no base: every step is new.
    if (error instanceof UnknownProfileError) return undefined
    if (error instanceof InvalidConfigError) {
      return {
        broken: `the pipeline at ${ref.length === 40 ? ref.slice(0, 12) : ref} does not load (${error.diagnostics[0]?.summary ?? error.message})`
      }
    }
    throw error
  } finally {
    await rm(checkout.top, { recursive: true, force: true })
  }
}
