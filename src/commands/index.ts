import {
  createMasker,
  DtflwError,
  InternalError,
  InterruptedError
} from '../diagnostics/index.js'
import { isSecretName } from '../profiles/index.js'
import { runAdd } from './add.js'
import { runCancel } from './cancel.js'
import { runCleanup } from './cleanup.js'
import { runDeploy } from './deploy.js'
import { runExplain } from './explain.js'
import { runLineage } from './lineage.js'
import { runPlan } from './plan.js'
import { runPromote } from './promote.js'
import { locateManifest } from './find-manifest.js'
import { checkRequest } from './request.js'
import { runRun } from './run.js'
import type { CommandDeps, CommandRequest, CommandResult } from './types.js'
import { runValidate } from './validate.js'
import { runWidgets } from './widgets.js'

export type {
  CommandName,
  CommandRequest,
  CommandDeps,
  CommandResult,
  CommandData,
  LocatedRequest,
  LineageView,
  AddQuestion,
  ChangedSummary,
  LineageFormat
} from './types.js'
export { exitCodeOf } from './run.js'
export {
  COMMAND_NAMES,
  LINEAGE_FORMATS,
  checkRequest,
  parseDuration,
  parseWait
} from './request.js'
export { runFlow, newRunId, DEFAULT_RUNS_DIR } from './run-flow.js'
export type { FlowRun, RunFlowOptions } from './run-flow.js'
export { createEngine } from './engines.js'
export { createColumnLearner } from './learn-columns.js'
export type {
  ColumnLearnerOptions,
  DescribeTable,
  TableDescription
} from './learn-columns.js'

const COMMANDS = {
  validate: runValidate,
  plan: runPlan,
  explain: runExplain,
  deploy: runDeploy,
  run: runRun,
  cleanup: runCleanup,
  cancel: runCancel,
  promote: runPromote,
  add: runAdd,
  widgets: runWidgets,
  lineage: runLineage
} as const

/**
 * The one command layer under the CLI and the Action. Every failure comes
 * back as a result with its exit code; only a bug becomes an InternalError,
 * whose cause keeps the stack for --debug. Secret-looking environment
 * variables are handed to `onSecret` before anything runs.
 */
export async function runCommand(
  request: CommandRequest,
  deps: CommandDeps
): Promise<CommandResult & { error?: DtflwError }> {
  const masker = deps.masker ?? createMasker()
  const onSecret = (value: string): void => {
    masker.add(value)
    deps.onSecret?.(value)
  }
  for (const [name, value] of Object.entries(deps.env)) {
    if (value && isSecretName(name)) onSecret(value)
  }
  try {
    checkRequest(request)
    const located = await locateManifest(request)
    return await COMMANDS[request.command](located, {
      ...deps,
      masker,
      onSecret
    })
  } catch (error) {
    const known =
      deps.signal?.aborted && !(error instanceof InterruptedError)
        ? interrupted(request.command, deps.signal.reason, error)
        : error instanceof DtflwError
          ? error
          : new InternalError(String((error as Error)?.message ?? error), {
              cause: error
            })
    return {
      exitCode: known.exitCode,
      diagnostics: known.diagnostics,
      error: known
    }
  }
}
export { toolVersion } from './version.js'

/**
 * A command stopped by its abort signal: whatever the failure the abort
 * caused on its way out (an aborted request, an aborted wait), the user
 * sees that it was interrupted, with exit 130 or 143, never an internal
 * error.
 */
function interrupted(
  command: string,
  reason: unknown,
  error: unknown
): InterruptedError {
  const why = String(reason ?? 'SIGINT')
  const detail =
    error instanceof DtflwError && !/abort/i.test(error.message)
      ? `: ${error.message}`
      : '.'
  return new InterruptedError(
    why,
    `dtflw ${command} was interrupted (${why})${detail}`
  )
}
