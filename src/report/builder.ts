import type { Plan, PlannedStep } from '../flow/index.js'
import type {
  RemoteRun,
  RunReport,
  RunStatus,
  StepError,
  StepResult,
  StepStatus,
  TableAccess
} from './types.js'
import { planResume } from './resume.js'

/** The tables a step is declared to read and write, before it runs. */
export function declaredAccesses(step: PlannedStep): {
  reads: TableAccess[]
  writes: TableAccess[]
} {
  return {
    reads: step.inputs.map((input) => ({
      table: input.table,
      param: input.param,
      ...(input.location ? { location: input.location } : {})
    })),
    writes: step.outputs.map((output) => ({
      table: output.alias,
      param: output.param,
      location: output.location
    }))
  }
}

/** The result of a step that never ran (skipped, pending, or refused). */
export function notRunResult(
  step: PlannedStep,
  status: StepStatus,
  extra: { skippedBecause?: string; error?: StepError } = {}
): StepResult {
  return {
    key: step.key,
    notebook: step.notebook,
    status,
    attempt: 0,
    parameters: step.parameters,
    ...declaredAccesses(step),
    ...(extra.skippedBecause ? { skippedBecause: extra.skippedBecause } : {}),
    ...(extra.error ? { error: extra.error } : {})
  }
}

/**
 * A run is `cancelled` when someone stopped it, `failed` when any step did
 * not end well (including steps a failure left unrun), else `succeeded`.
 */
function planRunStatus(
  steps: readonly StepResult[],
  cancelled: boolean
): RunStatus {
  if (cancelled) return 'cancelled'
  const good = (s: StepResult): boolean =>
    s.status === 'succeeded' || s.status === 'lazy'
  return steps.every(good) ? 'succeeded' : 'failed'
}

/** What `buildRunReport` needs besides the plan. */
export interface RunReportInput {
  readonly plan: Plan
  readonly runId: string
  readonly toolVersion: string
  readonly gitSha?: string
  readonly preview?: string
  readonly deployedRoot?: string
  readonly remoteRunId?: string
  readonly runUrl?: string
  readonly remoteRuns?: readonly RemoteRun[]
  readonly stopped?: RunReport['stopped']
  readonly startedAt: Date
  readonly finishedAt: Date
  /** One result per planned step, in any order. */
  readonly steps: readonly StepResult[]
  /** True when the run was stopped from outside (Ctrl-C, job cancelled). */
  readonly cancelled: boolean
}

/**
 * Assembles the report from step results: steps in plan order, a planned
 * step without a result becomes `pending`, and `resume` names what is left.
 */
export function buildRunReport(input: RunReportInput): RunReport {
  const byKey = new Map(input.steps.map((s) => [s.key, s]))
  const steps = input.plan.steps.map(
    (step) => byKey.get(step.key) ?? notRunResult(step, 'pending')
  )
  const resume = planResume(input.plan, steps)
  return {
    schemaVersion: 1,
    runId: input.runId,
    pipeline: input.plan.pipeline,
    profile: input.plan.profile,
    engine: input.plan.engine,
    toolVersion: input.toolVersion,
    ...(input.gitSha ? { gitSha: input.gitSha } : {}),
    ...(input.preview ? { preview: input.preview } : {}),
    ...(input.deployedRoot ? { deployedRoot: input.deployedRoot } : {}),
    ...(input.remoteRunId ? { remoteRunId: input.remoteRunId } : {}),
    ...(input.runUrl ? { runUrl: input.runUrl } : {}),
    ...(input.remoteRuns && input.remoteRuns.length > 1
      ? { remoteRuns: input.remoteRuns }
      : {}),
    ...(input.stopped ? { stopped: input.stopped } : {}),
    status: planRunStatus(steps, input.cancelled),
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    durationMs: input.finishedAt.getTime() - input.startedAt.getTime(),
    steps,
    ...(resume ? { resume } : {})
  }
}
