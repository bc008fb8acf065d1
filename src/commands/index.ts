import { DtflwError, InternalError } from '../diagnostics/index.js'
import { runExplain } from './explain.js'
import { runLineage } from './lineage.js'
import { runPlan } from './plan.js'
import { runRun } from './run.js'
import type { CommandDeps, CommandRequest, CommandResult } from './types.js'
import { runValidate } from './validate.js'

export type {
  CommandName,
  CommandRequest,
  CommandDeps,
  CommandResult,
  CommandData,
  ChangedSummary,
  LineageFormat
} from './types.js'
export { exitCodeOf } from './run.js'

const COMMANDS = {
  validate: runValidate,
  plan: runPlan,
  explain: runExplain,
  run: runRun,
  lineage: runLineage
} as const

/**
 * The one command layer under the CLI and the Action. Every failure comes
 * back as a result with its exit code; only a bug becomes an InternalError,
 * whose cause keeps the stack for --debug.
 */
export async function runCommand(
  request: CommandRequest,
  deps: CommandDeps
): Promise<CommandResult & { error?: DtflwError }> {
  try {
    return await COMMANDS[request.command](request, deps)
  } catch (error) {
    const known =
      error instanceof DtflwError
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
