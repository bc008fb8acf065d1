import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import {
  DtflwError,
  errorAt,
  ExitCode,
  formatLine,
  hasErrors,
  InvalidConfigError,
  sortDiagnostics,
  warningAt
} from '../diagnostics/index.js'
import type { Flow } from '../flow/index.js'
import { buildFlow, planFlow } from '../flow/index.js'
import type { Manifest, StepSpec } from '../manifest/index.js'
import { readManifest } from '../manifest/index.js'
import type { Notebook } from '../notebooks/index.js'
import { findParameterReferences, readNotebook } from '../notebooks/index.js'
import { listProfiles, loadProfile } from '../profiles/index.js'
import type { ProvenancedValue } from '../profiles/index.js'
import { isDeployOnly } from './project.js'
import type { CommandDeps, CommandResult, LocatedRequest } from './types.js'

// Offline: secrets and the git sha are not needed to check shapes and
// references, so these stand in for them.
const OFFLINE = { gitSha: '0000000', preview: 'preview' }

/**
 * Checks the manifest, every profile (planned against the flow) and every
 * notebook, offline and without credentials, and reports every problem at
 * once, so a user fixes everything in one pass.
 */
export async function runValidate(
  request: LocatedRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  const read = await readManifest(request.manifest, request.cwd)
  const manifest = read.manifest
  if (!manifest) return done(read.diagnostics, [], 0, undefined)
  const diagnostics: Diagnostic[] = [...read.diagnostics]
  const built = buildFlow(manifest)
  diagnostics.push(...built.diagnostics)
  const flow = hasErrors(diagnostics) ? undefined : built.flow
  const profiles = await listProfiles(manifest.root, manifest.profilesDir)
  diagnostics.push(...(await checkProfiles(manifest, flow, profiles, deps)))
  for (const name of manifest.promotion) {
    if (!profiles.includes(name)) {
      diagnostics.push(
        errorAt(
          'unknown-promotion-profile',
          `promotion lists "${name}", which has no profile file; add ${manifest.profilesDir}/${name}.yaml or remove it from promotion.`
        )
      )
    }
  }
  diagnostics.push(...(await checkNotebooks(manifest)))
  return done(diagnostics, profiles, manifest.flow.length, manifest.pipeline)
}

function done(
  diagnostics: readonly Diagnostic[],
  profiles: readonly string[],
  steps: number,
  pipeline: string | undefined
): CommandResult {
  const unique = sortDiagnostics(dedupe(diagnostics))
  const errors = unique.filter((d) => d.severity === 'error').length
  return {
    exitCode: errors > 0 ? ExitCode.Invalid : ExitCode.Success,
    diagnostics: unique,
    data: {
      kind: 'validate',
      ...(pipeline ? { pipeline } : {}),
      profiles,
      steps,
      errors,
      warnings: unique.length - errors
    }
  }
}

/** Loads every profile and, when the flow is sound, plans it against each. */
async function checkProfiles(
  manifest: Manifest,
  flow: Flow | undefined,
  profiles: readonly string[],
  deps: CommandDeps
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = []
  const unset = new Map<
    string,
    { profiles: string[]; leaf: ProvenancedValue }
  >()
  if (profiles.length === 0) {
    out.push(
      errorAt(
        'no-profiles',
        `no profiles found in ${manifest.profilesDir}/; add at least ${manifest.profilesDir}/development.yaml.`
      )
    )
  }
  for (const name of profiles) {
    try {
      const profile = await loadProfile({
        root: manifest.root,
        profilesDir: manifest.profilesDir,
        name,
        context: { env: deps.env, pipeline: manifest.pipeline, ...OFFLINE },
        allowUnsetEnv: true
      })
      for (const leaf of profile.leaves) {
        if (!leaf.unresolved || !isDeployOnly(leaf.path)) continue
        for (const name of leaf.env) {
          const seen = unset.get(name) ?? { profiles: [], leaf }
          seen.profiles.push(profile.name)
          unset.set(name, seen)
        }
      }
      if (flow) planFlow(flow, profile, { env: deps.env, ...OFFLINE })
    } catch (error) {
      if (!(error instanceof InvalidConfigError)) throw error
      out.push(...error.diagnostics)
    }
  }
  // One warning per variable, not one per profile that inherits it.
  for (const [name, { profiles: using, leaf }] of unset) {
    out.push(
      warningAt(
        'unset-for-deploy',
        `${name} is not set; deploy and run on ${using.length > 1 ? 'profiles' : 'profile'} ${using.join(', ')} need it (${leaf.path}): set ${name} in the environment or .env.`,
        leaf.from[0]
      )
    )
  }
  return out
}

/** Every notebook must be one; warn about widgets a step never passes. */
async function checkNotebooks(manifest: Manifest): Promise<Diagnostic[]> {
  const out: Diagnostic[] = []
  for (const step of manifest.flow) {
    try {
      const notebook = await readNotebook(
        path.join(manifest.root, step.notebook),
        step.notebook
      )
      out.push(...(notebook.warnings ?? []))
      out.push(...unpassedParameters(step, notebook))
    } catch (error) {
      if (!(error instanceof DtflwError)) throw error
      // A missing notebook is already reported at its step.
      if (error.diagnostics.some((d) => d.code === 'missing-notebook')) continue
      out.push(...error.diagnostics)
    }
  }
  return out
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
