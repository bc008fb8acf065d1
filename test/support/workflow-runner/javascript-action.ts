import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { interpolate } from './expression.js'
import type { ExpressionScope } from './expression.js'

/** What a JavaScript action's `action.yml` declares. */
export interface ActionMeta {
  readonly inputs: Readonly<Record<string, { readonly default?: string }>>
  readonly runs: {
    readonly using: string
    readonly main: string
    readonly post?: string
    readonly 'post-if'?: string
  }
}

/** Reads `action.yml` of an action checkout. */
export async function readActionMeta(dir: string): Promise<ActionMeta> {
  const meta = parse(await readFile(path.join(dir, 'action.yml'), 'utf8')) as {
    inputs?: ActionMeta['inputs']
    runs: ActionMeta['runs']
  }
  return { inputs: meta.inputs ?? {}, runs: meta.runs }
}

/**
 * The `INPUT_*` variables of a step, as the runner sets them: each declared
 * input from `with:` or else its default (both evaluated); an input the
 * action does not declare is a warning of the runner ("Unexpected
 * input(s)"), which is how a workflow and its action drift apart unseen.
 */
export function planActionInputs(
  meta: ActionMeta,
  given: Readonly<Record<string, unknown>>,
  scope: ExpressionScope
): { readonly env: Record<string, string>; readonly warnings: string[] } {
  const declared = meta.inputs
  const values = Object.fromEntries(
    Object.entries(given).map(([k, v]) => [k, interpolate(String(v), scope)])
  )
  const warnings = Object.keys(values)
    .filter((key) => !(key in declared))
    .map(
      (key) =>
        `Unexpected input(s) '${key}', valid inputs are [${Object.keys(declared).join(', ')}]`
    )
  const env: Record<string, string> = {}
  for (const [key, spec] of Object.entries(declared)) {
    const value =
      values[key] ??
      (spec.default !== undefined
        ? interpolate(String(spec.default), scope)
        : undefined)
    if (value !== undefined)
      env[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return { env, warnings }
}
