import type { Diagnostic } from '../diagnostics/index.js'
import type { Evaluated, ResolvedProfile } from '../profiles/index.js'
import { locationValue } from './locations.js'
import type { PlannedInput, PlannedOutput, Step } from './types.js'

/** A step's arguments with `${…}` filled, and which of them are secret. */
export interface PlannedArgs {
  readonly args: Readonly<Record<string, string>>
  readonly secret: readonly string[]
}

/** A record without a prototype: an argument named `__proto__` is a key. */
function emptyRecord(): Record<string, string> {
  return Object.create(null) as Record<string, string>
}

/**
 * Fills a step's arguments with the profile's template evaluator, the one
 * its own values went through: same syntax, same environment, same rule
 * for empty variables, and the same marking of secrets.
 */
export function planArgs(
  step: Step,
  profile: ResolvedProfile,
  diagnostics: Diagnostic[],
  known: Map<string, Evaluated> = new Map()
): PlannedArgs {
  const args = emptyRecord()
  const secret: string[] = []
  for (const arg of step.args) {
    // Thousands of steps often pass the same `${var.day}`: a text that
    // filled without a problem fills the same way for every step.
    let value = known.get(arg.value)
    if (!value) {
      value = profile.expand(arg.value, {
        label: `argument "${arg.name}" of step "${step.key}"`,
        location: arg.location
      })
      if (value.diagnostics.length === 0) known.set(arg.value, value)
    }
    diagnostics.push(...value.diagnostics)
    if (value.failed) continue
    args[arg.name] = value.text
    if (value.secret) secret.push(arg.name)
  }
  return { args, secret }
}

/**
 * Exactly the string parameters a notebook receives, in a stable order:
 * arguments, then `<input>_in`, then `<output>_out`.
 */
export function notebookParameters(
  args: Readonly<Record<string, string>>,
  inputs: readonly PlannedInput[],
  outputs: readonly PlannedOutput[]
): Record<string, string> {
  const parameters = Object.assign(emptyRecord(), args)
  for (const i of inputs) parameters[i.param] = locationValue(i.location)
  for (const o of outputs) parameters[o.param] = locationValue(o.location)
  return parameters
}

/**
 * The parameters whose value is secret: secret arguments, and inputs and
 * outputs whose location holds one of the profile's secret strings (a
 * table root built from a secret, say).
 */
export function secretParameters(
  secretArgs: readonly string[],
  parameters: Readonly<Record<string, string>>,
  profile: ResolvedProfile
): string[] {
  const out = new Set(secretArgs)
  if (profile.secretValues.length > 0) {
    for (const [name, value] of Object.entries(parameters)) {
      if (profile.secretValues.some((s) => value.includes(s))) out.add(name)
    }
  }
  return [...out].sort()
}
