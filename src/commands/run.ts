import path from 'node:path'
import { ExitCode, warningAt } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import { planBeforeDiff, planDataDiff, readDiffBudget } from '../diff/index.js'
import type { DataDiffPlan } from '../diff/index.js'
import type { Engine } from '../engines/index.js'
import { tryReadFeatureBranch } from '../io/index.js'
import { checkDirectAccess } from '../promotion/index.js'
import type { RunReport } from '../report/index.js'
import type { CommandDeps } from './deps.js'
import { engineFor } from './engine-for.js'
import { leaveEvidence, manifestFileOf } from './evidence.js'
import { buildLineageView, lineageWarnings } from './lineage.js'
import type { LineageQuery } from './lineage.js'
import { loadPlan } from './loaded-plan.js'
import type { LoadedPlan } from './loaded-plan.js'
import { redeployCommand } from './request/index.js'
import type { Located, RunRequest } from './request/index.js'
import type { CommandResult, LineageView } from './result.js'
import { runFlow } from './run-flow.js'

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
  // Steps that failed only because the machine lacks something (a Python
  // package) are not the notebooks' failures: the platform's, exit 3.
  const failed = report.steps.filter((s) => s.status === 'failed')
  if (failed.length > 0 && failed.every((s) => s.error?.kind === 'environment'))
    return ExitCode.Platform
  return ExitCode.StepFailed
}

/**
 * What a run compares once its steps are done: a preview's tables with the
 * environment's it will reach; on the local engine, a run on a branch's
 * tables with the versions they replace. Nothing when the profile says
 * `diff: false`.
 */
async function dataDiffOf(
  loaded: LoadedPlan,
  preview: string | undefined
): Promise<{ diff?: DataDiffPlan }> {
  const budget = readDiffBudget(loaded.profile)
  if (budget === false) return {}
  if (loaded.base) {
    const diff = planDataDiff(
      loaded.plan,
      loaded.base,
      loaded.base.profile,
      budget
    )
    return diff ? { diff } : {}
  }
  if (preview || loaded.plan.engine !== 'local') return {}
  const branch = await tryReadFeatureBranch(loaded.project.manifest.root)
  if (!branch) return {}
  const diff = planBeforeDiff(loaded.plan, loaded.profile.name, budget)
  return diff ? { diff } : {}
}

/** Deploys the flow where the profile's engine runs it, then runs it. */
export async function runRun(
  request: Located<RunRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const loaded = await loadPlan(request, deps)
  checkDirectAccess('run', loaded.project.manifest.promotion, loaded.profile)
  const engine = await engineFor(loaded, deps, request)
  const run = await runLoaded(
    loaded,
    engine,
    { ...request, redeploy: redeployCommand(request) },
    deps
  )
  return {
    exitCode: run.exitCode,
    diagnostics: run.diagnostics,
    data: {
      kind: 'run',
      plan: loaded.plan,
      report: run.report,
      reportPath: run.reportPath,
      ...(run.lineage ? { lineage: run.lineage } : {})
    }
  }
}

/** How `runLoaded` runs a plan: what `run` and `promote` were asked. */
export interface RunSettings extends LineageQuery {
  readonly parallelism?: number
  readonly failFast?: boolean
  readonly lazy?: boolean
  readonly forceLock?: boolean
  /** Return the lineage view too. */
  readonly lineage?: boolean
  /** The command line that deploys to the same folder again. */
  readonly redeploy: string
}

/** What running a loaded plan gave. */
export interface LoadedRun {
  readonly exitCode: number
  readonly diagnostics: readonly Diagnostic[]
  readonly report: RunReport
  readonly reportPath: string
  readonly lineage?: LineageView
  /** Where the promotion evidence went, when the environment keeps one. */
  readonly evidence?: string
}

/**
 * Runs a loaded plan on its engine (`run`, and `promote` on the target):
 * the run, the promotion evidence of an environment of the chain, and the
 * lineage view. Runs go to `runsRoot`'s `.dtflw/runs` (the working
 * repository even when the plan was read from git at a sha).
 */
export async function runLoaded(
  loaded: LoadedPlan,
  engine: Engine,
  settings: RunSettings,
  deps: CommandDeps,
  runsRoot: string = loaded.project.manifest.root
): Promise<LoadedRun> {
  const now = deps.now ?? ((): Date => new Date())
  const { report, reportFile, deployed, error } = await runFlow(
    engine,
    loaded.plan,
    {
      root: loaded.project.manifest.root,
      runsDir: path.join(runsRoot, '.dtflw', 'runs'),
      parallelism: settings.parallelism ?? deps.cores,
      failFast: settings.failFast === true,
      lazy: settings.lazy === true,
      preview: settings.preview,
      gitSha: loaded.gitSha,
      toolVersion: deps.toolVersion,
      signal: deps.signal,
      onEvent: deps.onEvent,
      onProgress: deps.onProgress,
      forceLock: settings.forceLock,
      command: settings.redeploy,
      mask: deps.masker?.mask,
      maskJson: deps.masker?.maskJson,
      now,
      ...(await dataDiffOf(loaded, settings.preview))
    }
  )
  const diagnostics: Diagnostic[] = [...loaded.warnings]
  if (error) diagnostics.push(...error.diagnostics)
  else if (report.stopped)
    diagnostics.push(warningAt('still-running', report.stopped.reason))
  let evidence: string | undefined
  try {
    evidence = await leaveEvidence({
      engine,
      chain: loaded.project.manifest.promotion,
      profile: loaded.profile,
      report,
      deployed,
      manifestFile: manifestFileOf(settings.cwd, settings.manifest),
      env: deps.env,
      now,
      warn: (message) =>
        diagnostics.push(warningAt('evidence-without-identity', message))
    })
  } catch (error) {
    diagnostics.push(
      warningAt(
        'evidence-not-written',
        `the run's promotion record could not be written (${(error as Error).message}); a later dtflw promote of this commit will not find it.`
      )
    )
  }
  const lineage = settings.lineage
    ? await buildLineageView(loaded, settings, deps, report)
    : undefined
  const cwd = path.resolve(
    runsRoot,
    path.relative(loaded.project.manifest.root, settings.cwd)
  )
  return {
    exitCode: error ? error.exitCode : exitCodeOf(report, deps.signal),
    diagnostics: [...diagnostics, ...lineageWarnings(lineage)],
    report,
    reportPath: path.relative(cwd, reportFile) || reportFile,
    ...(lineage ? { lineage } : {}),
    ...(evidence ? { evidence } : {})
  }
}
