import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import {
  DtflwError,
  errorAt,
  ExitCode,
  hasErrors,
  InvalidConfigError,
  dedupeDiagnostics,
  sortDiagnostics,
  warningAt
} from '../diagnostics/index.js'
import type { Flow } from '../flow/index.js'
import { buildFlow, checkProfileAgainstFlow, planFlow } from '../flow/index.js'
import type { Manifest } from '../manifest/index.js'
import { readManifest } from '../manifest/index.js'
import { readNotebook } from '../notebooks/index.js'
import type { ProfileSet } from '../profiles/index.js'
import { openProfiles } from '../profiles/index.js'
import type { ProvenancedValue } from '../profiles/index.js'
import { isDeployOnly } from './project.js'
import { checkUnpassedParameters } from './unpassed-parameters.js'
import type { CommandDeps } from './deps.js'
import type { Located, ValidateRequest } from './request/index.js'
import type { CommandResult } from './result.js'

// Offline: secrets and the git sha are not needed to check shapes and
// references, so these stand in for them.
const OFFLINE = { gitSha: '0000000', preview: 'preview' }

/**
 * Checks the manifest, every profile (planned against the flow) and every
 * notebook, offline and without credentials, and reports every problem at
 * once, so a user fixes everything in one pass.
 */
export async function runValidate(
  request: Located<ValidateRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const read = await readManifest(request.manifest, request.cwd)
  const manifest = read.manifest
  if (!manifest) return done(read.diagnostics, [], 0, undefined)
  const diagnostics: Diagnostic[] = [...read.diagnostics]
  const built = buildFlow(manifest)
  diagnostics.push(...built.diagnostics)
  const flow = hasErrors(diagnostics) ? undefined : built.flow
  // Every profile file is read and parsed once, whatever extends what.
  const set = await openProfiles({
    root: manifest.root,
    profilesDir: manifest.profilesDir,
    context: { env: deps.env, pipeline: manifest.pipeline, ...OFFLINE },
    allowUnsetEnv: true
  })
  const profiles = set.names
  for (const value of set.secretValues) deps.onSecret?.(value)
  diagnostics.push(...checkProfiles(flow, set, deps))
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
  const unique = sortDiagnostics(dedupeDiagnostics(diagnostics))
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

/** Resolves every profile and, when the flow is sound, plans it against each. */
function checkProfiles(
  flow: Flow | undefined,
  set: ProfileSet,
  deps: CommandDeps
): Diagnostic[] {
  const out: Diagnostic[] = [...set.diagnostics, ...set.fileDiagnostics()]
  const unset = new Map<
    string,
    { profiles: string[]; leaf: ProvenancedValue }
  >()
  for (const name of set.names) {
    const { profile, diagnostics } = set.resolve(name)
    for (const value of profile?.secretValues ?? []) deps.onSecret?.(value)
    out.push(...diagnostics)
    for (const leaf of profile?.leaves ?? []) {
      if (!leaf.unresolved || !isDeployOnly(leaf.path)) continue
      for (const variable of leaf.env) {
        const seen = unset.get(variable) ?? { profiles: [], leaf }
        seen.profiles.push(name)
        unset.set(variable, seen)
      }
    }
    if (!profile || !flow) continue
    out.push(...checkProfileAgainstFlow(flow, profile))
    try {
      planFlow(flow, profile)
    } catch (error) {
      if (!(error instanceof InvalidConfigError)) throw error
      out.push(...error.diagnostics)
    }
  }
  // One warning per variable, not one per profile that inherits it.
  for (const [variable, { profiles: using, leaf }] of unset) {
    out.push(
      warningAt(
        'unset-for-deploy',
        `${variable} is not set; deploy and run on ${using.length > 1 ? 'profiles' : 'profile'} ${using.join(', ')} need it (${leaf.path}): set ${variable} in the environment or .env.`,
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
      out.push(
        ...(await checkUnpassedParameters(manifest.root, step, notebook))
      )
    } catch (error) {
      if (!(error instanceof DtflwError)) throw error
      // A missing notebook, a folder or a pipe is reported at its step.
      const atStep = ['missing-notebook', 'notebook-not-a-file']
      if (error.diagnostics.some((d) => atStep.includes(d.code))) continue
      out.push(...error.diagnostics)
    }
  }
  return out
}
