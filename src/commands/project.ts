import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import { InvalidConfigError, UsageError } from '../diagnostics/index.js'
import type { Flow, Plan } from '../flow/index.js'
import {
  applySelection,
  buildFlow,
  deferInputs,
  planFlow,
  reachable,
  selectSteps
} from '../flow/index.js'
import { changedSteps, fingerprintSteps } from '../flow/fingerprint.js'
import { checkoutRefToTemp, pathExists, tryReadGitSha } from '../io/index.js'
import type { Manifest } from '../manifest/index.js'
import { loadManifest } from '../manifest/index.js'
import type { ResolvedProfile } from '../profiles/index.js'
import { loadProfile } from '../profiles/index.js'
import type { ChangedSummary, CommandDeps, CommandRequest } from './types.js'

/** A manifest and its validated flow. */
export interface Project {
  readonly manifest: Manifest
  readonly flow: Flow
  readonly warnings: readonly Diagnostic[]
}

/** Loads the manifest and builds its flow; throws with every problem. */
export async function loadProject(
  manifestPath: string,
  cwd: string
): Promise<Project> {
  const { manifest, warnings } = await loadManifest(manifestPath, cwd)
  const built = buildFlow(manifest)
  if (!built.flow) throw new InvalidConfigError(built.diagnostics)
  return {
    manifest,
    flow: built.flow,
    warnings: [...warnings, ...built.diagnostics]
  }
}

/** Loads one profile of a project with the template context of this run. */
export async function loadProjectProfile(
  project: Project,
  name: string,
  deps: CommandDeps,
  extra: { gitSha?: string; preview?: string; allowUnsetEnv?: boolean } = {}
): Promise<ResolvedProfile> {
  return loadProfile({
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
}

/** A plan ready for an engine, with what selection decided. */
export interface LoadedPlan {
  readonly project: Project
  readonly profile: ResolvedProfile
  readonly plan: Plan
  readonly gitSha?: string
  readonly changed?: ChangedSummary
}

/**
 * Manifest → flow → profile → plan, then `--select` and `--changed-since`
 * (with `--defer-to`). The one path every command that needs a plan takes.
 */
export async function loadPlan(
  request: CommandRequest,
  deps: CommandDeps
): Promise<LoadedPlan> {
  const project = await loadProject(request.manifest, request.cwd)
  const gitSha = await tryReadGitSha(project.manifest.root, deps.env)
  const profileName = request.profile ?? (await defaultProfile(project))
  const context = { gitSha, preview: request.preview }
  const profile = await loadProjectProfile(project, profileName, deps, context)
  const env = deps.env
  let plan = planFlow(project.flow, profile, { env, ...context })
  let changed: ChangedSummary | undefined
  if (request.changedSince) {
    const found = await findChanged(project, plan, request, deps)
    changed = found
    plan = selectSteps(plan, found.selected)
    if (request.deferTo) {
      const other = await loadProjectProfile(project, request.deferTo, deps, context)
      plan = deferInputs(plan, planFlow(project.flow, other, { env, ...context }))
    }
  }
  if (request.select) plan = applySelection(plan, request.select)
  return { project, profile, plan, gitSha, changed }
}

/** `development` when it exists, else the first profile: for commands where --profile is optional. */
async function defaultProfile(project: Project): Promise<string> {
  const dir = path.join(project.manifest.root, project.manifest.profilesDir)
  for (const ext of ['yaml', 'yml']) {
    if (await pathExists(path.join(dir, `development.${ext}`))) return 'development'
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
  request: CommandRequest,
  deps: CommandDeps
): Promise<ChangedSummary> {
  const ref = request.changedSince!
  const basePlan = await loadPlanAtRef(project, ref, request, deps)
  const readAt = (root: string) => (p: string) =>
    readFile(path.join(root, p), 'utf8')
  const headPrints = await fingerprintSteps(head, readAt(project.manifest.root))
  const basePrints = basePlan
    ? await fingerprintSteps(basePlan.plan, readAt(basePlan.root))
    : {}
  const diff = changedSteps(basePrints, headPrints)
  const start = [...diff.changed, ...diff.added]
  const selected = [...reachable(head, start, 'downstream')].sort()
  return {
    base: ref,
    changed: [...diff.changed].sort(),
    added: [...diff.added].sort(),
    selected
  }
}

/** The same manifest and profile as they were at `ref`, planned; undefined when the pipeline did not exist there. */
export async function loadPlanAtRef(
  project: Project,
  ref: string,
  request: CommandRequest,
  deps: CommandDeps
): Promise<{ plan: Plan; root: string } | undefined> {
  const checkout = await checkoutRefToTemp(project.manifest.root, ref)
  if ('error' in checkout) {
    throw new UsageError(`cannot read ${ref}: ${checkout.error}.`)
  }
  const manifestName = path.relative(project.manifest.root, path.resolve(request.cwd, request.manifest))
  if (!(await pathExists(path.join(checkout.dir, manifestName)))) return undefined
  try {
    const base = await loadProject(manifestName, checkout.dir)
    const profile = await loadProjectProfile(base, request.profile ?? 'development', deps, {
      preview: request.preview,
      allowUnsetEnv: true
    })
    return { plan: planFlow(base.flow, profile, { env: deps.env }), root: base.manifest.root }
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      throw new UsageError(
        `the pipeline at ${ref} does not load (${error.diagnostics[0]?.summary ?? error.message}); pick a base where it is valid.`
      )
    }
    throw error
  }
}
