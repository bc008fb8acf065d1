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
import type { CommandDeps } from './deps.js'
import { runDeploy } from './deploy.js'
import { runExplain } from './explain.js'
import { runLineage } from './lineage.js'
import { runPlan } from './plan.js'
import { runPromote } from './promote.js'
import { locateManifest } from './find-manifest.js'
import { buildRequest } from './request/index.js'
import type {
  CommandName,
  Located,
  RequestDraft,
  RequestMap
} from './request/index.js'
import type { CommandResult } from './result.js'
import { runRun } from './run.js'
import { runValidate } from './validate.js'
import { runWidgets } from './widgets.js'

export type { AddQuestion, CommandDeps } from './deps.js'
export type {
  ChangedSummary,
  CommandData,
  CommandResult,
  LineageView
} from './result.js'
export {
  buildRequest,
  COMMAND_NAMES,
  commandSpec,
  draftRequest,
  mustBe,
  OPTION_FIELDS,
  optionSpec,
  optionsOf,
  parseDuration,
  parseWait,
  splitList
} from './request/index.js'
export type {
  CommandName,
  CommandRequest,
  DraftValue,
  OPTION_SPECS,
  OptionField,
  OptionSpec,
  RequestDraft
} from './request/index.js'
export { exitCodeOf } from './run.js'
export { runFlow, newRunId, DEFAULT_RUNS_DIR } from './run-flow.js'
export type { FlowRun, RunFlowOptions } from './run-flow.js'
export { createEngine } from './engines.js'
export { createColumnLearner } from './learn-columns.js'
export type {
  ColumnLearnerOptions,
  DescribeTable,
  TableDescription
} from './learn-columns.js'

/** Runs one command on its own request. */
type CommandRunner<C extends CommandName> = (
  request: Located<RequestMap[C]>,
  deps: CommandDeps
) => Promise<CommandResult>

const RUNNERS: { readonly [C in CommandName]: CommandRunner<C> } = {
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
}

/**
 * The one command layer under the CLI and the Action: checks the request
 * (`buildRequest`), finds its manifest and runs its command. Every failure
 * comes back as a result with its exit code; only a bug becomes an
 * InternalError, whose cause keeps the stack for --debug. Secret-looking
 * environment variables are handed to `onSecret` before anything runs, so
 * even a refused request's message is masked.
 */
export async function runCommand(
  draft: RequestDraft,
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
    const request = buildRequest(draft)
    const located = await locateManifest(request)
    return await dispatch(located.command, located, {
      ...deps,
      masker,
      onSecret
    })
  } catch (error) {
    const known =
      deps.signal?.aborted && !(error instanceof InterruptedError)
        ? interrupted(draft.command, deps.signal.reason, error)
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

/** Hands a request to its command's runner, typed by the command's name. */
function dispatch<C extends CommandName>(
  command: C,
  request: Located<RequestMap[C]>,
  deps: CommandDeps
): Promise<CommandResult> {
  const runner: CommandRunner<C> = RUNNERS[command]
  return runner(request, deps)
}

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
