import { didYouMean, ExitCode, UsageError } from '../diagnostics/index.js'
import { loadPlan } from './loaded-plan.js'
import type { CommandDeps } from './deps.js'
import type { Located, WidgetsRequest } from './request/index.js'
import type { CommandResult } from './result.js'

/**
 * `dtflw widgets --profile P STEP`: the parameters step STEP's notebook
 * receives under profile P (default development), for running it by hand,
 * e.g. in the workspace with the notebook's widgets set to them. Offline:
 * no credentials, no network.
 */
export async function runWidgets(
  request: Located<WidgetsRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const { plan, warnings } = await loadPlan({ ...request, offline: true }, deps)
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
