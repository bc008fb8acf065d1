import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { LOCAL_FORMATS } from '../../profiles/index.js'
import type { PlannedSource, PlannedStep } from '../../flow/index.js'
import { toPosixRelative } from '../../io/index.js'
import type { Notebook } from '../../notebooks/index.js'
import { declaredAccesses } from '../../report/index.js'
import type { StepResult } from '../../report/index.js'
import type { TableInspector } from './inspect.js'
import { checkOutputs, countReads } from './output-checks.js'
import type { PythonRunner } from './python-runner.js'
import { executePythonStep } from './python-step.js'
import type { SparkChoice } from './python-step.js'
import { planPriorTables } from './prior-tables.js'
import { planRunMode } from './runnable.js'
import type { SqlWorker } from './sql-child.js'
import { executeSqlStep } from './sql-step.js'
import { discardStaging, promoteOutput, stageOutputs } from './staging.js'
import type { StagedOutput } from './staging.js'
import { StepFailure } from './step-failure.js'
import { openStepLog } from './step-log.js'
import { planDuckdbStepSql, planSqlParameters } from './step-tables.js'
import type { StepInput, StepOutput, StepTables } from './step-tables.js'
import type { TableWatch } from './table-watch.js'
import { runWatched } from './undeclared-writes.js'
import { applyWidgetDefaults, findWidgetDefaults } from './widget-defaults.js'
import {
  grantFor,
  readExpression,
  resolveLocalTable,
  tableExists
} from './tables.js'

/** What every step of one local run shares. */
export interface LocalStepSettings {
  readonly root: string
  readonly runDir: string
  readonly python: PythonRunner
  readonly sqlWorker: () => SqlWorker
  readonly releaseSqlWorker: (worker: SqlWorker) => void
  /** The run's table locations as the engine left them. */
  readonly watch: TableWatch
  /** Python steps running now, each with the steps it overlapped. */
  readonly pythonRunning: Map<string, Set<string>>
  readonly spark: SparkChoice
  /** DuckDB threads per step. */
  readonly threads: number
  readonly lazy: boolean
  readonly sources: readonly PlannedSource[]
  readonly inspector: TableInspector
  readonly now: () => Date
  readonly onLog: (key: string, line: string) => void
  /** Hides secrets in the step log file. */
  readonly mask: (text: string) => string
  /** Called once the step really starts (a lazy skip never does). */
  readonly onStarted: (key: string) => void
}

/** A step's private folder (temporary files, HOME in a strict sandbox). */
export function stepWorkDir(runDir: string, key: string): string {
  return path.join(runDir, 'work', key)
}

/** Where a step's captured output goes, relative to the run folder. */
export function stepLogPath(key: string): string {
  return `logs/${key}.log`
}

/**
 * One step on the local engine, as dtflw's `LazyNotebook.run`: lazy skip
 * (every output present), input checks, the notebook (DuckDB or python3)
 * writing to staging, output and column checks, then promotion of the
 * outputs into place. Resolves with the step's result; `cancelled` when
 * `signal` aborted it.
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

  try {
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

    const inputs = await resolveInputs(settings, step, parameters)
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
    const tables: StepTables = { inputs, outputs: stepOutputs }

    await mkdir(tmp, { recursive: true })
    const writable = [tmp, ...new Set(staged.map((s) => s.stagingDir))]
    let exitValue: string | undefined
    if (planRunMode(notebook) === 'sql') {
      write(`${notebook.path}: SQL, in DuckDB`)
      await executeSqlStep({
        notebook,
        parameters: planSqlParameters(given, tables),
        duckdb: planDuckdbStepSql(tables, tmp),
        threads: settings.threads,
        tmp,
        writable,
        worker: settings.sqlWorker,
        release: settings.releaseSqlWorker,
        signal,
        log: write
      })
    } else {
      write(
        `${notebook.path}: Python, with ${await settings.python.describe()}`
      )
      const done = await runWatched(
        settings,
        step,
        stepOutputs,
        () =>
          executePythonStep({
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
              writable: writable.slice(1)
            },
            signal,
            log: write
          }),
        signal
      )
      exitValue = done.exitValue
    }
    if (signal.aborted) return cancelled()

    const writes = await checkOutputs(settings.inspector, stepOutputs)
    if (signal.aborted) return cancelled()
    // Counted before promotion: a step may rewrite the table it read.
    const reads = await countReads(settings.inspector, declared.reads, inputs)
    await settings.watch.exclusive(async () => {
      for (const output of stepOutputs) await promoteOutput(output.staging)
      await settings.watch.record(stepOutputs.map((o) => o.table.path))
    })
    for (const w of writes) write(`wrote ${w.table}: ${w.rows} rows`)
    return finish('succeeded', {
      reads,
      writes,
      ...(exitValue !== undefined ? { exitValue } : {})
    })
  } catch (error) {
    if (signal.aborted) return cancelled()
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
    return finish('failed', { error: failure })
  } finally {
    await discardStaging(staged)
    await rm(tmp, { recursive: true, force: true })
    await log.close()
  }

  function cancelled(): StepResult {
    write('Cancelled')
    return finish('cancelled', {
      error: { kind: 'cancelled', message: `step "${step.key}" was cancelled.` }
    })
  }
}

/**
 * Every non-optional input must exist before the step runs (dtflw's
 * "Required input not found"); an optional one that does not exist is
 * given as `""`, as dtflw does.
 */
async function resolveInputs(
  settings: LocalStepSettings,
  step: PlannedStep,
  parameters: Record<string, string>
): Promise<StepInput[]> {
  const inputs: StepInput[] = []
  for (const input of step.inputs) {
    if (!input.location) {
      parameters[input.param] = ''
      continue
    }
    const options = input.isSource
      ? settings.sources.find((s) => s.name === input.table)?.options
      : undefined
    const table = resolveLocalTable(settings.root, input.location, options)
    if (!(await tableExists(table))) {
      if (input.optional) {
        parameters[input.param] = ''
        continue
      }
      const where = toPosixRelative(settings.root, table.path)
      const hint = input.producer
        ? `run step "${input.producer}" first (it writes this table)`
        : input.isSource
          ? `check where the profile says source "${input.table}" lives`
          : 'check its location'
      throw new StepFailure({
        kind: 'input-missing',
        table: input.table,
        message: `input "${input.name}" (table "${input.table}") was not found at ${where}: ${hint}.`
      })
    }
    inputs.push({
      input,
      table,
      reader: await readExpression(table),
      grant: await grantFor(table)
    })
  }
  return inputs
}

/**
 * Path-layout outputs are given to the notebook as their staging path, in
 * the form the plan used (relative to the repository, or absolute), so
 * the notebook writes where promotion picks it up. Catalog-layout outputs
 * keep their table name: the notebook creates the table, the engine copies
 * it out.
 */
function withStagedOutputs(
  root: string,
  step: PlannedStep,
  parameters: Record<string, string>,
  outputs: readonly StepOutput[]
): Record<string, string> {
  const next = { ...parameters }
  for (const o of outputs) {
    if (o.output.location.kind !== 'path') continue
    const given = step.parameters[o.output.param] ?? ''
    next[o.output.param] = path.isAbsolute(given)
      ? o.staging.staged
      : toPosixRelative(root, o.staging.staged)
  }
  return next
}
