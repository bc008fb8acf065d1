import type { Value } from './expression.js'
import type { JobDef, Trigger, WorkflowDef } from './types.js'

/** Jobs in an order that runs each after its `needs:`. */
export function jobOrder(jobs: Record<string, JobDef>): string[] {
  const order: string[] = []
  const visit = (id: string, path: string[]) => {
    if (order.includes(id)) return
    if (path.includes(id))
      throw new Error(`needs cycle: ${[...path, id].join(' → ')}`)
    if (!(id in jobs))
      throw new Error(`job ${path.at(-1)} needs unknown job ${id}`)
    for (const need of [jobs[id].needs ?? []].flat()) visit(need, [...path, id])
    order.push(id)
  }
  for (const id of Object.keys(jobs)) visit(id, [])
  return order
}

/** A job's permissions as a map (`write-all` expanded). */
export function permissionsOf(
  permissions: JobDef['permissions']
): Record<string, string> {
  if (permissions === undefined) return {}
  if (typeof permissions === 'string')
    return permissions === 'write-all'
      ? {
          contents: 'write',
          'pull-requests': 'write',
          deployments: 'write',
          'id-token': 'write'
        }
      : {}
  return permissions
}

/** `inputs`: a dispatch's given inputs over the declared defaults. */
export function inputsOf(workflow: WorkflowDef, trigger: Trigger): Value {
  const declared =
    (
      workflow.on as {
        workflow_dispatch?: { inputs?: Record<string, { default?: unknown }> }
      }
    )?.workflow_dispatch?.inputs ?? {}
  const given = (trigger.payload.inputs ?? {}) as Record<string, unknown>
  const out: Record<string, Value> = {}
  for (const [key, spec] of Object.entries(declared))
    out[key] = (given[key] ?? spec.default ?? '') as Value
  return out
}

/** The pull request's head branch, '' for other events. */
export function headRef(trigger: Trigger): string {
  const pr = trigger.payload.pull_request as
    { head?: { ref?: string } } | undefined
  return pr?.head?.ref ?? ''
}

/** The pull request's base branch, '' for other events. */
export function baseRef(trigger: Trigger): string {
  const pr = trigger.payload.pull_request as
    { base?: { ref?: string } } | undefined
  return pr?.base?.ref ?? ''
}
