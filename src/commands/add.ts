import { ExitCode } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import type { CommandDeps, CommandResult, LocatedRequest } from './types.js'

/**
 * Adds a notebook step to the pipeline: writes the notebook (reading its
 * parameters the contract's way) and inserts the step into `dtflw.yaml`
 * after the step that produces its last input, keeping the file's comments
 * and quoting. The generator's notebook sub-generator does the work; this
 * is its command-line face. Nothing is written on a refusal (exit 2).
 */
export async function runAdd(
  request: LocatedRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  const { addStep } = await import('#generators/notebook/api.js')
  const result = await addStep({
    root: request.cwd,
    manifest: request.manifest,
    ...(request.step ? { step: request.step } : {}),
    ...(request.inputs ? { inputs: request.inputs } : {}),
    ...(request.outputs ? { outputs: request.outputs } : {}),
    ...(request.language ? { language: request.language } : {}),
    ...(request.after ? { after: request.after } : {}),
    yes: request.yes === true || deps.ask === undefined,
    ...(deps.ask ? { ask: deps.ask } : {})
  })
  const diagnostics = result.diagnostics as Diagnostic[]
  if (result.exitCode !== 0 || !result.step) {
    return { exitCode: ExitCode.Invalid, diagnostics }
  }
  return {
    exitCode: ExitCode.Success,
    diagnostics,
    data: { kind: 'add', step: result.step, written: result.written }
  }
}
