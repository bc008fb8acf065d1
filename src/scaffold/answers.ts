import {
  AUTH_VALUES,
  CHOICES,
  COMPUTE_VALUES,
  LANGUAGE_VALUES,
  LAYOUT_VALUES
} from './choices.js'
import type { Answers, Choice, SeenAnswers } from './choices.js'

/** What the answers came to: complete and checked, or every problem found. */
export type CheckedAnswers =
  | { readonly ok: true; readonly answers: Answers }
  | { readonly ok: false; readonly problems: string[] }

/** Values given or answered, by row name (`name`, `hostTest`, …). */
export type GivenAnswers = Readonly<Record<string, unknown>>

/**
 * Fills what `given` leaves out with each row's default, in table order (a
 * default may depend on earlier answers), and checks every value. A value
 * given for a row that does not apply (`--cluster-id` with serverless
 * compute) is a problem too, so a typo in a choice is never silently ignored.
 * Reports every problem at once.
 * @param directory The target folder's name, for the default name.
 */
export function resolveAnswers(
  given: GivenAnswers,
  directory: string
): CheckedAnswers {
  const answers: Partial<Record<keyof Answers, unknown>> = {}
  const problems: string[] = []
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
    const check = row.validate(chosen)
    if (check !== true) problems.push(check)
    // A refused value is not carried into later defaults, so one mistake is
    // reported once.
    answers[row.name] = check === true ? chosen : undefined
  }
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, answers: complete(answers) }
}

/** Trims text; a URL or storage root loses its trailing slash. */
function normalise(row: Choice, value: unknown): unknown {
  if (typeof value !== 'string') return value
  const text = value.trim()
  return /^host|^storageRoot$/.test(row.name) ? text.replace(/\/+$/, '') : text
}

/** A checked text; a row that does not apply still gets a value, ''. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** A checked value of a select row (its check passed: it is one of them). */
function pick<T extends string>(values: readonly T[], value: unknown): T {
  return values.find((v) => v === value) ?? values[0]
}

/** The checked answers, every field typed. */
function complete(a: SeenAnswers): Answers {
  return {
    name: text(a.name),
    description: text(a.description),
    hostTest: text(a.hostTest),
    hostAcceptance: text(a.hostAcceptance),
    hostProduction: text(a.hostProduction),
    auth: pick(AUTH_VALUES, a.auth),
    compute: pick(COMPUTE_VALUES, a.compute),
    clusterId: text(a.clusterId),
    nodeType: text(a.nodeType),
    layout: pick(LAYOUT_VALUES, a.layout),
    catalogTest: text(a.catalogTest),
    catalogAcceptance: text(a.catalogAcceptance),
    catalogProduction: text(a.catalogProduction),
    storageRoot: text(a.storageRoot),
    language: pick(LANGUAGE_VALUES, a.language),
    samples: a.samples === true
  }
}

/** The choice a row that does not apply goes with. */
const GOES_WITH: Partial<Record<keyof Answers, string>> = {
  clusterId: 'it goes with --compute existing-cluster',
  nodeType: 'it goes with --compute new-cluster',
  catalogTest: 'it goes with --layout catalog',
  catalogAcceptance: 'it goes with --layout catalog',
  catalogProduction: 'it goes with --layout catalog',
  storageRoot: 'it goes with --layout path'
}

function whyNot(row: Choice): string {
  return GOES_WITH[row.name] ?? 'remove it'
}

/** What every prompt has: its answer's name, message, condition and check. */
interface QuestionBase {
  readonly name: keyof Answers
  readonly message: string
  /** Asked only when this holds for the answers so far. */
  readonly when?: (so?: GivenAnswers) => boolean
  readonly validate: (value: unknown) => true | string
}

/** A prompt in Inquirer's shape (what Yeoman's `prompt` takes). */
export type ChoiceQuestion =
  | (QuestionBase & {
      readonly type: 'input'
      readonly default: (so?: GivenAnswers) => string
    })
  | (QuestionBase & {
      readonly type: 'select'
      readonly choices: NonNullable<Choice['choices']>
      readonly default: (so?: GivenAnswers) => string
    })
  | (QuestionBase & {
      readonly type: 'confirm'
      readonly default: (so?: GivenAnswers) => boolean
    })

/**
 * The prompt of one row, its default, condition and check seeing `seen`:
 * the given options and the answers so far together.
 */
function questionOf(
  row: Choice,
  seen: (so?: GivenAnswers) => GivenAnswers,
  directory: string
): ChoiceQuestion {
  const base: QuestionBase = {
    name: row.name,
    message: row.message,
    ...(row.when
      ? { when: (so?: GivenAnswers) => row.when?.(seen(so)) ?? true }
      : {}),
    validate: (value) => row.validate(normalise(row, value))
  }
  const value = (so?: GivenAnswers): string | boolean =>
    row.default(seen(so), directory)
  if (row.type === 'confirm') {
    return { ...base, type: 'confirm', default: (so) => value(so) === true }
  }
  if (row.type === 'select') {
    return {
      ...base,
      type: 'select',
      choices: row.choices ?? [],
      default: (so) => String(value(so))
    }
  }
  return { ...base, type: 'input', default: (so) => String(value(so)) }
}

/**
 * The prompts for what `given` leaves out. Defaults, conditions and checks
 * see the given options and the answers so far together, as
 * `resolveAnswers` does.
 */
export function questionsFor(
  given: GivenAnswers,
  directory: string
): ChoiceQuestion[] {
  const seen = (so: GivenAnswers = {}): GivenAnswers => ({ ...given, ...so })
  return CHOICES.filter((row) => given[row.name] === undefined).map((row) =>
    questionOf(row, seen, directory)
  )
}

/**
 * Options of the command line, by kebab-case flag, to answers by name:
 * `--host-test` → `hostTest`; `--no-samples` → `samples: false`. Flags of
 * no row are left to the caller.
 */
export function answersFromFlags(
  values: GivenAnswers
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const row of CHOICES) {
    const value = values[row.option]
    if (value !== undefined) out[row.name] = value
  }
  return out
}
