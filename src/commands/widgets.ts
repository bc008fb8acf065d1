import { didYouMean, ExitCode, UsageError } from '../diagnostics/index.js'
import { loadPlan } from './project.js'
import type { CommandDeps, CommandResult, LocatedRequest } from './types.js'

/**
 * `dtflw widgets --profile P STEP`: the parameters step STEP's notebook
 * receives under profile P (default development), for running it by hand,
 * e.g. in the workspace with the notebook's widgets set to them. Offline:
 * no credentials, no network.
 */
export async function runWidgets(
  request: LocatedRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  if (!request.step) {
    throw new UsageError(
      'dtflw widgets needs the step: dtflw widgets --profile NAME STEP.'
    )
  }
  const { plan, warnings } = await loadPlan(
    { ...request, select: undefined, changedSince: undefined },
    deps
  )
  const step = plan.steps.find((s) => s.key === request.step)
  if (!step) {
    const keys = plan.steps.map((s) => s.key)
    throw new UsageError(
      `no step "${request.step}" in ${request.manifest};${didYouMean(request.step, keys) || ` the steps are: ${keys.join(', ') || '(none)'}.`}`
    )
  }
  return {
    exitCode: ExitCode.Success,
    diagnostics: warnings,
    data: {
      kind: 'widgets',
      profile: plan.profile,
      step: step.key,
      notebook: step.notebook,
      parameters: step.parameters
    }
  }
}
