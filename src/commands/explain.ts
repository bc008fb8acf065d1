import { ExitCode } from '../diagnostics/index.js'
import { explainProfile } from '../profiles/index.js'
import { loadProject, loadProjectProfile } from './project.js'
import type { CommandDeps } from './deps.js'
import type { ExplainRequest, Located } from './request/index.js'
import type { CommandResult } from './result.js'

/** Every resolved value of a profile and the file:line it came from. */
export async function runExplain(
  request: Located<ExplainRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const project = await loadProject(request.manifest, request.cwd)
  const profile = await loadProjectProfile(project, request.profile, deps, {
    preview: request.preview,
    allowUnsetEnv: true
  })
  const rows = explainProfile(profile)
  return {
    exitCode: ExitCode.Success,
    diagnostics: project.warnings,
    data: { kind: 'explain', profile: profile.name, rows }
  }
}
