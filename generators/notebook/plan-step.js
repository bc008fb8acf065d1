// @ts-check
import path from 'node:path'
import {
  buildFlow,
  didYouMean,
  errorAt,
  formatLine,
  hasErrors,
  isValidStepKey,
  parseManifest,
  STEP_KEY_RULE
} from '../dtflw.js'
import { inline, insertItem } from '../yaml-edit.js'
import { extensionOf } from './notebook-source.js'

/** @typedef {import('../dtflw.js').Diagnostic} Diagnostic */
/** @typedef {import('../dtflw.js').Manifest} Manifest */
/** @typedef {import('../dtflw.js').StepSpec} StepSpec */
/** @typedef {import('./notebook-source.js').Language} Language */

/**
 * A step to add, every field decided.
 * @typedef {object} StepRequest
 * @property {string} step Its key and its notebook's file name.
 * @property {readonly string[]} inputs
 * @property {readonly string[]} outputs
 * @property {Language} language
 * @property {string} [after] Insert after this step instead of after the last producer.
 * @property {{ args?: Record<string, string>, inputs?: unknown[], outputs?: unknown[] }} [entry]
 *   The step's fields as the manifest will list them, where they say more
 *   than the names (a template's optional input, expected columns, args).
 */

/**
 * What adding the step comes to: the new manifest (text and parsed) and
 * the notebook's path, or the problems that refuse it.
 * @typedef {{ ok: true, manifest: string, parsed: Manifest, notebook: string, index: number, after?: string, line: number }
 *   | { ok: false, diagnostics: Diagnostic[] }} StepPlan
 */

/** Step keys, as the manifest schema allows them. */
/** Tables the new notebook names as `<table>_out` in SQL and Python. */
const TABLE = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * The tables readable just before step `index`: every source, and each
 * output alias with the latest step before `index` that produces it.
 * @param {Manifest} manifest
 * @param {number} index
 */
export function tablesBefore(manifest, index) {
  /** @type {Map<string, StepSpec | undefined>} */
  const tables = new Map(manifest.sources.map((s) => [s.name, undefined]))
  for (const step of manifest.flow.slice(0, index)) {
    for (const o of step.outputs) tables.set(o.alias, step)
  }
  return tables
}

/**
 * The inputs a new step reads when none are named: what the step before it
 * writes, or, on an empty flow, every source.
 * @param {Manifest} manifest
 * @param {string} [after]
 */
export function defaultInputs(manifest, after) {
  const anchor = after
    ? manifest.flow.find((s) => s.key === after)
    : manifest.flow[manifest.flow.length - 1]
  if (anchor) return anchor.outputs.map((o) => o.alias)
  return manifest.sources.map((s) => s.name)
}

/**
 * The language of new notebooks when none is named: the last step's, else SQL.
 * @param {Manifest} manifest
 * @returns {Language}
 */
export function defaultLanguage(manifest) {
  const last = manifest.flow[manifest.flow.length - 1]
  return last && /\.(py|ipynb)$/.test(last.notebook) ? 'python' : 'sql'
}

/**
 * Parses a manifest and refuses one that `dtflw validate` would refuse, so a
 * step is never added to a broken flow (its problems would be blamed on it).
 * @param {string} text
 * @param {string} file The manifest as shown in messages.
 * @param {string} root
 * @returns {{ manifest?: Manifest, diagnostics: Diagnostic[] }}
 */
export function readSoundManifest(text, file, root) {
  const parsed = parseManifest(text, file, root)
  const diagnostics = [...parsed.diagnostics]
  if (parsed.manifest)
    diagnostics.push(...buildFlow(parsed.manifest).diagnostics)
  if (!parsed.manifest || hasErrors(diagnostics)) return { diagnostics }
  return { manifest: parsed.manifest, diagnostics }
}

/**
 * Decides where the step goes and what it writes, without touching a file.
 * The step goes after `after`, else right after the latest step that
 * produces one of its inputs (the producer of its last input when the inputs
 * are named in flow order), else, reading only sources, first. Every input must be produced
 * before that point or be a source; the refusal says which and suggests the
 * closest table. Reports every problem at once.
 * @param {string} text The manifest's text.
 * @param {Manifest} manifest The same, parsed (`readSoundManifest`).
 * @param {StepRequest} request
 * @param {(notebook: string) => boolean} exists Whether a file exists, relative to the root.
 * @returns {StepPlan}
 */
export function planAddStep(text, manifest, request, exists) {
  const file = manifest.file
  /** @type {Diagnostic[]} */
  const problems = []
  const { step, inputs, outputs, language, after } = request
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
  let index = manifest.flow.length
  if (after !== undefined) {
    const position = manifest.flow.findIndex((s) => s.key === after)
    if (position < 0) {
      const keys = manifest.flow.map((s) => s.key)
      problems.push(
        errorAt(
          'unknown-step',
          `--after ${after}: no step has that key;${didYouMean(after, keys) || ` the steps are: ${keys.join(', ') || '(none)'}.`}`
        )
      )
    } else {
      index = position + 1
    }
  } else {
    const all = tablesBefore(manifest, manifest.flow.length)
    const producers = inputs
      .map((name) => all.get(name))
      .filter((s) => s !== undefined)
      .map((s) => manifest.flow.indexOf(s))
    index = producers.length > 0 ? Math.max(...producers) + 1 : 0
  }
  const readable = tablesBefore(manifest, index)
  const everything = tablesBefore(manifest, manifest.flow.length)
  for (const name of inputs) {
    if (readable.has(name)) continue
    const later = manifest.flow
      .slice(index)
      .find((s) => s.outputs.some((o) => o.alias === name))
    problems.push(
      later
        ? errorAt(
            'input-produced-later',
            `input "${name}" is written by step "${later.key}" (${formatLine(later.location)}), which runs after --after ${after}; insert the step later, or drop --after.`
          )
        : errorAt(
            'unknown-input',
            `input "${name}" is not written by any step and is not a source;${didYouMean(name, everything.keys()) || ` declare it under sources: in ${file}, or add the step that writes it first.`}`,
            undefined,
            {
              detail: `the tables are: ${[...everything.keys()].sort().join(', ') || '(none)'}`
            }
          )
    )
  }
  const anchor =
    manifest.flow[index - 1] ?? manifest.flow[manifest.flow.length - 1]
  const folder = anchor ? path.posix.dirname(anchor.notebook) : 'notebooks'
  const notebook = path.posix.join(folder, `${step}${extensionOf(language)}`)
  if (isValidStepKey(step) && !same && exists(notebook)) {
    problems.push(
      errorAt(
        'notebook-exists',
        `${notebook} already exists; choose another step name, or add its step to ${file} by hand.`
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
  const check = readSoundManifest(next, file, manifest.root)
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
