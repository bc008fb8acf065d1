import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { LOCAL_FORMATS } from '../../../profiles/index.js'
import type { PlannedSource, PlannedStep } from '../../../flow/index.js'
import type { Notebook } from '../../../notebooks/index.js'
import { declaredAccesses } from '../../../report/index.js'
import type { StepResult } from '../../../report/index.js'
import {
  checkInputCopies,
  copyForSql,
  planHidden,
  readFiles
} from '../guard/index.js'
import type { RunGuard } from '../guard/index.js'
import {
  discardStaging,
  planDuckdbStepSql,
  planPriorTables,
  planSqlParameters,
  resolveInputs,
  resolveLocalTable,
  stageOutputs,
  tableExists,
  withStagedOutputs
} from '../tables/index.js'
import type {
  StagedOutput,
  StepOutput,
  StepTables,
  TableInspector
} from '../tables/index.js'
import { checkOutputs, countReads } from './output-checks.js'
import { executePythonStep } from '../python/index.js'
import type {
  PythonRunner,
  SandboxLevel,
  SparkChoice
} from '../python/index.js'
import {
  applyWidgetDefaults,
  findWidgetDefaults,
  planRunMode
} from '../notebook/index.js'
import { executeSqlStep } from '../sql/index.js'
import type { SqlWorker } from '../sql/index.js'
import { StepFailure } from '../failure/index.js'
import { isSafeFileName, stepLogPath, stepWorkDir } from './step-files.js'
import { openStepLog } from './step-log.js'
import { startTimeout } from './step-timeout.js'

export { stepLogPath, stepWorkDir } from './step-files.js'

/** What every step of one local run shares. */
export interface LocalStepSettings {
  readonly root: string
  readonly runDir: string
  readonly python: PythonRunner
  /** How Python steps are held; SQL steps are held the same at both levels. */
  readonly sandbox: SandboxLevel
  readonly sqlWorker: () => SqlWorker
  readonly releaseSqlWorker: (worker: SqlWorker) => void
  /** Watches the run's tables and sources, and promotes outputs. */
  readonly guard: RunGuard
  /** The run's table root, hidden from a strict step but for its inputs. */
  readonly tableRoot: string
  readonly spark: SparkChoice
  /** DuckDB threads per step. */
  readonly threads: number
  readonly lazy: boolean
  readonly sources: readonly PlannedSource[]
  readonly inspector: TableInspector
  /** A step running longer is stopped and fails (the profile's `timeout_seconds`). */
  readonly timeoutSeconds?: number
  readonly now: () => Date
  readonly onLog: (key: string, line: string) => void
  /** Hides secrets in the step log file. */
  readonly mask: (text: string) => string
  /** Called once the step really starts (a lazy skip never does). */
  readonly onStarted: (key: string) => void
  /**
   * Work the step need not wait for (removing its private folder and the
   * copies in it), awaited by the run before it ends.
   */
  readonly later: (work: Promise<unknown>) => void
}

/**
 * One step on the local engine, as dtflw's `LazyNotebook.run`: lazy skip
 * (every output present), input checks, the notebook (DuckDB or python3)
 * writing to staging while the run guard watches everything else, output
 * and column checks, then promotion of the outputs into place. Resolves
 * with the step's result; `cancelled` when `signal` aborted it, `failed`
 * when it ran longer than `timeoutSeconds`.
 */
export async function executeLocalStep(
  settings: LocalStepSettings,
  step: PlannedStep,
  notebook: Notebook,
  signal: AbortSignal
): Promise<StepResult> {
  const startedAt = settings.now()
  const logFile = stepLogPath(step.key)
  const log = await openStepLog(path.join(settings.runDir, logFile))
  const write = (line: string): void => {
    log.write(settings.mask(line))
    settings.onLog(step.key, line)
  }
  const declared = declaredAccesses(step)
  let staged: StagedOutput[] = []
  const tmp = stepWorkDir(settings.runDir, step.key)
  // What the report shows: the plan's values, `""` for a missing optional
  // input. The notebook gets the same, with outputs pointing at staging.
  const parameters: Record<string, string> = { ...step.parameters }
  // A lazy skip never starts; every other end follows a start.
  let started = false
  const start = (): void => {
    if (started) return
    started = true
    settings.onStarted(step.key)
  }
  const finish = (
    status: StepResult['status'],
    extra: Partial<StepResult> = {}
  ): StepResult => {
    if (status !== 'lazy') start()
    const finishedAt = settings.now()
    const output = log.tail()
    return {
      key: step.key,
      notebook: step.notebook,
      status,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      attempt: 1,
      parameters,
      ...declared,
      log: logFile,
      ...(output ? { output } : {}),
      ...extra
    }
  }
  const timeout = startTimeout(signal, settings.timeoutSeconds)

  try {
    if (!isSafeFileName(step.key)) {
      throw new StepFailure({
        kind: 'engine',
        message: `step key ${JSON.stringify(step.key)} cannot name the step's log and work folder: set key: on the step in dtflw.yaml to letters, digits, "_" and "-".`
      })
    }
    const outputs = step.outputs.map((output) => ({
      output,
      table: resolveLocalTable(settings.root, output.location)
    }))
    if (settings.lazy && outputs.length > 0) {
      const present = await Promise.all(
        outputs.map((o) => tableExists(o.table))
      )
      if (present.every(Boolean)) {
        write(`Skipped run: ${step.notebook} (--lazy: every output exists)`)
        return finish('lazy')
      }
    }
    start()
    write(`Running: ${step.notebook}`)
    for (const o of outputs) {
      if (!LOCAL_FORMATS.includes(o.table.format)) {
        throw new StepFailure({
          kind: 'engine',
          table: o.output.alias,
          message: `output "${o.output.alias}" has format "${o.table.format}", which the local engine cannot write (parquet, csv, json); use parquet for local profiles.`
        })
      }
    }

    const inputs = await resolveInputs(
      settings.root,
      settings.sources,
      step,
      parameters
    )
    const prior = await planPriorTables(step, inputs, outputs)
    staged = await stageOutputs(outputs.map((o) => o.table.path))
    const stepOutputs: StepOutput[] = outputs.map((o, i) => ({
      ...o,
      staging: staged[i],
      ...(prior[i] ? { prior: prior[i] } : {})
    }))
    for (const o of stepOutputs) {
      if (o.prior)
        write(`${o.output.param}: starts as the rows of the table it rewrites`)
    }
    await mkdir(tmp, { recursive: true })
    const mode = planRunMode(notebook)
    // A widget the flow does not pass takes the notebook's default, as on
    // Databricks: that is how a notebook run as it stands gets its values.
    const { parameters: given, applied } = applyWidgetDefaults(
      withStagedOutputs(settings.root, step, parameters, stepOutputs),
      findWidgetDefaults(notebook)
    )
    for (const w of applied) {
      write(
        `${w.name}: not passed by the flow, so the notebook's default "${w.value}" (${notebook.path}:${w.line})`
      )
    }
    const writable = [tmp, ...new Set(staged.map((s) => s.stagingDir))]

    // Watched from before its inputs are copied: a change to one from then
    // on fails this step too.
    settings.guard.begin(step.key, {
      enforced: mode === 'sql' || settings.sandbox === 'strict',
      reads: await readFiles(inputs, prior),
      writes: outputs.map((o) => o.table.path),
      outputParams: step.outputs.map((o) => o.param)
    })
    let held: Awaited<ReturnType<typeof copyForSql>> | undefined
    let ran: { exitValue?: string } | { error: unknown }
    try {
      // A SQL step reads copies of its inputs: see `copyInputs`.
      if (mode === 'sql') {
        held = await copyForSql(inputs, stepOutputs, path.join(tmp, 'inputs'))
      }
      ran = await runNotebook(held?.tables ?? { inputs, outputs: stepOutputs })
    } catch (error) {
      ran = { error }
    }
    const verdict = await settings.guard.end(step.key, timeout.signal.aborted)
    for (const note of verdict.notes) write(note)
    if (timeout.signal.aborted) return stopped()
    if (verdict.error) {
      const failed =
        'error' in ran && ran.error instanceof StepFailure
          ? ran.error.error.message
          : undefined
      throw new StepFailure({
        ...verdict.error,
        ...(failed ? { detail: failed } : {})
      })
    }
    if ('error' in ran) throw ran.error
    if (held) await checkInputCopies(settings.root, held.copies)
    const exitValue = ran.exitValue

    const writes = await checkOutputs(settings.inspector, stepOutputs)
    if (timeout.signal.aborted) return stopped()
    // Counted before promotion: a step may rewrite the table it read.
    const counted = await countReads(settings.inspector, declared.reads, inputs)
    await settings.guard.promote(stepOutputs.map((o) => o.staging))
    for (const w of writes) write(`wrote ${w.table}: ${w.rows} rows`)
    return finish('succeeded', {
      reads: counted,
      writes,
      ...(exitValue !== undefined ? { exitValue } : {})
    })

    async function runNotebook(
      tables: StepTables
    ): Promise<{ exitValue?: string }> {
      if (mode === 'sql') {
        write(`${notebook.path}: SQL, in DuckDB`)
        await executeSqlStep({
          root: settings.root,
          notebook,
          parameters: planSqlParameters(given, tables),
          duckdb: planDuckdbStepSql(tables, tmp),
          threads: settings.threads,
          tmp,
          writable,
          readOnly: held!.folders,
          worker: settings.sqlWorker,
          release: settings.releaseSqlWorker,
          signal: timeout.signal,
          log: write
        })
        return {}
      }
      write(
        `${notebook.path}: Python, with ${await settings.python.describe()}`
      )
      return executePythonStep({
        root: settings.root,
        runner: settings.python,
        spark: settings.spark,
        notebook,
        parameters: given,
        sqlParameters: planSqlParameters(given, tables),
        duckdb: planDuckdbStepSql(tables, tmp, settings.root),
        threads: settings.threads,
        tmp,
        access: {
          readOnly: [
            ...inputs.map((i) => i.grant),
            ...prior.flatMap((p) => (p?.grant ? [p.grant] : []))
          ].flatMap((grant) => [
            ...grant.paths,
            ...grant.directories.map((d) => d.replace(/[\\/]+$/, ''))
          ]),
          writable: writable.slice(1),
          ...(settings.sandbox === 'strict'
            ? await planHidden(
                settings.root,
                settings.tableRoot,
                settings.sources,
                step
              )
            : {})
        },
        signal: timeout.signal,
        log: write
      })
    }
  } catch (error) {
    if (timeout.signal.aborted) return stopped()
    const failure =
      error instanceof StepFailure
        ? error.error
        : {
            kind: 'engine',
            message: `the local engine failed while running step "${step.key}": ${(error as Error).message}`,
            ...((error as Error).stack
              ? { detail: (error as Error).stack }
              : {})
          }
    write(`Failed: ${failure.message}`)
    // The whole of what the engine said (DuckDB's excerpt, a traceback):
    // the one line above is the summary.
    if (failure.detail) write(failure.detail)
    return finish('failed', { error: failure })
  } finally {
    timeout.clear()
    await discardStaging(staged)
    // Freeing a large copy takes a file system a while: the next step need
    // not wait for it.
    settings.later(rm(tmp, { recursive: true, force: true }))
    await log.close()
  }

  /** Cancelled by the run, or stopped by its timeout. */
  function stopped(): StepResult {
    if (signal.aborted) {
      write('Cancelled')
      return finish('cancelled', {
        error: {
          kind: 'cancelled',
          message: `step "${step.key}" was cancelled.`
        }
      })
    }
    const message = `step "${step.key}" timed out after ${settings.timeoutSeconds} s (timeout_seconds of the profile) and was stopped, with everything it started.`
    write(`Failed: ${message}`)
    return finish('failed', { error: { kind: 'timeout', message } })
  }
}
