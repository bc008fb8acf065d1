import { availableParallelism } from 'node:os'
import path from 'node:path'
import type { Plan, PlannedStep } from '../../flow/types.js'
import { readNotebook } from '../../notebooks/index.js'
import { notRunResult } from '../../report/index.js'
import type { StepResult } from '../../report/index.js'
import type { Engine, EngineRun, RunContext } from '../engine.js'
import { runReady } from '../schedule.js'
import { loadDuckDB } from './duckdb.js'
import { createTableInspector } from './inspect.js'
import { preflight } from './preflight.js'
import type { SparkChoice } from './python-step.js'
import { executeLocalStep } from './step.js'
import type { LocalStepSettings } from './step.js'

/** How to build the local engine. */
export interface LocalEngineOptions {
  /** Absolute repository root (the folder of `dtflw.yaml`). */
  readonly root: string
  /** The Python interpreter for Python notebooks; default `python3`. */
  readonly python?: string
  /** Which `spark` Python notebooks get; default `auto` (PySpark, else DuckDB). */
  readonly spark?: SparkChoice
  /** DuckDB threads per step; default: the cores shared by the steps that can run at once. */
  readonly duckdbThreads?: number
  /** CPU cores to plan for; default `os.availableParallelism()`. */
  readonly cores?: number
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
 * Step logs go to `<runDir>/logs/<key>.log`; the command layer writes the
 * report and the event log around `run`.
 */
export function createLocalEngine(options: LocalEngineOptions): Engine {
  const root = options.root
  const cores = options.cores ?? availableParallelism()

  async function run(plan: Plan, context: RunContext): Promise<EngineRun> {
    const { now, emit, signal } = context
    await loadDuckDB(root)
    const inspector = createTableInspector()
    try {
      const finished = (result: StepResult): void =>
        emit({
          type: 'step-finished',
          key: result.key,
          at: now().toISOString(),
          result
        })
      const { notebooks, failures } = await preflight(root, plan)
      if (failures.size > 0) {
        // Nothing runs when any notebook cannot: a half-run flow is worse.
        const steps = plan.steps.map((step) => {
          const error = failures.get(step.key)
          return error
            ? notRunResult(step, 'failed', { error })
            : notRunResult(step, 'pending')
        })
        steps.forEach(finished)
        return { steps }
      }
      const settings: LocalStepSettings = {
        root,
        runDir: context.runDir,
        python: options.python ?? 'python3',
        spark: options.spark ?? 'auto',
        threads:
          options.duckdbThreads ??
          threadsPerStep(plan, context.parallelism, cores),
        lazy: context.lazy,
        sources: plan.sources,
        inspector,
        now,
        onLog: (key: string, line: string) =>
          emit({ type: 'step-log', key, at: now().toISOString(), line })
      }
      const steps = await runReady(
        plan,
        (step: PlannedStep, stepSignal: AbortSignal) =>
          executeLocalStep(
            settings,
            step,
            notebooks.get(step.key)!,
            stepSignal
          ),
        {
          concurrency: context.parallelism,
          signal,
          failFast: context.failFast,
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
      return { steps }
    } finally {
      inspector.close()
    }
  }

  return {
    name: 'local',
    async deploy(plan) {
      // Local notebooks run where they are; deploying only checks they
      // parse and that DuckDB loads, before a run folder exists.
      await loadDuckDB(root)
      const notebooks = [...new Set(plan.steps.map((s) => s.notebook))]
      await Promise.all(
        notebooks.map((p) => readNotebook(path.join(root, p), p))
      )
      return { root, uploaded: [], removed: [], unchanged: notebooks }
    },
    run,
    async cancel() {
      // A local run lives in this process: its signal stops it.
    },
    async cleanup() {
      // Nothing is deployed anywhere, so there is nothing to remove.
      return { removed: [], kept: [] }
    }
  }
}
