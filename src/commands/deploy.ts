import { ExitCode } from '../diagnostics/index.js'
import { checkDirectAccess } from '../promotion/index.js'
import { engineFor } from './engine-for.js'
import { loadPlan } from './loaded-plan.js'
import type { CommandDeps } from './deps.js'
import { redeployCommand } from './request/index.js'
import type { DeployRequest, Located } from './request/index.js'
import type { CommandResult } from './result.js'

/**
 * Puts the flow's notebooks where the profile's engine runs them (a
 * workspace folder, or a preview under it), uploading only what changed.
 */
export async function runDeploy(
  request: Located<DeployRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const loaded = await loadPlan(request, deps)
  checkDirectAccess('deploy', loaded.project.manifest.promotion, loaded.profile)
  const engine = await engineFor(loaded, deps)
  const now = deps.now ?? ((): Date => new Date())
  const { plan } = loaded
  deps.onEvent?.({
    type: 'deploy-started',
    at: now().toISOString(),
    engine: engine.name,
    notebooks: new Set(plan.steps.map((s) => s.notebook)).size
  })
  const result = await engine.deploy(plan, {
    preview: request.preview,
    signal: deps.signal,
    onProgress: deps.onProgress,
    forceLock: request.forceLock,
    command: redeployCommand(request)
  })
  deps.onEvent?.({ type: 'deploy-finished', at: now().toISOString(), result })
  return {
    exitCode: ExitCode.Success,
    diagnostics: loaded.warnings,
    data: {
      kind: 'deploy',
      profile: plan.profile,
      ...(request.preview ? { preview: request.preview } : {}),
      result
    }
  }
}
