import { ExitCode } from '../diagnostics/index.js'
import { buildLineageView, lineageWarnings } from './lineage.js'
import { loadPlan } from './loaded-plan.js'
import type { CommandDeps } from './deps.js'
import type { Located, PlanRequest } from './request/index.js'
import type { CommandResult } from './result.js'

/** Resolves the flow against a profile: steps, parameters, order, levels. */
export async function runPlan(
  request: Located<PlanRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const loaded = await loadPlan({ ...request, offline: true }, deps)
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
