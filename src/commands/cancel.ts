import { ExitCode } from '../diagnostics/index.js'
import { engineFor } from './engine-for.js'
import { loadPlan } from './loaded-plan.js'
import type { CommandDeps } from './deps.js'
import type { CancelRequest, Located } from './request/index.js'
import type { CommandResult } from './result.js'

/**
 * Cancels a run another process started (the Action's post step, when the
 * job was cancelled while a Databricks run was going on).
 */
export async function runCancel(
  request: Located<CancelRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const loaded = await loadPlan(request, deps)
  const engine = await engineFor(loaded, deps)
  await engine.cancel({ remoteRunId: request.runId })
  return {
    exitCode: ExitCode.Success,
    diagnostics: loaded.warnings,
    data: {
      kind: 'cancel',
      profile: loaded.plan.profile,
      remoteRunId: request.runId
    }
  }
}
