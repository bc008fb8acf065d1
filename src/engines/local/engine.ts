import { rm } from 'node:fs/promises'
import { availableParallelism, hostname } from 'node:os'
import path from 'node:path'
import type { Plan, PlannedStep } from '../../flow/index.js'
import { readNotebook } from '../../notebooks/index.js'
import type { Notebook } from '../../notebooks/index.js'
import { notRunResult } from '../../report/index.js'
import type { StepResult } from '../../report/index.js'
import type { Engine, EngineRun, RunContext } from '../engine.js'
import { runReady } from '../schedule.js'
import { findDuckDB, localSqlWorkers } from './sql/index.js'
import { createTableInspector, resolveLocalTable } from './tables/index.js'
import {
  acquireRunLock,
  claimWorkDir,
  createRunGuard,
  planTableRoot,
  removeLeftovers
} from './guard/index.js'
import type { RunGuard, WatchPlace } from './guard/index.js'
import { planRunMode, preflight } from './notebook/index.js'
import { createPythonRunner, planPythonCommand } from './python/index.js'
import type { SandboxLevel, SparkChoice } from './python/index.js'
import { executeLocalStep } from './step/index.js'
import type { LocalStepSettings } from './step/index.js'

/** How to build the local engine. */
export interface LocalEngineOptions {
  /** Absolute repository root (the folder of `dtflw.yaml`). */
  readonly root: string
  /**
   * The Python interpreter for Python notebooks (the profile's `python:`);
   * `DTFLW_PYTHON` in `env` wins; default `python3`, resolved once per run
   * to its real executable.
   */
  readonly python?: string
  /** How Python steps are isolated (the profile's `sandbox:`); default `standard`. */
  readonly sandbox?: SandboxLevel
  /** The CLI's environment: `DTFLW_PYTHON`, the interpreter lookup, HOME. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Keep warm Python workers (default); false starts one process per step. */
  readonly warmPython?: boolean
  /** The profile's table root (`tables.root`, or the warehouse), which a run locks. */
  readonly tablesRoot?: string
  /** How long a run waits for another run of the same tables; default 0 (refuse). */
  readonly waitMs?: number
  /** Which `spark` Python notebooks get; default `auto` (PySpark, else DuckDB). */
  readonly spark?: SparkChoice
  /** DuckDB threads per step; default: the cores shared by the steps that can run at once. */
  readonly duckdbThreads?: number
  /** CPU cores to plan for; default `os.availableParallelism()`. */
  readonly cores?: number
  /** A step running longer fails (the profile's `timeout_seconds`); 0 or absent: none. */
  readonly timeoutSeconds?: number
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
 * How many SQL workers the run will want at once: the SQL steps that can
 * run together (the most in one level), at most the parallelism.
 */
export function planSqlSlots(
  plan: Plan,
  notebooks: ReadonlyMap<string, Notebook>,
  parallelism: number
): number {
  const isSql = (key: string): boolean => {
    const notebook = notebooks.get(key)
    return notebook !== undefined && planRunMode(notebook) === 'sql'
  }
  const widest = Math.max(
    0,
    ...plan.levels.map((level) => level.filter(isSql).length)
  )
  return Math.min(widest, Math.max(1, parallelism))
}

/**
 * Every table and source location of the plan that is a local path, for
 * the run guard: the tables each step reads and writes, and every source
 * of the flow, used by the selected steps or not.
 */
function watchedPlaces(root: string, plan: Plan): WatchPlace[] {
  const places: WatchPlace[] = []
  const add = (
    kind: WatchPlace['kind'],
    name: string,
    location: Parameters<typeof resolveLocalTable>[1] | undefined
  ): void => {
    if (!location) return
    try {
      const p = resolveLocalTable(root, location).path
      if (!places.some((q) => q.path === p && q.kind === kind)) {
        places.push({ path: p, name: `${kind} "${name}"`, kind })
      }
    } catch {
      // Remote: not on this machine.
    }
  }
  for (const step of plan.steps) {
    for (const o of step.outputs) add('table', o.alias, o.location)
    for (const i of step.inputs) {
      if (!i.isSource) add('table', i.table, i.location)
    }
  }
  for (const source of plan.sources) {
    add('source', source.name, source.location)
  }
  return places
}

/**
 * True when the plan has a step the engine cannot hold (a Python step in
 * sandbox `standard`): the run guard then keeps copies to undo its writes.
 */
function hasUnheldSteps(
  notebooks: ReadonlyMap<string, Notebook>,
  sandbox: SandboxLevel
): boolean {
  if (sandbox === 'strict') return false
  return [...notebooks.values()].some((n) => planRunMode(n) === 'python')
}

/**
 * The local engine: SQL notebooks in DuckDB in worker processes, Python
 * notebooks in warm python3 workers, tables as files under the repository,
 * one shared scheduler, one run per table root at a time. Step logs go to
 * `<runDir>/logs/<key>.log`; the command layer writes the report and the
 * event log around `run`.
 */
export function createLocalEngine(options: LocalEngineOptions): Engine {
  const root = options.root
  // The factory is the edge: without an environment given, the process's.
  const env = options.env ?? process.env
  const cores = options.cores ?? availableParallelism()

  async function run(plan: Plan, context: RunContext): Promise<EngineRun> {
    const { now, emit, signal } = context
    const sqlWorkers = localSqlWorkers(root, env)
    // Read first, so the SQL workers the run will use start loading Node
    // and DuckDB now, alongside the engine's own set-up, not at its first
    // step.
    findDuckDB(root)
    const checked = await preflight(root, plan)
    if (checked.failures.size === 0) {
      sqlWorkers.prewarm(
        planSqlSlots(plan, checked.notebooks, context.parallelism)
      )
    }
    const tableRoot = planTableRoot(root, plan, options.tablesRoot)
    const lock = await acquireRunLock(tableRoot, {
      runId: context.runId,
      waitMs: options.waitMs ?? 0,
      now,
      signal
    })
    const workDir = path.join(context.runDir, 'work')
    const sandbox = options.sandbox ?? 'standard'
    const inspector = createTableInspector(sqlWorkers)
    const choice = planPythonCommand(options.python, env.DTFLW_PYTHON)
    const spark = options.spark ?? 'auto'
    const python = createPythonRunner({
      root,
      command: choice.command,
      resolve: choice.resolve,
      sandbox,
      warm: options.warmPython ?? true,
      env,
      workDir
    })
    let guard: RunGuard | undefined
    const pending: Promise<unknown>[] = []
    try {
      await removeLeftovers(
        tableRoot,
        path.dirname(context.runDir),
        context.runDir
      )
      await claimWorkDir(workDir, {
        pid: process.pid,
        host: hostname(),
        runId: context.runId,
        startedAt: now().toISOString()
      })
      const finished = (result: StepResult): void =>
        emit({
          type: 'step-finished',
          key: result.key,
          at: now().toISOString(),
          result
        })
      const { notebooks, failures } = checked
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
      guard = await createRunGuard({
        root,
        tableRoot,
        places: watchedPlaces(root, plan),
        skip: [path.dirname(context.runDir)],
        keepCopies: hasUnheldSteps(notebooks, sandbox),
        vaultDir: path.join(workDir, '.kept'),
        asideDir: path.join(context.runDir, 'changed')
      })
      const settings: LocalStepSettings = {
        root,
        runDir: context.runDir,
        python,
        sandbox,
        sqlWorker: () => sqlWorkers.acquire(),
        releaseSqlWorker: (worker) => sqlWorkers.release(worker),
        guard,
        tableRoot,
        spark,
        threads:
          options.duckdbThreads ??
          threadsPerStep(plan, context.parallelism, cores),
        lazy: context.lazy,
        sources: plan.sources,
        inspector,
        ...(options.timeoutSeconds
          ? { timeoutSeconds: options.timeoutSeconds }
          : {}),
        now,
        mask: context.mask,
        onLog: (key: string, line: string) =>
          emit({ type: 'step-log', key, at: now().toISOString(), line }),
        onStarted: (key: string) =>
          emit({
            type: 'step-started',
            key,
            at: now().toISOString(),
            attempt: 1
          }),
        later: (work) => pending.push(work.catch(() => undefined))
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
          onResult: finished
        }
      )
      return { steps }
    } finally {
      python.close()
      await Promise.all(pending)
      await guard?.close()
      await rm(workDir, { recursive: true, force: true })
      await lock.release()
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
