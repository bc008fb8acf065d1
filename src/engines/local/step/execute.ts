import path from 'node:path'
import { copyForSql, planHidden, readFiles } from '../guard/index.js'
import type { SqlInputCopies } from '../guard/index.js'
import { executePythonStep } from '../python/index.js'
import { executeSqlStep } from '../sql/index.js'
import { planDuckdbStepSql, planSqlParameters } from '../tables/index.js'
import type { StepOutput, StepTables } from '../tables/index.js'
import type {
  GuardedEnd,
  NotebookCall,
  NotebookEnd,
  StepReads,
  StepRun
} from './step-run.js'

/**
 * Runs the notebook under the run guard: watched from before its inputs
 * are copied, so a change to one from then on fails this step too. A SQL
 * step reads copies of its inputs (see `copyInputs`). What the guard saw
 * goes to the step's log.
 */
export async function runGuarded(
  run: StepRun,
  reads: StepReads,
  outputs: readonly StepOutput[],
  call: NotebookCall
): Promise<GuardedEnd> {
  const { settings, step } = run
  settings.guard.begin(step.key, {
    enforced: call.mode === 'sql' || settings.sandbox === 'strict',
    reads: await readFiles(reads.inputs, reads.prior),
    writes: outputs.map((o) => o.table.path),
    outputParams: step.outputs.map((o) => o.param)
  })
  let held: SqlInputCopies | undefined
  let ended: NotebookEnd
  try {
    if (call.mode === 'sql') {
      held = await copyForSql(
        reads.inputs,
        outputs,
        path.join(run.tmp, 'inputs')
      )
      ended = await runSql(run, call, held)
    } else {
      ended = await runPython(run, call, reads, {
        inputs: reads.inputs,
        outputs
      })
    }
  } catch (error) {
    ended = { error }
  }
  const verdict = await settings.guard.end(step.key, run.signal.aborted)
  for (const note of verdict.notes) run.record.write(note)
  return { verdict, ended, ...(held ? { held } : {}) }
}

/** A SQL notebook, in a DuckDB worker, over the copies of its tables. */
async function runSql(
  run: StepRun,
  call: NotebookCall,
  held: SqlInputCopies
): Promise<NotebookEnd> {
  const { settings, notebook, tmp, record } = run
  record.write(`${notebook.path}: SQL, in DuckDB`)
  await executeSqlStep({
    root: settings.root,
    notebook,
    parameters: planSqlParameters(call.given, held.tables),
    duckdb: planDuckdbStepSql(held.tables, tmp),
    threads: settings.threads,
    tmp,
    writable: call.writable,
    readOnly: held.folders,
    worker: settings.sqlWorker,
    release: settings.releaseSqlWorker,
    signal: run.signal,
    log: record.write
  })
  return {}
}

/**
 * A Python notebook, in a worker; in sandbox `strict`, it sees of the
 * repository only what it declares (`planHidden`).
 */
async function runPython(
  run: StepRun,
  call: NotebookCall,
  reads: StepReads,
  tables: StepTables
): Promise<NotebookEnd> {
  const { settings, step, notebook, tmp, record } = run
  record.write(
    `${notebook.path}: Python, with ${await settings.python.describe()}`
  )
  const grants = [
    ...reads.inputs.map((i) => i.grant),
    ...reads.prior.flatMap((p) => (p?.grant ? [p.grant] : []))
  ]
  return executePythonStep({
    root: settings.root,
    runner: settings.python,
    spark: settings.spark,
    notebook,
    parameters: call.given,
    sqlParameters: planSqlParameters(call.given, tables),
    duckdb: planDuckdbStepSql(tables, tmp, settings.root),
    threads: settings.threads,
    tmp,
    access: {
      readOnly: grants.flatMap((grant) => [
        ...grant.paths,
        ...grant.directories.map((d) => d.replace(/[\\/]+$/, ''))
      ]),
      writable: call.writable.slice(1),
      ...(settings.sandbox === 'strict'
        ? await planHidden(
            settings.root,
            settings.tableRoot,
            settings.sources,
            step
          )
        : {})
    },
    signal: run.signal,
    log: record.write
  })
}
