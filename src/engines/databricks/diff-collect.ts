import type { DataDiffPlan } from '../../diff/index.js'
import { onlyWritten } from '../../diff/index.js'
import type { DataDiff, StepResult } from '../../report/index.js'
import type { DatabricksClient, RunTask } from './api/index.js'
import { notCompared, readDiffOutput } from './diff-output.js'
import { standingOf } from './run-states.js'

/**
 * What a preview's data diff task found, once its run ended: its exit
 * value (`runs/get-output` of the task run) read as the data diff, for
 * the tables whose step wrote them. The steps' results are dtflw's own,
 * output checks included, so a table a step failed to write (or wrote
 * without the declared columns) is dropped here, which the notebook
 * could not know. The task's own end never fails the run: a failure, a
 * skip, a missing or unreadable value, or a failed request makes the
 * tables not compared, with the reason.
 */
export async function collectDataDiff(input: {
  readonly client: DatabricksClient
  readonly diff: DataDiffPlan
  /** The diff task as the last poll saw it; undefined when it was never submitted. */
  readonly task: RunTask | undefined
  readonly steps: readonly StepResult[]
  /** Why no diff task was submitted, when none was. */
  readonly notSubmitted?: string
  readonly signal?: AbortSignal
}): Promise<DataDiff | undefined> {
  const written = onlyWritten(input.diff, input.steps)
  if (!written) return undefined
  const { task } = input
  if (input.notSubmitted) return notCompared(written, input.notSubmitted)
  if (!task)
    return notCompared(
      written,
      'the data diff task did not run: no run held it (the steps of its run were left out after a failure)'
    )
  const standing = standingOf(task)
  if (!standing.terminal)
    return notCompared(
      written,
      'the run stopped being followed before the data diff task ended'
    )
  if (standing.outcome === 'skipped' || standing.outcome === 'cancelled')
    return notCompared(
      written,
      `the data diff task did not run to its end (${standing.message || standing.outcome})`
    )
  try {
    const output = await input.client.jobs.getRunOutput(task.run_id, {
      signal: input.signal
    })
    if (standing.outcome !== 'succeeded')
      return notCompared(
        written,
        `the data diff task failed: ${firstLine(output.error) || standing.message || standing.code || 'no reason given'}`
      )
    return readDiffOutput(
      written,
      output.notebook_output?.result,
      output.notebook_output?.truncated === true
    )
  } catch (error) {
    return notCompared(
      written,
      `the data diff task's value could not be read: ${firstLine((error as Error).message)}`
    )
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').find((l) => l.trim() !== '') ?? ''
}
