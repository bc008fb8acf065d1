import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import type { CommandResult } from '../commands/index.js'
import { guardWorkflowCommands } from '../diagnostics/index.js'
import {
  commentMarker,
  planAnnotations,
  renderComment,
  renderJobSummary,
  upsertComment
} from '../github/index.js'
import type { GitHubReportInput } from '../github/index.js'
import { renderLineageJson } from '../lineage/index.js'
import type { GitHubContext } from './context.js'
import type { ActionSettings } from './inputs.js'
import { pipelineNameOf } from './pipeline-name.js'

/** What `publish` needs to show a command's result on GitHub. */
export interface PublishInput {
  readonly result: CommandResult
  readonly settings: ActionSettings
  readonly context: GitHubContext
  readonly notes: readonly string[]
  readonly comment: boolean
  readonly startedAt: string
  readonly env: Readonly<Record<string, string | undefined>>
  /** Hides every secret met, in what GitHub shows outside the log. */
  readonly mask: (text: string) => string
  /** The same for JSON files, inside their strings only. */
  readonly maskJson: (text: string) => string
  /** Writes one line to the log (masked, never a workflow command). */
  readonly info: (line: string) => void
}

/** What publishing produced, for the outputs. */
export interface Published {
  readonly commentUrl?: string
  readonly lineageFile?: string
}

/**
 * Shows a result where a reviewer looks: annotations at file and line,
 * the job summary, the lineage file, and the one pull-request comment per
 * pipeline and profile. A comment GitHub refuses is a warning, never the
 * step's failure: the run's own outcome decides that.
 */
export async function publish(input: PublishInput): Promise<Published> {
  const { result, settings, context, env } = input
  applyAnnotations(result, settings, env, input.mask)
  const report = toReportInput(input)
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(input.mask(renderJobSummary(report))).write()
  }
  const lineageFile = await writeLineage(input)
  let commentUrl: string | undefined
  const pr = context.pullRequest
  if (input.comment && pr && settings.githubToken) {
    try {
      const octokit = getOctokit(settings.githubToken, {
        baseUrl: context.apiUrl
      })
      const written = await upsertComment(
        octokit,
        { owner: context.owner, repo: context.repo, issueNumber: pr.number },
        {
          body: input.mask(renderComment(report)),
          marker: commentMarker(report.pipeline, report.profile),
          headSha: report.headSha,
          runStartedAt: report.runStartedAt
        }
      )
      commentUrl = written.url
      if (written.action === 'none' && written.reason === 'newer-report') {
        input.info('A newer run has already reported on the pull request.')
      }
    } catch (error) {
      core.warning(
        guardWorkflowCommands(
          input.mask(
            `could not comment on pull request #${pr.number}: ${(error as Error).message} The report is in the job summary.`
          )
        )
      )
    }
  }
  return {
    ...(commentUrl ? { commentUrl } : {}),
    ...(lineageFile ? { lineageFile } : {})
  }
}

function toReportInput(input: PublishInput): GitHubReportInput {
  const { result, context, settings } = input
  const data = result.data
  const plan =
    data?.kind === 'run' || data?.kind === 'plan' ? data.plan : undefined
  const view =
    data?.kind === 'run' || data?.kind === 'plan' || data?.kind === 'lineage'
      ? data.lineage
      : undefined
  const report = data?.kind === 'run' ? data.report : undefined
  return {
    pipeline:
      plan?.pipeline ??
      report?.pipeline ??
      (data?.kind === 'validate' ? data.pipeline : undefined) ??
      pipelineNameOf(settings.workingDirectory, settings.manifest),
    profile: plan?.profile ?? settings.profile ?? 'validate',
    ...(report ? { report } : {}),
    ...(view ? { lineage: view.lineage } : {}),
    ...(view?.diff ? { diff: view.diff } : {}),
    ...(context.pullRequest?.baseRef
      ? { baseRef: context.pullRequest.baseRef }
      : {}),
    headSha: context.sha,
    runStartedAt: input.startedAt,
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
    notes: input.notes,
    diagnostics: result.diagnostics,
    ...(report?.preview ? { preview: report.preview } : {})
  }
}

/** Annotations at repository-relative paths (the step may work in a subfolder). */
function applyAnnotations(
  result: CommandResult,
  settings: ActionSettings,
  env: Readonly<Record<string, string | undefined>>,
  mask: (text: string) => string
): void {
  const workspace = env.GITHUB_WORKSPACE ?? settings.workingDirectory
  const prefix = path.relative(workspace, settings.workingDirectory)
  const plan = planAnnotations(result.diagnostics)
  const all = plan.overflow
    ? [...plan.annotations, plan.overflow]
    : plan.annotations
  for (const a of all) {
    core[a.level](guardWorkflowCommands(mask(a.message)), {
      title: a.title,
      ...(a.file
        ? { file: prefix ? path.posix.join(prefix, a.file) : a.file }
        : {}),
      ...(a.startLine !== undefined ? { startLine: a.startLine } : {}),
      ...(a.startColumn !== undefined ? { startColumn: a.startColumn } : {})
    })
  }
}

/** The lineage as JSON next to the run's report, or in the runner's temp. */
async function writeLineage(input: PublishInput): Promise<string | undefined> {
  const data = input.result.data
  const view =
    data?.kind === 'run' || data?.kind === 'plan' || data?.kind === 'lineage'
      ? data.lineage
      : undefined
  if (!view) return undefined
  const folder =
    data?.kind === 'run'
      ? path.dirname(
          path.resolve(input.settings.workingDirectory, data.reportPath)
        )
      : path.join(
          input.env.RUNNER_TEMP ?? input.settings.workingDirectory,
          'dtflw'
        )
  await mkdir(folder, { recursive: true })
  const file = path.join(folder, 'lineage.json')
  await writeFile(
    file,
    input.maskJson(renderLineageJson(view.lineage, view.diff))
  )
  return file
}
