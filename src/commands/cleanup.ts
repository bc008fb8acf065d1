import { ExitCode } from '../diagnostics/index.js'
import { engineFor } from './engine-for.js'
import { loadPlan } from './project.js'
import { parseDuration } from './request.js'
import type { CommandDeps, CommandResult, LocatedRequest } from './types.js'

/** Removes one pull-request preview, or every preview older than `--stale`. */
export async function runCleanup(
  request: LocatedRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  const loaded = await loadPlan(request, deps)
  const engine = await engineFor(loaded, deps)
  const result = await engine.cleanup(
    request.preview !== undefined
      ? { preview: request.preview }
      : { olderThanMs: parseDuration(request.stale ?? '') ?? 0 }
  )
  return {
    exitCode: ExitCode.Success,
    diagnostics: loaded.warnings,
    data: { kind: 'cleanup', profile: loaded.plan.profile, result }
  }
}
