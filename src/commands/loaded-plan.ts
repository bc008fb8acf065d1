import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import { UsageError, warningAt } from '../diagnostics/index.js'
import type { Plan } from '../flow/index.js'
import {
  applySelection,
  changedSteps,
  deferInputs,
  fingerprintSteps,
  planFlow,
  reachable,
  selectSteps
} from '../flow/index.js'
import { pathExists, tryReadGitSha } from '../io/index.js'
import type { ResolvedProfile } from '../profiles/index.js'
import { loadPlanAtRef } from './base-plan.js'
import type { BaseQuery, PipelineWhere } from './base-plan.js'
import type { CommandDeps } from './deps.js'
import {
  loadOfflineProfile,
  loadProject,
  loadProjectProfile
} from './project.js'
import type { Project } from './project.js'
import type { ChangedSummary } from './result.js'

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

/**
 * What `loadPlan` is asked: which pipeline, under which profile, which of
 * its steps. A command's request holds these fields, so most pass it as
 * it is; `promote` asks for the plan at a sha under each environment.
 */
export interface PlanQuery extends PipelineWhere {
  /** Absent: `development`. */
  readonly profile?: string
  readonly preview?: string
  readonly select?: string
  readonly changedSince?: string
  /** With `changedSince`: unchanged inputs are read from this profile. */
  readonly deferTo?: string
  /**
   * The command runs nothing and needs no credentials: variables only
   * deploy and run read may be unset (a warning each).
   */
  readonly offline?: boolean
  /** The commit the plan is of; default: the checkout's. */
  readonly gitSha?: string
}

/**
 * Manifest → flow → profile → plan, then `select` and `changedSince`
 * (with `deferTo`). The one path every command that needs a plan takes.
 */
export async function loadPlan(
  query: PlanQuery,
  deps: CommandDeps
): Promise<LoadedPlan> {
  const project = await loadProject(query.manifest, query.cwd)
  const gitSha =
    query.gitSha ?? (await tryReadGitSha(project.manifest.root, deps.env))
  const profileName = query.profile ?? (await defaultProfile(project))
  const context = { gitSha, preview: query.preview }
  const { profile, warnings } = query.offline
    ? await loadOfflineProfile(project, profileName, deps, context)
    : {
        profile: await loadProjectProfile(project, profileName, deps, context),
        warnings: []
      }
  let plan = planFlow(project.flow, profile)
  let changed: ChangedSummary | undefined
  const problems: Diagnostic[] = []
  if (query.changedSince) {
    const base = { ...query, profile: profileName }
    const found = await findChanged(project, plan, query.changedSince, base, {
      deps,
      gitSha
    })
    changed = found
    if (found.baseProblem)
      problems.push(
        warningAt(
          'base-does-not-load',
          `${found.baseProblem}: every step counts as changed.`
        )
      )
    plan = selectSteps(plan, found.selected)
    if (query.deferTo) {
      const other = await loadProjectProfile(
        project,
        query.deferTo,
        deps,
        context
      )
      plan = deferInputs(plan, planFlow(project.flow, other))
    }
  }
  if (query.select) plan = applySelection(plan, query.select)
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
 * `ref`, plus everything downstream of them.
 */
async function findChanged(
  project: Project,
  head: Plan,
  ref: string,
  query: BaseQuery,
  at: { deps: CommandDeps; gitSha: string | undefined }
): Promise<ChangedSummary> {
  const base = await loadPlanAtRef(project, ref, query, at.deps, at.gitSha)
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
