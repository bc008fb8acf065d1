import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import {
  DtflwError,
  InternalError,
  InterruptedError
} from '../diagnostics/index.js'
import type { DeployOptions, Engine, EngineRun } from '../engines/index.js'
import type { Plan } from '../flow/index.js'
import type { DataDiffPlan } from '../diff/index.js'
import {
  EVENTS_FILE,
  boundStepEvent,
  boundStepResult,
  buildRunReport,
  createEventLog,
  runFolder,
  toLogRecord,
  writeRunReport
} from '../report/index.js'
import type {
  DeployResult,
  RunEvent,
  RunReport,
  StepEvent
} from '../report/index.js'

/** The default folder of run reports under a repository. */
export const DEFAULT_RUNS_DIR = '.dtflw/runs'

/** How `runFlow` deploys and runs a plan. */
export interface RunFlowOptions {
  /** Absolute repository root; runs go to `<root>/.dtflw/runs` by default. */
  readonly root: string
  /** Where run folders go (default `<root>/.dtflw/runs`). */
  readonly runsDir?: string
  /** Run id (the run folder's name); generated when absent. */
  readonly runId?: string
  readonly parallelism: number
  readonly failFast: boolean
  readonly lazy: boolean
  readonly preview?: string
  readonly gitSha?: string
  readonly toolVersion: string
  readonly signal?: AbortSignal
  readonly onEvent?: (event: RunEvent) => void
  readonly onProgress?: DeployOptions['onProgress']
  /** `--force-lock`, for the deploy. */
  readonly forceLock?: boolean
  /** The command line that deploys here again (the lock's message). */
  readonly command?: string
  /** Applied to the text this run writes (step logs, what notebooks wrote). */
  readonly mask?: (text: string) => string
  /** Applied to the JSON this run writes (report, events); see `Masker.maskJson`. */
  readonly maskJson?: (text: string) => string
  /** The clock (tests pass a fixed one). */
  readonly now?: () => Date
  /** A preview's data diff, which the engine runs after the steps. */
  readonly diff?: DataDiffPlan
}

/** A finished run: its report, where it was written, and the deploy. */
export interface FlowRun {
  readonly report: RunReport
  readonly reportFile: string
  readonly deployed: DeployResult
  /**
   * Why the run ended early, when the engine stopped following it on an
   * error: the command ends with it, after the report was written.
   */
  readonly error?: DtflwError
}

/** `20240102T030405Z-1a2b`: sortable by time, unique enough per machine. */
export function newRunId(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `${stamp}-${randomBytes(2).toString('hex')}`
}

/**
 * What every engine's run shares, so no engine writes it twice: the run
 * folder, `events.jsonl` (deploy, run and step events), the deploy, the
 * engine's run, and `report.json` built from the engine's step results
 * and written atomically before `run-finished` is emitted, also when the
 * engine stopped early (the report says why). A deploy that fails leaves
 * its events in the log and no report.
 */
export async function runFlow(
  engine: Engine,
  plan: Plan,
  options: RunFlowOptions
): Promise<FlowRun> {
  const now = options.now ?? ((): Date => new Date())
  const runsDir = options.runsDir ?? path.join(options.root, DEFAULT_RUNS_DIR)
  const startedAt = now()
  const runId = options.runId ?? newRunId(startedAt)
  const runDir = runFolder(runsDir, runId)
  await mkdir(runDir, { recursive: true })
  const mask = options.mask ?? ((text: string): string => text)
  const maskJson = options.maskJson ?? mask
  const events = await createEventLog(path.join(runDir, EVENTS_FILE), maskJson)
  const emit = (event: RunEvent): void => {
    events.append(toLogRecord(runId, event))
    options.onEvent?.(event)
  }
  // What a notebook wrote is masked and bounded before anyone sees it.
  const emitStep = (event: StepEvent): void => emit(boundStepEvent(event, mask))
  const signal = options.signal ?? new AbortController().signal
  try {
    const notebooks = new Set(plan.steps.map((s) => s.notebook)).size
    emit({
      type: 'deploy-started',
      at: now().toISOString(),
      engine: engine.name,
      notebooks
    })
    const deployed = await engine.deploy(plan, {
      preview: options.preview,
      signal,
      onProgress: options.onProgress,
      forceLock: options.forceLock,
      command: options.command
    })
    emit({ type: 'deploy-finished', at: now().toISOString(), result: deployed })
    emit({
      type: 'run-started',
      at: now().toISOString(),
      runId,
      steps: plan.steps.map((s) => s.key)
    })
    let run: EngineRun
    try {
      run = await engine.run(plan, {
        runId,
        runDir,
        deployed,
        parallelism: options.parallelism,
        failFast: options.failFast,
        lazy: options.lazy,
        signal,
        emit: emitStep,
        mask,
        now,
        ...(options.diff ? { diff: options.diff } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {})
      })
    } catch (error) {
      // The report is written whatever stopped the engine: what ran so far
      // and why it stopped.
      const known = toDtflwError(error, signal)
      run = {
        steps: [],
        stopped: { reason: known.message, stillRunning: [], error: known }
      }
    }
    const report = buildRunReport({
      plan,
      runId,
      toolVersion: options.toolVersion,
      gitSha: options.gitSha,
      preview: options.preview,
      deployedRoot: deployed.root,
      remoteRunId: run.remoteRunId,
      runUrl: run.runUrl,
      remoteRuns: run.remoteRuns,
      ...(run.stopped
        ? {
            stopped: {
              reason: run.stopped.reason,
              stillRunning: run.stopped.stillRunning
            }
          }
        : {}),
      startedAt,
      finishedAt: now(),
      steps: run.steps.map((step) => boundStepResult(step, mask)),
      cancelled: signal.aborted,
      ...(run.dataDiff ? { dataDiff: run.dataDiff } : {})
    })
    const reportFile = await writeRunReport(runsDir, report, maskJson)
    emit({ type: 'run-finished', at: report.finishedAt, report })
    return {
      report,
      reportFile,
      deployed,
      ...(run.stopped?.error ? { error: run.stopped.error } : {})
    }
  } finally {
    await events.close()
  }
}

/** An engine's failure as the error the command ends with. */
function toDtflwError(error: unknown, signal: AbortSignal): DtflwError {
  if (error instanceof DtflwError) return error
  if (signal.aborted)
    return new InterruptedError(
      String(signal.reason ?? 'SIGINT'),
      `the run was interrupted (${String(signal.reason ?? 'SIGINT')}).`
    )
  return new InternalError(String((error as Error)?.message ?? error), {
    cause: error
  })
}
