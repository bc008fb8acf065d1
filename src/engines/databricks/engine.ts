import { readFile } from 'node:fs/promises'
import { setTimeout as delay } from 'node:timers/promises'
import path from 'node:path'
import { UsageError } from '../../diagnostics/index.js'
import type { Plan } from '../../flow/index.js'
import { notRunResult } from '../../report/index.js'
import type { StepResult } from '../../report/index.js'
import type {
  CleanupResult,
  CleanupTarget,
  DeployOptions,
  DeployResult,
  Engine,
  EngineRun,
  RecordStore,
  RunContext
} from '../engine.js'
import type { DatabricksClient } from './api/index.js'
import { deployNotebooks } from './deploy.js'
import { cleanupPreviews } from './cleanup.js'
import { collectDataDiff } from './diff-collect.js'
import { readDiffNotebook } from './diff-notebook.js'
import { DIFF_NOTEBOOK_PATH, diffTaskKey, planDiffTask } from './diff-task.js'
import type { LockHolder } from './lock.js'
import type { SourceReader } from './deploy-files.js'
import { findExitingNotebooks } from './notebook-exits.js'
import { checkStepOutputs } from './output-checks.js'
import { deployRoot, parentFolder } from './paths.js'
import {
  ensurePreviewSchema,
  planPreviewSchema,
  writesInto
} from './preview-schema.js'
import type { PreviewPlacement } from './preview-schema.js'
import type { DatabricksSettings } from './settings.js'
import { planRunBatches } from './run-batches.js'
import { describeStillRunning, outcome, stoppedBy } from './run-outcome.js'
import { planSubmitRun } from './submit.js'
import { JOBS_MAX_TASKS } from './tuning.js'
import { DEFAULT_POLL, type PollPolicy } from './follow-io.js'
import { followRuns } from './watch.js'
import { isNotFound } from './workspace-state.js'

/** How to build the Databricks engine. */
export interface DatabricksEngineOptions {
  readonly client: DatabricksClient
  /** The repository root (where `dtflw.yaml` is). */
  readonly repoRoot: string
  readonly settings: DatabricksSettings
  /** The profile's workspace root; asked once, when first needed. */
  readonly workspaceRoot: () => Promise<string>
  /** Who deploys, for the deploy lock; asked only when a deploy locks. */
  readonly holder: () => Promise<LockHolder>
  /** The caller's Databricks identity, for promotion evidence. */
  readonly identity?: () => Promise<string>
  readonly toolVersion: string
  readonly gitSha?: string
  /** Where notebook bytes come from (default: the working tree). */
  readonly source?: SourceReader
  /** Uploads in flight at once (default 16). */
  readonly concurrency?: number
  readonly poll?: PollPolicy
  readonly lockTtlMs?: number
  /** Tasks one run may hold; a larger plan runs as several (default 1,000). */
  readonly maxTasks?: number
  /** Where previews put their tables, when dtflw makes their schemas. */
  readonly previews?: PreviewPlacement
  /** A preview's deploy carries the data diff notebook. */
  readonly previewDiff?: boolean
  /** Requests the client made so far (for the deploy's count). */
  readonly requestCount?: () => number
  readonly now?: () => Date
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

/** Reads repository files from the working tree. */
export function workingTreeSource(repoRoot: string): SourceReader {
  return {
    async read(repoPath) {
      try {
        return await readFile(path.join(repoRoot, repoPath))
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT' || code === 'EISDIR') return undefined
        throw error
      }
    }
  }
}

/**
 * The Databricks engine: deploys notebooks incrementally under the
 * profile's workspace root (or a preview under it) and runs the plan as
 * one multi-task run whose `depends_on` are the plan's edges.
 */
export function createDatabricksEngine(
  options: DatabricksEngineOptions
): Engine {
  const { client } = options
  const now = options.now ?? ((): Date => new Date())
  const sleep =
    options.sleep ??
    ((ms: number, signal: AbortSignal) =>
      delay(ms, undefined, { signal }) as Promise<void>)
  const count = options.requestCount ?? ((): number => 0)

  async function deploy(
    plan: Plan,
    deployOptions: DeployOptions
  ): Promise<DeployResult> {
    const before = count()
    const { preview } = deployOptions
    // A preview's tables go to a schema of its own, made before anything
    // is uploaded: a catalog that does not exist stops the deploy first.
    if (preview && options.previews && !deployOptions.dryRun) {
      const schema = planPreviewSchema(options.previews, preview)
      if (
        writesInto(plan, schema) &&
        (await ensurePreviewSchema(client, schema, options.previews, {
          signal: deployOptions.signal
        })) === 'created'
      )
        deployOptions.onProgress?.(
          `created the schema ${schema.fullName} for the preview's tables`
        )
    }
    const result = await deployNotebooks(plan, {
      ...(preview && options.previewDiff
        ? { extraFiles: [await readDiffNotebook()] }
        : {}),
      client,
      root: deployRoot(await options.workspaceRoot(), deployOptions.preview),
      source: options.source ?? workingTreeSource(options.repoRoot),
      holder: options.holder,
      tool: options.toolVersion,
      gitSha: options.gitSha,
      concurrency: options.concurrency ?? 16,
      now,
      signal: deployOptions.signal,
      onProgress: deployOptions.onProgress,
      lockTtlMs: options.lockTtlMs,
      forceLock: deployOptions.forceLock,
      command: deployOptions.command,
      dryRun: deployOptions.dryRun
    })
    return options.requestCount
      ? { ...result, requests: count() - before }
      : result
  }

  async function run(plan: Plan, context: RunContext): Promise<EngineRun> {
    const results = new Map<string, StepResult>()
    if (context.lazy) {
      const checked = await Promise.all(
        plan.steps
          .filter((step) => step.outputs.length > 0)
          .map(async (step) => ({
            step,
            checked: await checkStepOutputs(client, step)
          }))
      )
      for (const { step, checked: c } of checked) {
        if (c.error || c.writes.some((w) => w.unchecked)) continue
        const result = { ...notRunResult(step, 'lazy'), writes: c.writes }
        results.set(step.key, result)
        context.emit({
          type: 'step-finished',
          key: step.key,
          at: now().toISOString(),
          result
        })
      }
    }
    const keys = new Set(
      plan.steps.filter((s) => !results.has(s.key)).map((s) => s.key)
    )
    if (keys.size === 0 || context.signal.aborted) return outcome(plan, results)
    // Which notebooks can end with a value, read while the run starts.
    const exiting = findExitingNotebooks(
      plan,
      options.source ?? workingTreeSource(options.repoRoot)
    )
    exiting.catch(() => undefined)
    const diff = context.diff
    const diffKey = diffTaskKey(plan)
    const maxTasks = options.maxTasks ?? JOBS_MAX_TASKS
    // The data diff task goes into the last run: a place is kept for it.
    const batches = planRunBatches(plan, keys, diff ? maxTasks - 1 : maxTasks)
    const last = batches.length - 1
    const inLast = new Set(batches[last])
    const deployedDiff = (context.deployed.ownFiles ?? []).includes(
      DIFF_NOTEBOOK_PATH
    )
    const diffTask = diff && deployedDiff
    const followed = await followRuns({
      client,
      plan,
      batches,
      submit: async (batch, index) =>
        (
          await client.jobs.submitRun(
            planSubmitRun({
              plan,
              keys: new Set(batch),
              root: context.deployed.root,
              runId: context.runId,
              compute: options.settings.compute,
              timeoutSeconds: options.settings.timeoutSeconds,
              part: { index, count: batches.length },
              ...(diffTask && index === last
                ? {
                    extraTasks: [
                      planDiffTask({
                        diff,
                        key: diffKey,
                        keys: new Set(batch),
                        root: context.deployed.root,
                        compute: options.settings.compute
                      })
                    ]
                  }
                : {})
            })
          )
        ).run_id,
      // The diff task follows the steps writing compared tables: those
      // of earlier runs must have ended before the last run starts.
      waitsFor: (index) =>
        diffTask && index === last
          ? diff.tables.map((t) => t.step).filter((k) => !inLast.has(k))
          : [],
      signal: context.signal,
      failFast: context.failFast,
      emit: context.emit,
      now,
      poll: options.poll ?? DEFAULT_POLL,
      sleep,
      checkOutputs: (step, signal) =>
        checkStepOutputs(client, step, { signal }),
      exits: async (notebook) =>
        (await exiting).has(notebook.split(path.sep).join('/'))
    })
    for (const [key, result] of followed.results) results.set(key, result)
    const remoteRuns = followed.runs.map((r) => ({
      remoteRunId: String(r.runId),
      ...(r.url ? { url: r.url } : {})
    }))
    const stillRunning = followed.stillRunning.map((r) => ({
      remoteRunId: String(r.runId),
      ...(r.url ? { url: r.url } : {})
    }))
    const stopped =
      followed.error !== undefined
        ? stoppedBy(followed.error, stillRunning, remoteRuns, plan.profile)
        : stillRunning.length > 0
          ? {
              reason: `the run was interrupted before it stopped: ${describeStillRunning(stillRunning, plan.profile)}.`,
              stillRunning
            }
          : undefined
    const ran = outcome(plan, results, remoteRuns, stopped)
    if (!diff || context.signal.aborted) return ran
    const dataDiff = await collectDataDiff({
      client,
      diff,
      task: followed.otherTasks.get(diffKey),
      steps: ran.steps,
      ...(deployedDiff
        ? {}
        : {
            notSubmitted:
              'the data diff notebook was not deployed with the preview'
          }),
      signal: context.signal
    })
    return dataDiff ? { ...ran, dataDiff } : ran
  }

  async function cleanup(target: CleanupTarget): Promise<CleanupResult> {
    return cleanupPreviews(client, target, {
      root: await options.workspaceRoot(),
      now: now(),
      ...(options.previews ? { previews: options.previews } : {})
    })
  }

  return {
    name: 'databricks',
    deploy,
    run,
    async cancel(target) {
      // A user may pass dtflw's own run id (20260101T000000Z-ab12), the one
      // `dtflw run` names first: sent as NaN, Databricks refused it and the
      // mistake looked like a platform failure (exit 3).
      if (!/^[1-9][0-9]*$/.test(target.remoteRunId)) {
        throw new UsageError(
          `--run-id must be the Databricks run id, the number in the run page's URL (…/run/123), got "${target.remoteRunId}".`
        )
      }
      await client.jobs.cancelRun(Number(target.remoteRunId))
    },
    cleanup,
    records: workspaceRecords(client, options)
  }
}

/** Promotion evidence as workspace files under the profile's root. */
function workspaceRecords(
  client: DatabricksClient,
  options: DatabricksEngineOptions
): RecordStore {
  const at = async (relative: string): Promise<string> =>
    `${await options.workspaceRoot()}/${relative}`
  return {
    async create(relative, content) {
      const file = await at(relative)
      await client.workspace.mkdirs(parentFolder(file))
      try {
        await client.workspace.import({
          path: file,
          format: 'AUTO',
          content,
          overwrite: false
        })
        return 'created'
      } catch (error) {
        if ((error as { category?: string }).category === 'conflict') {
          return 'exists'
        }
        throw error
      }
    },
    async read(relative) {
      const exported = await client.workspace.tryExport(await at(relative), {
        format: 'AUTO'
      })
      return exported?.content.toString('utf8')
    },
    async list(relative) {
      try {
        const objects = await client.workspace.list(await at(relative))
        return objects
          .map((o) => o.path.slice(o.path.lastIndexOf('/') + 1))
          .sort()
      } catch (error) {
        if (isNotFound(error)) return []
        throw error
      }
    },
    async identity() {
      return options.identity?.()
    },
    where: () => options.workspaceRoot()
  }
}
