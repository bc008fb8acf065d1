import { DtflwError, UnknownProfileError } from '../diagnostics/index.js'
import type {
  TableDescriber,
  TableDescription
} from '../engines/local/index.js'
import { planFlow } from '../flow/index.js'
import type { ResolvedProfile } from '../profiles/index.js'
import { loadProfile } from '../profiles/index.js'
import { loadProject } from './project.js'
import type { Project } from './project.js'

export type { TableDescription } from '../engines/local/index.js'

/**
 * What `dtflw add --template` asks of the tables a new step reads: the
 * columns of `table` as step `producer` writes it (no producer: the
 * source `table`), with their types, learned without running the flow.
 */
export type DescribeTable = (
  table: string,
  producer?: string
) => Promise<TableDescription>

/** Where the pipeline is, and which profile `dtflw add` was given. */
export interface ColumnLearnerOptions {
  /** The folder the manifest path is relative to. */
  readonly cwd: string
  readonly manifest: string
  /** `--profile`: used when it runs on the local engine. */
  readonly profile?: string
  /** The environment profiles are read with (`${VAR}`). */
  readonly env: Readonly<Record<string, string | undefined>>
}

/** The profile the local engine describes with when none is named. */
const DEVELOPMENT = 'development'

/**
 * The local engine's describer of the pipeline's tables (see
 * `createTableDescriber`), under the profile `--profile` names when it is
 * a local one, else `development`. Nothing is loaded until the first
 * question, and the manifest, the profile and the plan are loaded once:
 * a template that knows its columns from the manifest costs nothing.
 */
export function createColumnLearner(
  options: ColumnLearnerOptions
): DescribeTable {
  let describer: Promise<TableDescriber | TableDescription> | undefined
  return async (table, producer) => {
    describer ??= openDescriber(options)
    const opened = await describer
    return 'describe' in opened ? opened.describe(table, producer) : opened
  }
}

async function openDescriber(
  options: ColumnLearnerOptions
): Promise<TableDescriber | TableDescription> {
  let project: Project
  try {
    project = await loadProject(options.manifest, options.cwd)
  } catch (error) {
    if (!(error instanceof DtflwError)) throw error
    return refusal(
      `${options.manifest} does not load`,
      'fix it first (dtflw validate)'
    )
  }
  const chosen = await chooseLocalProfile(project, options)
  if ('ok' in chosen) return chosen
  try {
    const plan = planFlow(project.flow, chosen)
    const { createTableDescriber } = await import('../engines/local/index.js')
    return createTableDescriber({
      root: project.manifest.root,
      plan,
      env: options.env
    })
  } catch (error) {
    if (!(error instanceof DtflwError)) throw error
    return refusal(
      `the flow does not plan under profile ${chosen.name} (${firstProblem(error)})`,
      'fix it first (dtflw validate)'
    )
  }
}

/**
 * `--profile` when it runs on the local engine, else `development`; when
 * neither does, why (as a refusal to describe).
 */
async function chooseLocalProfile(
  project: Project,
  options: ColumnLearnerOptions
): Promise<ResolvedProfile | TableDescription> {
  const names = [
    ...new Set([options.profile, DEVELOPMENT].filter((n) => n !== undefined))
  ]
  const notLocal: string[] = []
  for (const name of names) {
    try {
      const profile = await loadProfile({
        root: project.manifest.root,
        profilesDir: project.manifest.profilesDir,
        name,
        context: { env: options.env, pipeline: project.manifest.pipeline },
        allowUnsetEnv: true
      })
      if (profile.engine === 'local') return profile
      notLocal.push(`profile ${name} runs on ${profile.engine}`)
    } catch (error) {
      if (!(error instanceof DtflwError)) throw error
      notLocal.push(
        error instanceof UnknownProfileError
          ? `there is no profile ${name}`
          : `profile ${name} does not load (${firstProblem(error)})`
      )
    }
  }
  return refusal(
    `describing a table needs a profile of the local engine, and ${notLocal.join(' and ')}`,
    'pass --profile with a local profile'
  )
}

function refusal(why: string, fix: string): TableDescription {
  return { ok: false, why, fix }
}

function firstProblem(error: DtflwError): string {
  const summary = error.diagnostics[0]?.summary ?? error.message
  return summary.replace(/[.;]$/, '')
}
