import type { TableAccess } from '../../../report/index.js'
import { declaredAccesses } from '../../../report/index.js'
import type { StepResult } from '../../../report/index.js'
import { StepFailure } from '../failure/index.js'
import { checkInputCopies } from '../guard/index.js'
import type { StepInput, StepOutput } from '../tables/index.js'
import { countReads } from './output-checks.js'
import type { GuardedEnd, StepRun } from './step-run.js'

/**
 * Whether the notebook's run holds, before its outputs are looked at: the
 * guard's verdict first (a write the step may not make fails it, with the
 * notebook's own failure as the detail), then the notebook's error, then
 * a copy of an input it wrote. Returns the notebook's exit value.
 */
export async function checkRun(
  root: string,
  end: GuardedEnd
): Promise<string | undefined> {
  const { verdict, ended, held } = end
  if (verdict.error) {
    const failed =
      'error' in ended && ended.error instanceof StepFailure
        ? ended.error.error.message
        : undefined
    throw new StepFailure({
      ...verdict.error,
      ...(failed ? { detail: failed } : {})
    })
  }
  if ('error' in ended) throw ended.error
  if (held) await checkInputCopies(root, held.copies)
  return ended.exitValue
}

/**
 * The step succeeded: what it read is counted (before promotion, since a
 * step may rewrite the table it read), then its outputs move into place.
 */
export async function publishOutputs(
  run: StepRun,
  inputs: readonly StepInput[],
  outputs: readonly StepOutput[],
  writes: readonly TableAccess[],
  exitValue: string | undefined
): Promise<StepResult> {
  const { settings, record } = run
  const reads = declaredAccesses(run.step).reads
  const counted = await countReads(settings.inspector, reads, inputs)
  await settings.guard.promote(outputs.map((o) => o.staging))
  for (const w of writes) record.write(`wrote ${w.table}: ${w.rows} rows`)
  return record.finish('succeeded', {
    reads: counted,
    writes: [...writes],
    ...(exitValue !== undefined ? { exitValue } : {})
  })
}
