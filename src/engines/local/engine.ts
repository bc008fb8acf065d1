import { rm } from 'node:fs/promises'
import { availableParallelism, hostname } from 'node:os'
import path from 'node:path'
import { compareTables, onlyWritten } from '../../diff/index.js'
import type { Plan, PlannedStep } from '../../flow/index.js'
import { readNotebook } from '../../notebooks/index.js'
import type { StepError, StepResult } from '../../report/index.js'
import { notRunResult } from '../../report/index.js'
import type { Engine, EngineRun, RunContext } from '../engine.js'
import { runReady } from '../schedule.js'
import {
  acquireRunLock,
  claimWorkDir,
  createRunGuard,
  planTableRoot,
  removeLeftovers
} from './guard/index.js'
import type { RunGuard } from './guard/index.js'
import { againstKept, localDiffSource } from './data-diff.js'
import { preflight } from './notebook/index.js'
import { createPythonRunner } from './python/index.js'
import type { PythonRunner, SparkChoice } from './python/index.js'
import {
  hasUnheldSteps,
  planSqlSlots,
  planThreadsPerStep,
  planWatchedPlaces
} from './run-plan.js'
import type { LocalEngineSettings } from './settings.js'
import { findDuckDB, localSqlWorkers } from './sql/index.js'
import type { SqlWorker } from './sql/index.js'
import { executeLocalStep } from './step/index.js'
import type { LocalStepSettings } from './step/index.js'
import { createTableInspector } from './tables/index.js'
import type { WorkerPool } from '../worker-pool.js'

/** How to build the local engine. */
export interface LocalEngineOptions {
  /** Absolute repository root (the folder of `dtflw.yaml`). */
  readonly root: string
  /** What the profile and the environment say (`readLocalEngineSettings`). */
  readonly settings: LocalEngineSettings
  /** How long a run waits for another run of the same tables; default 0 (refuse). */
  readonly waitMs?: number
  /** Keep warm Python workers (default); false starts one process per step. */
  readonly warmPython?: boolean
  /** Which `spark` Python notebooks get; default `auto` (PySpark, else DuckDB). */
  readonly spark?: SparkChoice
  /** DuckDB threads per step; default: the cores shared by the steps that can run at once. */
  readonly duckdbThreads?: number
  /** CPU cores to plan for; default `os.availableParallelism()`. */
  readonly cores?: number
}

/** Where a run on a branch keeps the tables it replaces, until its diff. */
const BEFORE_DIR = 'before'

/** Where the version a promotion replaces is kept, remembered in `kept`. */
function keepAt(
  target: string,
  context: RunContext,
  kept: Map<string, string>
): string {
  const at = path.join(
    context.runDir,
    BEFORE_DIR,
    `${kept.size + 1}-${path.basename(target)}`
  )
  kept.set(target, at)
  return at
}

/** What one run holds while its steps run, released when it ends. */
interface RunParts {
  readonly tableRoot: string
  readonly workDir: string
  readonly sqlWorkers: WorkerPool<SqlWorker>
  readonly python: PythonRunner
  /** Work steps left to finish in the background (removing their folders). */
  readonly pending: Promise<unknown>[]
}

/**
 * The local engine: SQL notebooks in DuckDB in worker processes, Python
 * notebooks in warm python3 workers, tables as files under the repository,
 * one shared scheduler, one run per table root at a time. Step logs go to
 * `<runDir>/logs/<key>.log`; the command layer writes the report and the
 * event log around `run`.
 */
export function createLocalEngine(options: LocalEngineOptions): Engine {
  const { root, settings } = options

  async function run(plan: Plan, context: RunContext): Promise<EngineRun> {
    const sqlWorkers = localSqlWorkers(root, settings.env)
    // Read first, so the SQL workers the run will use start loading Node
    // and DuckDB now, alongside the engine's own set-up, not at its first
    // step.
    findDuckDB(root)
    const { notebooks, failures } = await preflight(root, plan)
    if (failures.size === 0) {
      sqlWorkers.prewarm(planSqlSlots(plan, notebooks, context.parallelism))
    }
    const tableRoot = planTableRoot(root, plan, settings.tablesRoot)
    const lock = await acquireRunLock(tableRoot, {
      runId: context.runId,
      waitMs: options.waitMs ?? 0,
      now: context.now,
      signal: context.signal
    })
    const workDir = path.join(context.runDir, 'work')
    const python = createPythonRunner({
      root,
      command: settings.python.command,
      resolve: settings.python.resolve,
      sandbox: settings.sandbox,
      warm: options.warmPython ?? true,
      env: settings.env,
      workDir
    })
    const parts = { tableRoot, workDir, sqlWorkers, python, pending: [] }
    let guard: RunGuard | undefined
    /** The versions promotions replaced, for a run on a branch's diff. */
    const kept = new Map<string, string>()
    try {
      await clearLeftovers(parts, context)
      if (failures.size > 0) return refuseRun(plan, failures, context)
      guard = await createRunGuard({
        root,
        tableRoot,
        places: planWatchedPlaces(root, plan),
        skip: [path.dirname(context.runDir)],
        keepCopies: hasUnheldSteps(notebooks, settings.sandbox),
        vaultDir: path.join(workDir, '.kept'),
        asideDir: path.join(context.runDir, 'changed'),
        ...(context.diff?.before
          ? { keepPrevious: (target) => keepAt(target, context, kept) }
          : {})
      })
      const steps = stepSettings(plan, context, parts, guard)
      const results = await runReady(
        plan,
        (step: PlannedStep, signal: AbortSignal) =>
          executeLocalStep(steps, step, notebooks.get(step.key)!, signal),
        {
          concurrency: context.parallelism,
          signal: context.signal,
          failFast: context.failFast,
          onResult: (result) => emitFinished(context, result)
        }
      )
      // A preview's data diff, in DuckDB, while the run still holds the
      // tables' lock: nothing rewrites them under the comparison.
      const written = context.diff && onlyWritten(context.diff, results)
      const diff = written?.before
        ? againstKept(root, written, kept, results)
        : written
      if (!diff || context.signal.aborted) return { steps: results }
      const source = localDiffSource(root, sqlWorkers)
      const dataDiff = await compareTables(diff, source, Date.now, (table) =>
        context.onProgress?.(`Comparing ${table} with ${diff.against}`)
      )
      return { steps: results, dataDiff }
    } finally {
      python.close()
      await Promise.all(parts.pending)
      await guard?.close()
      await rm(workDir, { recursive: true, force: true })
      await rm(path.join(context.runDir, BEFORE_DIR), {
        recursive: true,
        force: true
      })
      await lock.release()
    }
  }

  /** What every step of a run shares. */
  function stepSettings(
    plan: Plan,
    context: RunContext,
    parts: RunParts,
    guard: RunGuard
  ): LocalStepSettings {
    const { now, emit } = context
    const cores = options.cores ?? availableParallelism()
    return {
      root,
      runDir: context.runDir,
      python: parts.python,
      sandbox: settings.sandbox,
      sqlWorker: () => parts.sqlWorkers.acquire(),
      releaseSqlWorker: (worker) => parts.sqlWorkers.release(worker),
      guard,
      tableRoot: parts.tableRoot,
      spark: options.spark ?? 'auto',
      threads:
        options.duckdbThreads ??
        planThreadsPerStep(plan, context.parallelism, cores),
      lazy: context.lazy,
      sources: plan.sources,
      inspector: createTableInspector(parts.sqlWorkers),
      ...(settings.timeoutSeconds
        ? { timeoutSeconds: settings.timeoutSeconds }
        : {}),
      now,
      mask: context.mask,
      onLog: (key, line) =>
        emit({ type: 'step-log', key, at: now().toISOString(), line }),
      onStarted: (key) =>
        emit({
          type: 'step-started',
          key,
          at: now().toISOString(),
          attempt: 1
        }),
      later: (work) => parts.pending.push(work.catch(() => undefined))
    }
  }

  return {
    name: 'local',
    async deploy(plan) {
      // Local notebooks run where they are; deploying only checks they
      // parse and that DuckDB is installed, before a run folder exists.
      findDuckDB(root)
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

/**
 * What runs that died left behind goes (the lock is held, so no live run
 * of these tables writes there), and this run's work folder is marked as
 * its own.
 */
async function clearLeftovers(
  parts: RunParts,
  context: RunContext
): Promise<void> {
  await removeLeftovers(
    parts.tableRoot,
    path.dirname(context.runDir),
    context.runDir
  )
  await claimWorkDir(parts.workDir, {
    pid: process.pid,
    host: hostname(),
    runId: context.runId,
    startedAt: context.now().toISOString()
  })
}

/**
 * Nothing runs when any notebook cannot: a half-run flow is worse. Each
 * step that cannot run fails with why; the others stay pending.
 */
function refuseRun(
  plan: Plan,
  failures: ReadonlyMap<string, StepError>,
  context: RunContext
): EngineRun {
  const steps = plan.steps.map((step) => {
    const error = failures.get(step.key)
    return error
      ? notRunResult(step, 'failed', { error })
      : notRunResult(step, 'pending')
  })
  for (const result of steps) emitFinished(context, result)
  return { steps }
}

function emitFinished(context: RunContext, result: StepResult): void {
  context.emit({
    type: 'step-finished',
    key: result.key,
    at: context.now().toISOString(),
    result
  })
}
