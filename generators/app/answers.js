// @ts-check
import { CHOICES } from './choices.js'

/** @typedef {import('./choices.js').Answers} Answers */
/** @typedef {import('./choices.js').Choice} Choice */

/**
 * What the answers came to: complete and checked, or every problem found.
 * @typedef {{ ok: true, answers: Answers } | { ok: false, problems: string[] }} CheckedAnswers
 */

/**
 * Fills what `given` leaves out with each row's default, in table order (a
 * default may depend on earlier answers), and checks every value. A value
 * given for a row that does not apply (`--cluster-id` with serverless
 * compute) is a problem too, so a typo in a choice is never silently ignored.
 * Reports every problem at once.
 * @param {Readonly<Record<string, unknown>>} given
 * @param {string} directory The target folder's name, for the default name.
 * @returns {CheckedAnswers}
 */
export function resolveAnswers(given, directory) {
  /** @type {Record<string, unknown>} */
  const answers = {}
  /** @type {string[]} */
  const problems = []
  for (const row of CHOICES) {
    const value = given[row.name]
    const applies = row.when ? row.when(answers) : true
    if (!applies) {
      if (value !== undefined && value !== '') {
        problems.push(
          `--${row.option} does not apply to these choices; ${whyNot(row)}.`
        )
      }
      continue
    }
    const chosen = normalise(
      row,
      value === undefined ? row.default(answers, directory) : value
    )
    const check = row.validate(chosen, answers)
    if (check !== true) problems.push(check)
    // A refused value is not carried into later defaults, so one mistake is
    // reported once.
    answers[row.name] = check === true ? chosen : undefined
  }
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, answers: /** @type {Answers} */ (complete(answers)) }
}

/** Trims text; a URL or storage root loses its trailing slash. */
function normalise(/** @type {Choice} */ row, /** @type {unknown} */ value) {
  if (typeof value !== 'string') return value
  const text = value.trim()
  return /^host|^storageRoot$/.test(row.name) ? text.replace(/\/+$/, '') : text
}

/** Rows that do not apply still get a value, so every field is a string. */
function complete(/** @type {Record<string, unknown>} */ answers) {
  const out = { ...answers }
  for (const row of CHOICES) if (!(row.name in out)) out[row.name] = ''
  return out
}

function whyNot(/** @type {Choice} */ row) {
  const needs = {
    clusterId: 'it goes with --compute existing-cluster',
    nodeType: 'it goes with --compute new-cluster',
    catalogTest: 'it goes with --layout catalog',
    catalogAcceptance: 'it goes with --layout catalog',
    catalogProduction: 'it goes with --layout catalog',
    storageRoot: 'it goes with --layout path'
  }
  return /** @type {Record<string, string>} */ (needs)[row.name] ?? 'remove it'
}

/**
 * The prompts for what `given` leaves out, in Inquirer's shape (what Yeoman's
 * `prompt` takes). Defaults, conditions and checks see the given options and
 * the answers so far together, as `resolveAnswers` does.
 * @param {Readonly<Record<string, unknown>>} given
 * @param {string} directory
 */
export function questionsFor(given, directory) {
  /** @param {Record<string, unknown>} so */
  const seen = (so) => ({ ...given, ...so })
  return CHOICES.filter((row) => given[row.name] === undefined).map((row) => ({
    type: row.type,
    name: row.name,
    message: row.message,
    ...(row.choices ? { choices: row.choices } : {}),
    default: (/** @type {Record<string, unknown>} */ so) =>
      row.default(seen(so), directory),
    ...(row.when
      ? {
          when: (/** @type {Record<string, unknown>} */ so) =>
            row.when?.(seen(so))
        }
      : {}),
    validate: (
      /** @type {unknown} */ value,
      /** @type {Record<string, unknown>} */ so
    ) => row.validate(normalise(row, value), seen(so))
  }))
}

/**
 * Options of the command line, by kebab-case flag, to answers by name:
 * `--host-test` → `hostTest`; `--no-samples` → `samples: false`. Flags of
 * no row are left to the caller.
 * @param {Readonly<Record<string, unknown>>} values
 */
export function answersFromFlags(values) {
  /** @type {Record<string, unknown>} */
  const out = {}
  for (const row of CHOICES) {
    const value = values[row.option]
    if (value !== undefined) out[row.name] = value
  }
  return out
}
