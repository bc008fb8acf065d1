import { ExitCode } from '../diagnostics/index.js'
import { buildLineageView, lineageWarnings } from './lineage.js'
import { loadPlan } from './project.js'
import type { CommandDeps, CommandResult, LocatedRequest } from './types.js'

/** Resolves the flow against a profile: steps, parameters, order, levels. */
export async function runPlan(
  request: LocatedRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  const loaded = await loadPlan(request, deps)
  const { plan, changed, warnings } = loaded
  const lineage = request.lineage
    ? await buildLineageView(loaded, request, deps)
    : undefined
  return {
    exitCode: ExitCode.Success,
    diagnostics: [...warnings, ...lineageWarnings(lineage)],
    data: {
      kind: 'plan',
      plan,
      ...(changed ? { changed } : {}),
      ...(lineage ? { lineage } : {})
    }
  }
}
