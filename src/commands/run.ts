import path from 'node:path'
import { ExitCode } from '../diagnostics/index.js'
import type { RunReport } from '../report/index.js'
import { engineFor } from './engine-for.js'
import { buildLineageView } from './lineage.js'
import { loadPlan } from './project.js'
import { runFlow } from './run-flow.js'
import type { CommandDeps, CommandResult, LocatedRequest } from './types.js'

/**
 * Exit code of a finished run: 0 when every step succeeded or was lazily
 * skipped; 130 or 143 (128 + the signal, as shells report it) when it was
 * interrupted by SIGINT or SIGTERM.
 */
export function exitCodeOf(report: RunReport, signal?: AbortSignal): number {
  if (report.status === 'succeeded') return ExitCode.Success
  if (report.status === 'cancelled') {
    return signal?.reason === 'SIGTERM' ? 143 : 130
  }
  return ExitCode.StepFailed
}

/** Deploys the flow where the profile's engine runs it, then runs it. */
export async function runRun(
  request: LocatedRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  const loaded = await loadPlan(request, deps)
  const { plan, project, gitSha, warnings } = loaded
  const engine = await engineFor(loaded, deps, request)
  const { report, reportFile } = await runFlow(engine, plan, {
    root: project.manifest.root,
    parallelism: request.parallelism ?? deps.cores,
    failFast: request.failFast === true,
    lazy: request.lazy === true,
    preview: request.preview,
    gitSha,
    toolVersion: deps.toolVersion,
    signal: deps.signal,
    onEvent: deps.onEvent,
    onProgress: deps.onProgress,
    mask: deps.masker?.mask,
    now: deps.now
  })
  const lineage = request.lineage
    ? await buildLineageView(loaded, request, deps, report)
    : undefined
  return {
    exitCode: exitCodeOf(report, deps.signal),
    diagnostics: warnings,
    data: {
      kind: 'run',
      plan,
      report,
      reportPath: path.relative(request.cwd, reportFile) || reportFile,
      ...(lineage ? { lineage } : {})
    }
  }
}
