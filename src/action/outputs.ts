import path from 'node:path'
import type { CommandResult } from '../commands/index.js'

/** The Action's outputs (action.yml), set on success and on failure alike. */
export interface ActionOutputs {
  readonly status: string
  readonly 'run-url': string
  readonly report: string
  readonly lineage: string
  readonly 'deployed-root': string
  readonly 'comment-url': string
  readonly error: string
}

/**
 * The outputs of a finished command: a failed run still has its run URL,
 * report and error, for the steps after this one (the complaint of
 * run-notebook#40 and #45).
 */
export function planOutputs(
  result: CommandResult,
  extra: {
    lineageFile?: string
    commentUrl?: string
    /** Where relative paths of the result are from. */
    workingDirectory?: string
    /** The command asked for was not run (a fork's pull request): `skipped`. */
    skipped?: boolean
    /** Why the Action stopped the command (`timeout-minutes`). */
    stopped?: string
  } = {}
): ActionOutputs {
  const data = result.data
  const report =
    data?.kind === 'run' || data?.kind === 'promote' ? data.report : undefined
  const firstError = result.diagnostics.find((d) => d.severity === 'error')
  const failedStep = report?.steps.find((s) => s.status === 'failed')
  const reportPath =
    (data?.kind === 'run' || data?.kind === 'promote') && data.reportPath
      ? path.resolve(extra.workingDirectory ?? '.', data.reportPath)
      : ''
  const status = extra.skipped
    ? 'skipped'
    : (report?.status ?? (result.exitCode === 0 ? 'succeeded' : 'failed'))
  return {
    status,
    'run-url': report?.runUrl ?? '',
    // Absolute, as `lineage` is: a later step may run in another folder.
    report: reportPath,
    lineage: extra.lineageFile ?? '',
    'deployed-root':
      data?.kind === 'deploy' ? data.result.root : (report?.deployedRoot ?? ''),
    'comment-url': extra.commentUrl ?? '',
    error:
      extra.stopped ??
      firstError?.summary ??
      (failedStep?.error
        ? `${failedStep.key}: ${failedStep.error.message}`
        : '')
  }
}

/** The outputs of a step that failed before any command ran. */
export function failedOutputs(error: string): ActionOutputs {
  return {
    status: 'failed',
    'run-url': '',
    report: '',
    lineage: '',
    'deployed-root': '',
    'comment-url': '',
    error
  }
}
