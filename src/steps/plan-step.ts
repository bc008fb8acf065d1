import path from 'node:path'
import {
  didYouMean,
  errorAt,
  formatLine,
  hasErrors
} from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import { buildFlow } from '../flow/index.js'
import {
  isValidStepKey,
  parseManifest,
  STEP_KEY_RULE
} from '../manifest/index.js'
import type { Manifest, StepSpec } from '../manifest/index.js'
import { inline, insertItem } from '../yaml-edit/index.js'
import { extensionOf } from './notebook-source.js'
import type { Language, ListedTable } from './templates/index.js'

/**
 * The step's fields as the manifest will list them, where they say more
 * than the names (a template's optional input, expected columns, args).
 */
export interface StepEntry {
  readonly args?: Readonly<Record<string, string>>
  readonly inputs?: readonly ListedTable[]
  readonly outputs?: readonly ListedTable[]
}

/** A step to add, every field decided. */
export interface StepRequest {
  /** Its key and its notebook's file name. */
  readonly step: string
  readonly inputs: readonly string[]
  readonly outputs: readonly string[]
  readonly language: Language
  /** Insert after this step instead of after the last producer. */
  readonly after?: string
  readonly entry?: StepEntry
}

/**
 * What adding the step comes to: the new manifest (text and parsed) and
 * the notebook's path, or the problems that refuse it.
 */
export type StepPlan =
  | {
      readonly ok: true
      readonly manifest: string
      readonly parsed: Manifest
      readonly notebook: string
      readonly index: number
      readonly after?: string
      readonly line: number
    }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] }

/** Tables the new notebook names as `<table>_out` in SQL and Python. */
const TABLE = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * The tables readable just before step `index`: every source, and each
 * output alias with the latest step before `index` that produces it.
 */
export function tablesBefore(
  manifest: Manifest,
  index: number
): Map<string, StepSpec | undefined> {
  const tables = new Map<string, StepSpec | undefined>(
    manifest.sources.map((s) => [s.name, undefined])
  )
  for (const step of manifest.flow.slice(0, index)) {
    for (const o of step.outputs) tables.set(o.alias, step)
  }
  return tables
}

/**
 * The inputs a new step reads when none are named: what the step before it
 * writes, or, on an empty flow, every source.
 */
export function defaultInputs(manifest: Manifest, after?: string): string[] {
  const anchor = after
    ? manifest.flow.find((s) => s.key === after)
    : manifest.flow[manifest.flow.length - 1]
  if (anchor) return anchor.outputs.map((o) => o.alias)
  return manifest.sources.map((s) => s.name)
}

/** The language of new notebooks when none is named: the last step's, else SQL. */
export function defaultLanguage(manifest: Manifest): Language {
  const last = manifest.flow[manifest.flow.length - 1]
  return last && /\.(py|ipynb)$/.test(last.notebook) ? 'python' : 'sql'
}

/**
 * Parses a manifest and refuses one that `dtflw validate` would refuse, so a
 * step is never added to a broken flow (its problems would be blamed on it).
 * @param file The manifest as shown in messages.
 */
export function readSoundManifest(
  text: string,
  file: string,
  root: string
): { manifest?: Manifest; diagnostics: Diagnostic[] } {
  const parsed = parseManifest(text, file, root)
  const diagnostics = [...parsed.diagnostics]
  if (parsed.manifest)
    diagnostics.push(...buildFlow(parsed.manifest).diagnostics)
  if (!parsed.manifest || hasErrors(diagnostics)) return { diagnostics }
  return { manifest: parsed.manifest, diagnostics }
}

/** Problems with the step's own name and outputs. */
function checkNames(
  manifest: Manifest,
  step: string,
  outputs: readonly string[]
): Diagnostic[] {
  const problems: Diagnostic[] = []
  if (!isValidStepKey(step)) {
    problems.push(
      errorAt(
        'invalid-step-name',
        `step name ${JSON.stringify(step)} is not a step key; use ${STEP_KEY_RULE} (it names the notebook file).`
      )
    )
  }
  const same = manifest.flow.find((s) => s.key === step)
  if (same) {
    problems.push(
      errorAt(
        'duplicate-step',
        `step "${step}" already exists (${formatLine(same.location)}); choose another name.`,
        same.keyLocation
      )
    )
  }
  for (const name of outputs) {
    if (!TABLE.test(name)) {
      problems.push(
        errorAt(
          'invalid-table-name',
          `output "${name}" is not a table name the notebook can use; use letters, digits and "_", not starting with a digit.`
        )
      )
    }
  }
  if (outputs.length === 0) {
    problems.push(
      errorAt(
        'no-outputs',
        `step "${step}" writes no table; name at least one output (--outputs).`
      )
    )
  }
  return problems
}

/**
 * Where the step goes: after `after`, else right after the latest step
 * that produces one of its inputs, else first.
 */
function positionOf(
  manifest: Manifest,
  inputs: readonly string[],
  after: string | undefined
): { index: number; problem?: Diagnostic } {
  if (after === undefined) {
    const all = tablesBefore(manifest, manifest.flow.length)
    const producers = inputs
      .map((name) => all.get(name))
      .filter((s) => s !== undefined)
      .map((s) => manifest.flow.indexOf(s))
    return { index: producers.length > 0 ? Math.max(...producers) + 1 : 0 }
  }
  const position = manifest.flow.findIndex((s) => s.key === after)
  if (position >= 0) return { index: position + 1 }
  const keys = manifest.flow.map((s) => s.key)
  return {
    index: manifest.flow.length,
    problem: errorAt(
      'unknown-step',
      `--after ${after}: no step has that key;${didYouMean(after, keys) || ` the steps are: ${keys.join(', ') || '(none)'}.`}`
    )
  }
}

/** Inputs neither a source nor written before `index`, with the closest table. */
function checkInputs(
  manifest: Manifest,
  inputs: readonly string[],
  index: number,
  after: string | undefined
): Diagnostic[] {
  const readable = tablesBefore(manifest, index)
  const everything = tablesBefore(manifest, manifest.flow.length)
  return inputs
    .filter((name) => !readable.has(name))
    .map((name) => {
      const later = manifest.flow
        .slice(index)
        .find((s) => s.outputs.some((o) => o.alias === name))
      return later
        ? errorAt(
            'input-produced-later',
            `input "${name}" is written by step "${later.key}" (${formatLine(later.location)}), which runs after --after ${after}; insert the step later, or drop --after.`
          )
        : errorAt(
            'unknown-input',
            `input "${name}" is not written by any step and is not a source;${didYouMean(name, everything.keys()) || ` declare it under sources: in ${manifest.file}, or add the step that writes it first.`}`,
            undefined,
            {
              detail: `the tables are: ${[...everything.keys()].sort().join(', ') || '(none)'}`
            }
          )
    })
}

/**
 * Decides where the step goes and what it writes, without touching a file.
 * The step goes after `after`, else right after the latest step that
 * produces one of its inputs (the producer of its last input when the
 * inputs are named in flow order), else, reading only sources, first.
 * Every input must be produced before that point or be a source; the
 * refusal says which and suggests the closest table. Reports every problem
 * at once.
 * @param text The manifest's text.
 * @param manifest The same, parsed (`readSoundManifest`).
 * @param exists Whether a file exists, relative to the root.
 */
export function planAddStep(
  text: string,
  manifest: Manifest,
  request: StepRequest,
  exists: (notebook: string) => boolean
): StepPlan {
  const { step, inputs, outputs, language, after } = request
  const problems = checkNames(manifest, step, outputs)
  const { index, problem } = positionOf(manifest, inputs, after)
  if (problem) problems.push(problem)
  problems.push(...checkInputs(manifest, inputs, index, after))
  const anchor =
    manifest.flow[index - 1] ?? manifest.flow[manifest.flow.length - 1]
  const folder = anchor ? path.posix.dirname(anchor.notebook) : 'notebooks'
  const notebook = path.posix.join(folder, `${step}${extensionOf(language)}`)
  const isNew =
    isValidStepKey(step) && !manifest.flow.some((s) => s.key === step)
  if (isNew && exists(notebook)) {
    problems.push(
      errorAt(
        'notebook-exists',
        `${notebook} already exists; choose another step name, or add its step to ${manifest.file} by hand.`
      )
    )
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems }
  const entry = request.entry ?? {}
  const listed = entry.inputs ?? inputs
  const item = {
    notebook,
    ...(entry.args ? { args: inline({ ...entry.args }) } : {}),
    ...(listed.length > 0 ? { inputs: [...listed] } : {}),
    outputs: [...(entry.outputs ?? outputs)]
  }
  const next = insertItem(text, ['flow'], index, item)
  const check = readSoundManifest(next, manifest.file, manifest.root)
  if (!check.manifest) return { ok: false, diagnostics: check.diagnostics }
  const added = check.manifest.flow[index]
  return {
    ok: true,
    manifest: next,
    parsed: check.manifest,
    notebook,
    index,
    ...(index > 0 ? { after: manifest.flow[index - 1].key } : {}),
    line: added.location.line
  }
}
