import {
  DtflwError,
  errorAt,
  UnknownProfileError,
  warningAt
} from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import { buildFlow, planFlow } from '../flow/index.js'
import type { Plan } from '../flow/index.js'
import type { Manifest } from '../manifest/index.js'
import { isSecretName, loadProfile } from '../profiles/index.js'
import type { ResolvedProfile } from '../profiles/index.js'

/** The environment profiles are read with (`${VAR}`). */
export type Env = Readonly<Record<string, string | undefined>>

/** The profile whose values a new notebook's widgets hold unless told. */
export const DEFAULT_WIDGET_PROFILE = 'development'

/** The profile the widgets take their values from, or why not. */
export type WidgetProfile =
  | {
      readonly ok: true
      readonly profile?: ResolvedProfile
      readonly diagnostics: Diagnostic[]
    }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] }

/**
 * The profile whose values become a new notebook's widget defaults, loaded
 * offline (an unset variable stays unresolved, as `dtflw validate` does).
 * A profile named with `--profile` must exist; when the default one is
 * missing or does not load, the widgets get empty defaults and a warning
 * says why.
 */
export async function loadWidgetProfile(
  manifest: Manifest,
  named: string | undefined,
  env: Env
): Promise<WidgetProfile> {
  const name = named ?? DEFAULT_WIDGET_PROFILE
  try {
    const profile = await loadProfile({
      root: manifest.root,
      profilesDir: manifest.profilesDir,
      name,
      context: { env, pipeline: manifest.pipeline },
      allowUnsetEnv: true
    })
    return { ok: true, profile, diagnostics: [] }
  } catch (error) {
    if (!(error instanceof DtflwError)) throw error
    if (named !== undefined && error instanceof UnknownProfileError) {
      return { ok: false, diagnostics: [...error.diagnostics] }
    }
    const why = error.diagnostics[0]?.summary ?? error.message
    const diagnostic = `the widgets of the new notebook have empty defaults: profile ${name} did not load (${why})${named ? '' : '; pass --profile NAME to take the values of another profile'}.`
    if (named !== undefined) {
      return {
        ok: false,
        diagnostics: [errorAt('widget-profile', diagnostic)]
      }
    }
    return {
      ok: true,
      diagnostics: [warningAt('widget-profile', diagnostic)]
    }
  }
}

/** `${NAME}`, `${NAME:-x}` in a manifest value. */
const REFERENCE = /\$\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(?::-[^}]*)?\}/g

/** The widget values of a new step, with what kept them empty. */
export interface WidgetDefaults {
  readonly parameters: Record<string, string>
  readonly diagnostics: Diagnostic[]
}

/**
 * The parameters step `key` of `manifest` receives under `profile`, in the
 * plan's order (arguments, inputs, outputs): its widgets. Without a
 * profile, or when the flow does not plan under it, every value is empty
 * (with a warning). A parameter whose value holds a secret (an argument
 * from `.env`, from a variable listed under `secrets:` or with a
 * secret-looking name, a location built from one) is left empty: a
 * notebook in git never holds a secret.
 * @param manifest The manifest with the new step.
 */
export function planWidgetDefaults(
  manifest: Manifest,
  key: string,
  profile: ResolvedProfile | undefined,
  env: Env
): WidgetDefaults {
  const spec = manifest.flow.find((s) => s.key === key)
  if (!spec) throw new Error(`step ${key} is not in the manifest`)
  const empty: Record<string, string> = {}
  for (const a of spec.args) empty[a.name] = ''
  for (const i of spec.inputs) empty[`${i.name}_in`] = ''
  for (const o of spec.outputs) empty[`${o.name}_out`] = ''
  if (!profile) return { parameters: empty, diagnostics: [] }
  const flow = buildFlow(manifest).flow
  let planned: Plan | undefined
  try {
    planned = flow && planFlow(flow, profile, { env })
  } catch (error) {
    if (!(error instanceof DtflwError)) throw error
    const why = error.diagnostics[0]?.summary ?? error.message
    return {
      parameters: empty,
      diagnostics: [
        warningAt(
          'widget-profile',
          `the widgets of the new notebook have empty defaults: the flow does not plan under profile ${profile.name} (${why}).`
        )
      ]
    }
  }
  const step = planned?.steps.find((s) => s.key === key)
  if (!step) return { parameters: empty, diagnostics: [] }
  const secret = new Set([
    ...step.secretParameters,
    // An unset secret-looking variable (offline) has no value to find.
    ...spec.args
      .filter((a) =>
        [...a.value.matchAll(REFERENCE)].some((m) => isSecretName(m[1]))
      )
      .map((a) => a.name)
  ])
  const parameters: Record<string, string> = {}
  for (const [name, value] of Object.entries(step.parameters)) {
    parameters[name] = secret.has(name) ? '' : value
  }
  return { parameters, diagnostics: [] }
}
