import type { Plan } from '../../flow/index.js'
import { sha256 } from '../../io/index.js'
import type { SubmitRunRequest, SubmitTask } from './api/index.js'
import { remoteNotebookPath } from './paths.js'
import type { ComputeSpec } from './settings.js'

/** A task's compute fields: none for serverless, else the cluster. */
export function computeFields(
  compute: ComputeSpec
): Pick<SubmitTask, 'existing_cluster_id' | 'new_cluster'> {
  return compute.kind === 'existing'
    ? { existing_cluster_id: compute.clusterId }
    : compute.kind === 'new'
      ? { new_cluster: compute.spec }
      : {}
}

/**
 * One multi-task run for the plan (or one part of it): a task per step,
 * `depends_on` exactly the plan's edges among the submitted steps (the
 * graph is never rebuilt; edges to steps of an earlier part are kept by
 * submitting the part once those ended),
 * the notebook under the deployed root, `base_parameters` exactly the
 * plan's parameters. The idempotency token is derived from the run id and
 * the root, so a retried submit never starts a second run.
 */
export function planSubmitRun(input: {
  readonly plan: Plan
  /** Keys of the steps to run (a lazy run leaves some out). */
  readonly keys: ReadonlySet<string>
  readonly root: string
  readonly runId: string
  readonly compute: ComputeSpec
  readonly timeoutSeconds?: number
  readonly preview?: string
  /** One run of several (a plan larger than a run holds): which. */
  readonly part?: { readonly index: number; readonly count: number }
  /** Tasks of dtflw's own after the steps' (a preview's data diff). */
  readonly extraTasks?: readonly SubmitTask[]
}): SubmitRunRequest & { readonly tasks: readonly SubmitTask[] } {
  const { plan, keys, root } = input
  const compute = computeFields(input.compute)
  const steps = plan.steps
    .filter((step) => keys.has(step.key))
    .map((step): SubmitTask => {
      const after = step.dependsOn.filter((key) => keys.has(key))
      return {
        task_key: step.key,
        ...(after.length > 0
          ? { depends_on: after.map((task_key) => ({ task_key })) }
          : {}),
        notebook_task: {
          notebook_path: remoteNotebookPath(root, step.notebook),
          base_parameters: { ...step.parameters },
          source: 'WORKSPACE'
        },
        ...compute
      }
    })
  const tasks = [...steps, ...(input.extraTasks ?? [])]
  const where = input.preview ? ` ${input.preview}` : ''
  const part = input.part
  const several = part !== undefined && part.count > 1
  return {
    run_name: `dtflw ${plan.pipeline} ${plan.profile}${where} ${input.runId}${several ? ` (${part.index + 1}/${part.count})` : ''}`,
    // At most 64 characters; the same run id, root and tasks give the
    // same run, and a run of other tasks can never be mistaken for it.
    idempotency_token: `dtflw-${sha256(
      [
        root,
        input.runId,
        part?.index ?? 0,
        ...tasks.map((t) => t.task_key)
      ].join('\n')
    ).slice(0, 40)}`,
    ...(input.timeoutSeconds ? { timeout_seconds: input.timeoutSeconds } : {}),
    tasks
  }
}
