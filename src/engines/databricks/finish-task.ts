import type { PlannedStep } from '../../flow/index.js'
import { declaredAccesses } from '../../report/index.js'
import type { StepError, StepResult, TableAccess } from '../../report/index.js'
import type { DatabricksClient, RunTask } from './api/index.js'
import type { Standing } from './run-states.js'

/** What deciding one ended task needs. */
export interface FinishInput {
  readonly client: DatabricksClient
  readonly step: PlannedStep
  readonly task: RunTask
  readonly standing: Standing
  /** The notebook can end with `dbutils.notebook.exit`: fetch its value. */
  readonly exits: boolean
  /** dtflw's output check after a task succeeded. */
  readonly checkOutputs: (
    step: PlannedStep,
    signal: AbortSignal
  ) => Promise<{ writes: TableAccess[]; error?: StepError }>
  readonly signal: AbortSignal
}

/**
 * The result of one task the platform reports ended: for a failure its
 * error and stack trace (`runs/get-output` of the task run), for a
 * success its exit value (only when its notebook can return one) and the
 * check of its outputs. Skipped and cancelled tasks need no request.
 */
export async function finishTask(input: FinishInput): Promise<StepResult> {
  const { step, task, standing, client, signal } = input
  const base = {
    key: step.key,
    notebook: step.notebook,
    attempt: (task.attempt_number ?? 0) + 1,
    parameters: step.parameters,
    ...declaredAccesses(step),
    ...(task.run_page_url ? { runUrl: task.run_page_url } : {}),
    ...times(task)
  }
  const outcome = standing.outcome ?? 'failed'
  if (outcome === 'skipped') return { ...base, status: 'skipped' }
  if (outcome === 'cancelled')
    return {
      ...base,
      status: 'cancelled',
      error: {
        kind: 'cancelled',
        message: standing.message || 'the run was cancelled'
      }
    }
  if (outcome === 'failed') {
    const output = await client.jobs.getRunOutput(task.run_id, { signal })
    const exitValue = output.notebook_output?.result
    const message =
      firstLine(output.error) ||
      standing.message ||
      `the task ended with ${standing.code ?? 'no state'}`
    const detail = output.error_trace ?? output.error
    return {
      ...base,
      ...(exitValue !== undefined ? { exitValue } : {}),
      status: 'failed',
      error: {
        kind: standing.blame === 'platform' ? 'engine' : 'notebook',
        message:
          standing.blame === 'platform'
            ? `Databricks could not run the task (${standing.code}): ${message}`
            : message,
        ...(detail && detail !== message ? { detail } : {})
      }
    }
  }
  const [output, checked] = await Promise.all([
    input.exits
      ? client.jobs.getRunOutput(task.run_id, { signal })
      : Promise.resolve(undefined),
    input.checkOutputs(step, signal)
  ])
  const exitValue = output?.notebook_output?.result
  return {
    ...base,
    ...(exitValue !== undefined ? { exitValue } : {}),
    status: checked.error ? 'failed' : 'succeeded',
    writes: checked.writes,
    ...(checked.error ? { error: checked.error } : {})
  }
}

function times(task: RunTask): Partial<StepResult> {
  const start = task.start_time ?? 0
  const end = task.end_time ?? 0
  if (start <= 0) return {}
  return {
    startedAt: new Date(start).toISOString(),
    ...(end > 0
      ? {
          finishedAt: new Date(end).toISOString(),
          durationMs: Math.max(0, end - start)
        }
      : {})
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').find((l) => l.trim() !== '') ?? ''
}
