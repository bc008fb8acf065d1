import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import {
  InvalidConfigError,
  UnknownProfileError,
  UsageError
} from '../diagnostics/index.js'
import type { Plan } from '../flow/index.js'
import { fingerprintSteps, planFlow } from '../flow/index.js'
import { checkoutRefToTemp, pathExists } from '../io/index.js'
import type { CommandDeps } from './deps.js'
import { loadProject, loadProjectProfile } from './project.js'
import type { Project } from './project.js'

/** Where a pipeline is: the folder its manifest path is relative to. */
export interface PipelineWhere {
  readonly cwd: string
  readonly manifest: string
}

/** Which plan to compare with at another ref: the same pipeline and profile. */
export interface BaseQuery extends PipelineWhere {
  /** Absent: `development`. */
  readonly profile?: string
  readonly preview?: string
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
  query: BaseQuery,
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
      path.resolve(query.cwd, query.manifest)
    )
    if (!(await pathExists(path.join(checkout.dir, manifestName)))) {
      return undefined
    }
    const base = await loadProject(manifestName, checkout.dir)
    // The head's sha, so `${git.sha}` in a location does not mark every
    // step as changed.
    const context = { preview: query.preview, gitSha }
    const profile = await loadProjectProfile(
      base,
      query.profile ?? 'development',
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
