import { draftRequest } from '../commands/index.js'
import type { CommandName, RequestDraft } from '../commands/index.js'
import type { GitHubContext } from './context.js'
import type { ActionSettings } from './inputs.js'

/** What the Action will ask the command layer, and what it decided. */
export interface ActionPlan {
  /** Checked by `runCommand`, whose refusal the summary then shows. */
  readonly request: RequestDraft
  /** Said plainly in the summary and the comment: what was skipped and why. */
  readonly notes: readonly string[]
  /** Whether to keep a comment on the pull request. */
  readonly comment: boolean
  /** The ref the lineage diff compares with (the PR's base, the push's before). */
  readonly base?: string
  /** The command asked for was not run (a fork, Dependabot, pull_request_target). */
  readonly skipped: boolean
}

const RUNS_NOTEBOOKS = new Set(['deploy', 'run', 'cleanup', 'promote'])
/** Commands whose result is a report for the pull request's comment. */
const REPORTS = new Set(['validate', 'plan', 'run', 'lineage'])

/**
 * Turns the inputs and the event into one command request (pure, tested
 * with literals). On a pull request from a fork there are no secrets and
 * the token is read-only, so a command that would deploy or run becomes
 * `plan`, and the summary says so instead of failing the build. On
 * `pull_request_target` (secrets, but the PR's code) the PR's notebooks
 * are never run unless the workflow opts in.
 */
export function planActionRequest(
  settings: ActionSettings,
  context: GitHubContext,
  credentials: { readonly databricks: boolean } = { databricks: true }
): ActionPlan {
  const pr = context.pullRequest
  const notes: string[] = []
  let command: CommandName = settings.command
  const fork = pr?.fromFork === true && context.eventName === 'pull_request'
  if (fork && RUNS_NOTEBOOKS.has(command)) {
    notes.push(
      `Skipped \`${command}\`: pull requests from forks get no secrets, so nothing was deployed or run; this shows the plan and its lineage. A maintainer can run it by pushing the branch to this repository.`
    )
    command = 'plan'
  }
  // Dependabot's pull requests get Dependabot secrets only: without
  // Databricks credentials among them they plan, as a fork's do, instead
  // of failing every dependency update.
  const dependabot =
    context.eventName === 'pull_request' &&
    context.actor === 'dependabot[bot]' &&
    !credentials.databricks
  if (dependabot && RUNS_NOTEBOOKS.has(command)) {
    notes.push(
      `Skipped \`${command}\`: Dependabot's pull requests get only Dependabot secrets, and no Databricks credentials are among them; this shows the plan and its lineage. Add the Databricks secrets as Dependabot secrets to run them.`
    )
    command = 'plan'
  }
  if (
    context.eventName === 'pull_request_target' &&
    (command === 'run' || command === 'deploy' || command === 'promote') &&
    !settings.allowPullRequestTarget
  ) {
    notes.push(
      `Skipped \`${command}\`: on pull_request_target the pull request's notebooks would run with this repository's secrets; set allow-pull-request-target: true to allow it.`
    )
    command = 'plan'
  }
  const base = pr?.baseSha ?? context.before
  if (settings.changedOnly && !base) {
    notes.push(
      'changed-only: this event has no base commit to compare with, so every step is selected.'
    )
  }
  const preview =
    settings.preview ??
    (pr &&
    RUNS_NOTEBOOKS.has(command) &&
    command !== 'promote' &&
    settings.stale === undefined
      ? `pr-${pr.number}`
      : undefined)
  const comment =
    (settings.comment ?? pr !== undefined) && !fork && REPORTS.has(command)
  if (fork && (settings.comment ?? true)) {
    notes.push(
      'No pull-request comment: a fork gets a read-only token; the lineage is in the job summary.'
    )
  }
  // Each command takes the inputs its row of COMMAND_SPECS names, and
  // nothing else: select and changed-only narrow plan and run, never a
  // deploy (a deploy of some steps would remove the other notebooks).
  const request = draftRequest(
    command,
    { cwd: settings.workingDirectory, manifest: settings.manifest },
    {
      ...settings,
      preview,
      changedSince: settings.changedOnly && base ? base : undefined,
      // The lineage and its diff, for the commands that show one.
      base,
      lineage: true
    }
  )
  return {
    request,
    notes,
    comment: comment && pr !== undefined,
    base,
    skipped: command !== settings.command
  }
}
