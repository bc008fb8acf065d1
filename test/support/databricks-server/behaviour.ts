import type { OutputWrite, TaskBehaviour, TaskContext } from './types.js'

/**
 * The outputs a notebook following dtflw's contract writes: each `<name>_out`
 * parameter holds a location; `catalog.schema.table` is a table, `/…` or
 * `dbfs:/…` a folder (Delta and Spark write tables as folders). Other
 * locations (`abfss://…`) cannot be seen through the REST API and are not
 * recorded.
 */
export function declaredOutputs(
  parameters: Readonly<Record<string, string>>
): OutputWrite[] {
  const writes: OutputWrite[] = []
  for (const [name, value] of Object.entries(parameters)) {
    if (!name.endsWith('_out')) continue
    if (/^[\w`-]+\.[\w`-]+\.[\w`-]+$/.test(value)) writes.push({ table: value })
    else if (value.startsWith('/') || value.startsWith('dbfs:/'))
      writes.push({ path: value })
  }
  return writes
}

/** Behaviour set for one task key or notebook path, or by a callback. */
export interface BehaviourBook {
  set(keyOrPath: string, behaviour: TaskBehaviour | undefined): void
  setCallback(
    callback: ((task: TaskContext) => TaskBehaviour | undefined) | undefined
  ): void
  resolve(task: TaskContext): TaskBehaviour
}

/**
 * Resolves what a task does: the callback's answer, overridden by what was
 * set for the task key or the notebook path; by default it succeeds and
 * writes its declared outputs.
 */
export function createBehaviourBook(
  callback: ((task: TaskContext) => TaskBehaviour | undefined) | undefined
): BehaviourBook {
  const byName = new Map<string, TaskBehaviour>()
  let current = callback
  return {
    set(keyOrPath, behaviour) {
      if (behaviour === undefined) byName.delete(keyOrPath)
      else byName.set(keyOrPath, behaviour)
    },
    setCallback(next) {
      current = next
    },
    resolve(task) {
      const fromCallback = current?.(task) ?? {}
      const fromName =
        byName.get(task.taskKey) ?? byName.get(task.notebookPath) ?? {}
      const merged = { ...fromCallback, ...fromName }
      return merged.writes === undefined
        ? { ...merged, writes: declaredOutputs(task.baseParameters) }
        : merged
    }
  }
}
