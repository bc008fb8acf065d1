import { ExitCode } from '../diagnostics/index.js'
import { createColumnLearner } from './learn-columns.js'
import type { CommandDeps } from './deps.js'
import type { AddRequest, Located } from './request/index.js'
import type { CommandResult } from './result.js'

/**
 * Adds a notebook step to the pipeline: writes the notebook (reading its
 * parameters the contract's way, each declared as a widget valued as the
 * chosen profile plans it, so the notebook also runs by hand) and inserts
 * the step into `dtflw.yaml` after the step that produces its last input,
 * keeping the file's comments and quoting. `--template` starts the
 * notebook from an ETL pattern; `--list-templates` lists them. `steps/`
 * decides and writes (the Yeoman notebook generator uses it too); this is
 * its command-line face. Nothing is written on a refusal (exit 2).
 */
export async function runAdd(
  request: Located<AddRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  // Loaded only by `add`: no other command pays for the templates.
  const api = await import('../steps/index.js')
  if (request.listTemplates) {
    return {
      exitCode: ExitCode.Success,
      diagnostics: [],
      data: { kind: 'templates', templates: api.listTemplates() }
    }
  }
  const result = await api.addStep({
    root: request.cwd,
    manifest: request.manifest,
    ...(request.step ? { step: request.step } : {}),
    ...(request.template ? { template: request.template } : {}),
    ...(request.inputs ? { inputs: request.inputs } : {}),
    ...(request.outputs ? { outputs: request.outputs } : {}),
    ...(request.key ? { key: request.key } : {}),
    ...(request.by ? { by: request.by } : {}),
    ...(request.columns ? { columns: request.columns } : {}),
    ...(request.language ? { language: request.language } : {}),
    ...(request.after ? { after: request.after } : {}),
    ...(request.profile ? { profile: request.profile } : {}),
    env: deps.env,
    // Columns a template needs and the manifest does not declare: learned
    // by the local engine without running the flow.
    describeTable: createColumnLearner({
      cwd: request.cwd,
      manifest: request.manifest,
      ...(request.profile ? { profile: request.profile } : {}),
      env: deps.env
    }),
    yes: request.yes === true || deps.ask === undefined,
    ...(deps.ask ? { ask: deps.ask } : {})
  })
  if (result.exitCode !== 0 || !result.step) {
    return { exitCode: ExitCode.Invalid, diagnostics: result.diagnostics }
  }
  return {
    exitCode: ExitCode.Success,
    diagnostics: result.diagnostics,
    data: { kind: 'add', step: result.step, written: result.written }
  }
}
