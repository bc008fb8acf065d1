import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import type {
  TaskBehaviour,
  TaskContext
} from '../support/databricks-server/index.js'

/**
 * What the notebooks of a pipeline create on the workspace stand-in,
 * which runs no notebook: each output with the columns `dtflw.yaml`
 * declares for it (the columns the notebook's query produces), the others
 * bare. So a flow whose notebooks keep their declared schema passes the
 * output checks, as it would on a workspace.
 */
export function declaredColumnsBehaviour(
  manifestFile: string
): (task: TaskContext) => TaskBehaviour | undefined {
  const manifest = parse(readFileSync(manifestFile, 'utf8')) as {
    flow: {
      outputs?: (string | { name: string; columns?: Record<string, string> })[]
    }[]
  }
  const columns = new Map<string, Record<string, string>>()
  for (const step of manifest.flow)
    for (const output of step.outputs ?? [])
      if (typeof output !== 'string' && output.columns)
        columns.set(output.name, output.columns)
  return (task) => {
    const writes = Object.entries(task.baseParameters)
      .filter(([name]) => name.endsWith('_out'))
      .map(([name, table]) => {
        const declared = columns.get(name.slice(0, -'_out'.length))
        return declared
          ? {
              table,
              columns: Object.entries(declared).map(([n, type]) => ({
                name: n,
                type
              }))
            }
          : { table }
      })
    return { writes }
  }
}
