import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import type { Plan, PlannedStep } from '../../flow/types.js'
import { readNotebook } from '../../notebooks/index.js'
import {
  EVENTS_FILE,
  buildRunReport,
  createEventLog,
  notRunResult,
  runFolder,
  writeRunReport
} from '../../report/index.js'
import type { RunReport, StepResult } from '../../report/index.js'
import type { Engine, RunEvent, RunOptions } from '../engine.js'
import { runReady } from '../schedule.js'
import { toLogRecord } from './event-records.js'
import { createTableInspector } from './inspect.js'
import { preflight } from './preflight.js'
import type { SparkChoice } from './python-step.js'
import { executeLocalStep } from './step.js'
import type { LocalStepSettings } from './step.js'

/** How to build the local engine. */
export interface LocalEngineOptions {
  /** Absolute repository root (the folder of `dtflw.yaml`). */
  readonly root: string
  /** Where run folders go; default `<root>/.dtflw/runs`. */
  readonly runsDir?: string
  /** The Python interpreter for Python notebooks; default `python3`. */
  readonly python?: string
  /** Which `spark` Python notebooks get; default `auto` (PySpark, else DuckDB). */
  readonly spark?: SparkChoice
  /** dtflw's version, for the report. */
  readonly toolVersion: string
  /** The clock (tests pass a fixed one). */
  readonly now?: () => Date
  /** DuckDB threads per step; default: the cores shared by the steps that can run at once. */
  readonly duckdbThreads?: number
  /** CPU cores to plan for; default `os.availableParallelism()`. */
  readonly cores?: number
}

/** The default folder of run reports under a repository. */
export const DEFAULT_RUNS_DIR = '.dtflw/runs'

/** `20240102T030405Z-1a2b`: sortable by time, unique enough per machine. */
function newRunId(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `${stamp}-${randomBytes(2).toString('hex')}`
}

/**
 * DuckDB threads per step: the cores divided among the steps that can run
 * together (the smaller of the parallelism and the widest level), so
 * parallel branches do not fight over cores while a lone step gets them all.
 */
function threadsPerStep(
  plan: Plan,
  parallelism: number,
  cores: number
): number {
  const widest = Math.max(1, ...plan.levels.map((level) => level.length))
  return Math.max(
    1,
    Math.floor(cores / Math.max(1, Math.min(parallelism, widest)))
  )
}

/**
 * The local engine: SQL notebooks in DuckDB in process, Python notebooks
 * with python3, tables as files under the repository, one shared scheduler.
 * `run` writes `<runsDir>/<runId>/report.json`, `events.jsonl` and
 * `logs/<key>.log`, and `<runsDir>/latest`.
 */
export function createLocalEngine(options: LocalEngineOptions): Engine {
  const root = options.root
  const runsDir = options.runsDir ?? path.join(root, DEFAULT_RUNS_DIR)
  const now = options.now ?? ((): Date => new Date())
  const cores = options.cores ?? availableParallelism()
  const active = new Set<AbortController>()

  async function run(plan: Plan, runOptions: RunOptions): Promise<RunReport> {
    const startedAt = now()
    const runId = runOptions.runId ?? newRunId(startedAt)
    const runDir = runFolder(runsDir, runId)
    await mkdir(runDir, { recursive: true })
    const events = await createEventLog(path.join(runDir, EVENTS_FILE))
    const emit = (event: RunEvent): void => {
      events.append(toLogRecord(runId, event))
      runOptions.onEvent?.(event)
    }
    const stop = new AbortController()
    active.add(stop)
    const signal = runOptions.signal
      ? AbortSignal.any([runOptions.signal, stop.signal])
      : stop.signal
    const inspector = createTableInspector()
    try {
      emit({
        type: 'run-started',
        at: startedAt.toISOString(),
        steps: plan.steps.map((s) => s.key)
      })
      const finished = (result: StepResult): void =>
        emit({
          type: 'step-finished',
          key: result.key,
          at: now().toISOString(),
          result
        })

      const { notebooks, failures } = await preflight(root, plan)
      let results: StepResult[]
      if (failures.size > 0) {
        // Nothing runs when any notebook cannot: a half-run flow is worse.
        results = plan.steps.map((step) => {
          const error = failures.get(step.key)
          return error
            ? notRunResult(step, 'failed', { error })
            : notRunResult(step, 'pending')
        })
        results.forEach(finished)
      } else {
        const settings: LocalStepSettings = {
          root,
          runDir,
          python: options.python ?? 'python3',
          spark: options.spark ?? 'auto',
          threads:
            options.duckdbThreads ??
            threadsPerStep(plan, runOptions.parallelism, cores),
          lazy: runOptions.lazy,
          sources: plan.sources,
          inspector,
          now,
          onLog: (key: string, line: string) =>
            emit({ type: 'step-log', key, at: now().toISOString(), line })
        }
        results = await runReady(
          plan,
          (step: PlannedStep, stepSignal: AbortSignal) =>
            executeLocalStep(
              settings,
              step,
              notebooks.get(step.key)!,
              stepSignal
            ),
          {
            concurrency: runOptions.parallelism,
            signal,
            failFast: runOptions.failFast,
            onStart: (step) =>
              emit({
                type: 'step-started',
                key: step.key,
                at: now().toISOString(),
                attempt: 1
              }),
            onResult: finished
          }
        )
      }

      const report = buildRunReport({
        plan,
        runId,
        toolVersion: options.toolVersion,
        ...(runOptions.gitSha ? { gitSha: runOptions.gitSha } : {}),
        startedAt,
        finishedAt: now(),
        steps: results,
        cancelled: signal.aborted
      })
      await writeRunReport(runsDir, report)
      emit({ type: 'run-finished', at: report.finishedAt, report })
      return report
    } finally {
      active.delete(stop)
      inspector.close()
      await events.close()
    }
  }

  return {
    name: 'local',
    async deploy(plan) {
      // Local notebooks run where they are; deploying only checks they parse.
      const notebooks = [...new Set(plan.steps.map((s) => s.notebook))]
      await Promise.all(
        notebooks.map((p) => readNotebook(path.join(root, p), p))
      )
      return { root, uploaded: [], removed: [], unchanged: notebooks }
    },
    run,
    async cancel() {
      for (const controller of active) controller.abort()
    },
    async cleanup() {
      // Nothing is deployed anywhere, so there is nothing to remove.
    }
  }
}
