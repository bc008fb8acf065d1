import type { PlannedStep } from '../../flow/index.js'
import { toPosixRelative } from '../../io/index.js'
import { StepFailure } from './step-failure.js'
import type { StepOutput } from './step-tables.js'
import type { TableWatch, WatchedTable } from './table-watch.js'

/** What watching a Python step needs from the run. */
export interface WatchSettings {
  readonly root: string
  readonly watch: TableWatch
  /** Python steps running now, each with the steps it overlapped. */
  readonly pythonRunning: Map<string, Set<string>>
}

/**
 * Runs a Python step, then fails it when a table of the run that it does
 * not declare as an output changed while it ran (unless cancelled): the
 * lineage would lie otherwise. Python steps running at the same time are
 * named, since any of them may have done it; each change is reported once.
 */
export async function runWatched<T>(
  settings: WatchSettings,
  step: PlannedStep,
  outputs: readonly StepOutput[],
  run: () => Promise<T>,
  signal: AbortSignal
): Promise<T> {
  const overlapped = new Set<string>(settings.pythonRunning.keys())
  for (const others of settings.pythonRunning.values()) others.add(step.key)
  settings.pythonRunning.set(step.key, overlapped)
  let outcome: { value: T } | { error: unknown }
  try {
    outcome = { value: await run() }
  } catch (error) {
    outcome = { error }
  } finally {
    settings.pythonRunning.delete(step.key)
  }
  if (signal.aborted) return rethrow(outcome)
  const own = new Set(outputs.map((o) => o.table.path))
  const changed: WatchedTable[] = await settings.watch.exclusive(async () => {
    const found = await settings.watch.changed(own)
    await settings.watch.record(found.map((t) => t.path))
    return found
  })
  if (changed.length === 0) return rethrow(outcome)
  const names = changed.map((t) => `"${t.table}"`).join(', ')
  const where = changed
    .map((t) => toPosixRelative(settings.root, t.path))
    .join(', ')
  const others = [...overlapped].sort()
  const suspects =
    others.length > 0
      ? ` (steps ${others.map((k) => `"${k}"`).join(', ')} ran at the same time; any of them may have written it)`
      : ''
  const notebookError =
    'error' in outcome && outcome.error instanceof StepFailure
      ? outcome.error.error.message
      : undefined
  throw new StepFailure({
    kind: 'undeclared-write',
    table: changed[0].table,
    message: `${changed.length === 1 ? 'table' : 'tables'} ${names} (${where}) changed while step "${step.key}" ran, and it does not declare ${changed.length === 1 ? 'it' : 'them'} as ${changed.length === 1 ? 'an output' : 'outputs'}${suspects}: declare the output in dtflw.yaml, or stop writing there (sandbox: strict makes such writes fail).`,
    ...(notebookError ? { detail: notebookError } : {})
  })
}

function rethrow<T>(outcome: { value: T } | { error: unknown }): T {
  if ('error' in outcome) throw outcome.error
  return outcome.value
}
