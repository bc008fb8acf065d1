import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import {
  DtflwError,
  errorAt,
  ExitCode,
  formatLine,
  warningAt,
  hasErrors,
  sortDiagnostics
} from '../diagnostics/index.js'
import { planFlow } from '../flow/index.js'
import { listProfiles } from '../profiles/index.js'
import type { Notebook } from '../notebooks/index.js'
import { findParameterReferences, readNotebook } from '../notebooks/index.js'
import type { StepSpec } from '../manifest/index.js'
import { loadProject, loadProjectProfile } from './project.js'
import type { CommandDeps, CommandRequest, CommandResult } from './types.js'

/**
 * Checks the manifest, every profile (planned against the flow) and every
 * notebook, offline and without credentials, and reports every problem.
 */
export async function runValidate(
  request: CommandRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  const project = await loadProject(request.manifest, request.cwd)
  const diagnostics: Diagnostic[] = [...project.warnings]
  const { root, profilesDir } = project.manifest
  const profiles = await listProfiles(root, profilesDir)
  if (profiles.length === 0) {
    diagnostics.push(
      errorAt(
        'no-profiles',
        `no profiles found in ${path.posix.join(profilesDir, '')}; add at least profiles/development.yaml.`
      )
    )
  }
  for (const name of profiles) {
    try {
      const profile = await loadProjectProfile(project, name, deps, {
        allowUnsetEnv: true,
        gitSha: '0000000',
        preview: request.preview ?? 'preview'
      })
      planFlow(project.flow, profile, {
        env: deps.env,
        gitSha: '0000000',
        preview: 'preview'
      })
    } catch (error) {
      if (!(error instanceof DtflwError)) throw error
      diagnostics.push(...error.diagnostics)
    }
  }
  for (const name of project.manifest.promotion) {
    if (!profiles.includes(name)) {
      diagnostics.push(
        errorAt(
          'unknown-promotion-profile',
          `promotion lists "${name}", which has no profile file; add ${profilesDir}/${name}.yaml or remove it from promotion.`
        )
      )
    }
  }
  for (const step of project.manifest.flow) {
    try {
      const notebook = await readNotebook(
        path.join(root, step.notebook),
        step.notebook
      )
      diagnostics.push(...(notebook.warnings ?? []))
      diagnostics.push(...unpassedParameters(step, notebook))
    } catch (error) {
      if (!(error instanceof DtflwError)) throw error
      diagnostics.push(...error.diagnostics)
    }
  }
  const unique = dedupe(diagnostics)
  return {
    exitCode: hasErrors(unique) ? ExitCode.Invalid : ExitCode.Success,
    diagnostics: sortDiagnostics(unique),
    data: { kind: 'validate', profiles, steps: project.flow.steps.length }
  }
}

/** Profiles that extend one parent report the parent's problem once each; show it once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const id = JSON.stringify([d.code, d.summary, d.location])
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/**
 * A notebook that reads a widget the step never passes fails only at run
 * time on Databricks ("No input widget named …"); say so while validating.
 */
function unpassedParameters(step: StepSpec, notebook: Notebook): Diagnostic[] {
  const passed = new Set([
    ...step.args.map((a) => a.name),
    ...step.inputs.map((i) => `${i.name}_in`),
    ...step.outputs.map((o) => `${o.name}_out`)
  ])
  const reported = new Set<string>()
  const out: Diagnostic[] = []
  for (const ref of findParameterReferences(notebook)) {
    if (passed.has(ref.name) || reported.has(ref.name)) continue
    reported.add(ref.name)
    out.push(
      warningAt(
        'unpassed-parameter',
        `notebook ${step.notebook} reads parameter "${ref.name}", which step "${step.key}" (${formatLine(step.location)}) does not pass; add it to the step's args, inputs or outputs, or ignore this if the notebook declares a default.`,
        { file: notebook.path, line: ref.line, column: 1 }
      )
    )
  }
  return out
}
