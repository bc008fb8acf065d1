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
  extra: { lineageFile?: string; commentUrl?: string } = {}
): ActionOutputs {
  const data = result.data
  const report =
    data?.kind === 'run' || data?.kind === 'promote' ? data.report : undefined
  const firstError = result.diagnostics.find((d) => d.severity === 'error')
  const failedStep = report?.steps.find((s) => s.status === 'failed')
  return {
    status: report?.status ?? (result.exitCode === 0 ? 'succeeded' : 'failed'),
    'run-url': report?.runUrl ?? '',
    report:
      data?.kind === 'run' || data?.kind === 'promote'
        ? (data.reportPath ?? '')
        : '',
    lineage: extra.lineageFile ?? '',
    'deployed-root':
      data?.kind === 'deploy' ? data.result.root : (report?.deployedRoot ?? ''),
    'comment-url': extra.commentUrl ?? '',
    error:
      firstError?.summary ??
      (failedStep?.error
        ? `${failedStep.key}: ${failedStep.error.message}`
        : '')
  }
}
