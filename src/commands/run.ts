import path from 'node:path'
import { ExitCode, UsageError } from '../diagnostics/index.js'
import type { Engine } from '../engines/index.js'
import { createLocalEngine } from '../engines/index.js'
import type { RunReport } from '../report/index.js'
import { loadPlan } from './project.js'
import type { CommandDeps, CommandRequest, CommandResult } from './types.js'

/** Exit code of a finished run: 0 when every step succeeded or was lazily skipped. */
export function exitCodeOf(report: RunReport): number {
  if (report.status === 'succeeded') return ExitCode.Success
  // 128 + SIGINT, as shells report an interrupted command.
  if (report.status === 'cancelled') return 130
  return ExitCode.StepFailed
}

/** Deploys (where the engine needs it) and runs the flow on the profile's engine. */
export async function runRun(
  request: CommandRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  const { plan, project, gitSha } = await loadPlan(request, deps)
  const engine = selectEngine(plan.engine, project.manifest.root, deps)
  const report = await engine.run(plan, {
    parallelism: request.parallelism ?? deps.cores,
    failFast: request.failFast === true,
    lazy: request.lazy === true,
    signal: deps.signal,
    onEvent: deps.onEvent,
    gitSha
  })
  const reportPath = path.join(
    path.relative(request.cwd, project.manifest.root) || '.',
    '.dtflw',
    'runs',
    report.runId,
    'report.json'
  )
  return {
    exitCode: exitCodeOf(report),
    diagnostics: project.warnings,
    data: { kind: 'run', plan, report, reportPath }
  }
}

function selectEngine(name: string, root: string, deps: CommandDeps): Engine {
  if (name === 'local') {
    return createLocalEngine({ root, toolVersion: deps.toolVersion })
  }
  throw new UsageError(
    `this version of dtflw runs profiles with engine: local only; engine "${name}" comes with the Databricks engine. Run with a local profile (e.g. --profile development).`
  )
}
