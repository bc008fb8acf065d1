import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import { errorAt, escapeText } from '../diagnostics/index.js'
import type { StepSpec } from './types.js'

/**
 * A task key Databricks accepts (`^[\w\-]+$`, at most 100 characters, ASCII
 * as Java reads `\w`) and a safe file name on every system: the key names
 * the step's log and work folder. A leading `-` would read as an option.
 */
const STEP_KEY = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,99}$/

/** The rule, in the words messages use. */
export const STEP_KEY_RULE =
  'letters, digits, "_" and "-", at most 100 characters, not starting with "-"'

/** The longest task key Databricks accepts. */
const MAX_KEY = 100

/** True when `key` can be a task key and a file name. */
export function isValidStepKey(key: string): boolean {
  return STEP_KEY.test(key)
}

/** The task key a notebook gives a step without `key:`: its file name without extension. */
export function keyFromNotebook(notebook: string): string {
  return path.posix.basename(notebook).replace(/\.[^.]*$/, '')
}

/** What is wrong with a key, in words; undefined when nothing is. */
function keyProblem(key: string): string | undefined {
  if (key === '') return 'is empty'
  if (key === '.' || key === '..') return 'names a folder, not a file'
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f-\x9f]/.test(key)) return 'holds a control character'
  if (/[/\\]/.test(key)) return 'holds a path separator'
  if (key.startsWith('-'))
    return 'starts with "-" (tools would read it as an option)'
  const others = [...new Set(key.replace(/[A-Za-z0-9_-]/g, ''))]
  if (others.length > 0) {
    const shown = others
      .slice(0, 5)
      .map((c) => (c === ' ' ? 'a space' : `"${escapeText(c)}"`))
      .join(', ')
    return `holds ${shown}, not allowed in a Databricks task key`
  }
  if (key.length > MAX_KEY) {
    return `is ${key.length} characters long, more than the ${MAX_KEY} Databricks allows`
  }
  return undefined
}

/** A valid key close to `key`, for the message; `fallback` when nothing is left. */
function suggestStepKey(key: string, fallback: string): string {
  const cleaned = key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^[-_]+/, '')
    .replace(/_+$/, '')
    .slice(0, MAX_KEY)
  return isValidStepKey(cleaned) ? cleaned : fallback
}

/**
 * A step whose task key, taken from its notebook's file name, cannot be a
 * Databricks task key or a file name (`...sql` gives `..`, `.sql` an empty
 * key): reported at the notebook, with the `key:` to set. A `key:` written
 * out is checked by the schema.
 */
export function checkStepKey(step: StepSpec, explicit: boolean): Diagnostic[] {
  if (explicit) return []
  const problem = keyProblem(step.key)
  if (!problem) return []
  const suggestion = suggestStepKey(step.key, `step_${step.index + 1}`)
  return [
    errorAt(
      'invalid-step-key',
      `notebook "${escapeText(step.notebook)}" gives its step the task key "${escapeText(step.key)}" (its file name without the extension), which ${problem}; set key: on the step, e.g. key: ${suggestion} (${STEP_KEY_RULE}).`,
      step.notebookLocation
    )
  ]
}
