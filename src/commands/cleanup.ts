import { ExitCode } from '../diagnostics/index.js'
import { engineFor } from './engine-for.js'
import { loadPlan } from './loaded-plan.js'
import type { CommandDeps } from './deps.js'
import { parseDuration } from './request/index.js'
import type { CleanupRequest, Located } from './request/index.js'
import type { CommandResult } from './result.js'

/** Removes one pull-request preview, or every preview older than `--stale`. */
export async function runCleanup(
  request: Located<CleanupRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const loaded = await loadPlan(request, deps)
  const engine = await engineFor(loaded, deps)
  const result = await engine.cleanup(
    request.stale === undefined
      ? { preview: request.preview }
      : { olderThanMs: parseDuration(request.stale) ?? 0 }
  )
  return {
    exitCode: ExitCode.Success,
    diagnostics: loaded.warnings,
    data: { kind: 'cleanup', profile: loaded.plan.profile, result }
  }
}
