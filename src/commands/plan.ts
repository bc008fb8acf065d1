import { ExitCode } from '../diagnostics/index.js'
import { loadPlan } from './project.js'
import type { CommandDeps, CommandResult, LocatedRequest } from './types.js'

/** Resolves the flow against a profile: steps, parameters, order, levels. */
export async function runPlan(
  request: LocatedRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  const { plan, changed, warnings } = await loadPlan(request, deps)
  return {
    exitCode: ExitCode.Success,
    diagnostics: warnings,
    data: { kind: 'plan', plan, ...(changed ? { changed } : {}) }
  }
}
