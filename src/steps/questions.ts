import { didYouMean } from '../diagnostics/index.js'
import { isValidStepKey, STEP_KEY_RULE } from '../manifest/index.js'
import { findTemplate, templateNames } from './templates/index.js'
import type { EtlTemplate } from './templates/index.js'

/** Answers so far, by question name. */
export type Answers = Record<string, unknown>

/**
 * One question for what `dtflw add` was not told, in Inquirer's shape (so
 * Yeoman's `prompt` takes it as it is); a terminal asks the same.
 */
export interface StepQuestion {
  readonly type: 'input'
  readonly name:
    'step' | 'template' | 'inputs' | 'outputs' | 'key' | 'by' | 'language'
  readonly message: string
  readonly default?: string | ((answers: Answers) => string)
  readonly validate: (value: string, answers?: Answers) => true | string
  /** Asked only when this holds for the answers so far. */
  readonly when?: (answers: Answers) => boolean
}

/** What `dtflw add` was told; a field left out is asked for. */
export interface GivenFields {
  readonly step?: string
  readonly template?: string
  readonly inputs?: readonly string[]
  readonly outputs?: readonly string[]
  readonly key?: readonly string[]
  readonly by?: readonly string[]
  readonly language?: string
}

/** The tables the flow can read, and the defaults. */
export interface KnownFields {
  readonly tables: readonly string[]
  readonly inputs: readonly string[]
  readonly language: string
}

function split(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** The template a question's answers chose, or the one given. */
function templateOf(
  answers: Answers,
  given: string | undefined
): EtlTemplate | undefined {
  return findTemplate(String(answers.template ?? given ?? '').trim())
}

/**
 * The questions for the fields `given` leaves out. Key and grouping are
 * asked for the templates that take them; the language for a template
 * written in more than one.
 */
export function stepQuestions(
  given: GivenFields,
  known: KnownFields
): StepQuestion[] {
  const questions: StepQuestion[] = []
  if (given.step === undefined) {
    questions.push({
      type: 'input',
      name: 'step',
      message: 'Step name (its notebook file name)',
      validate: (value) =>
        isValidStepKey(value.trim()) ? true : `use ${STEP_KEY_RULE}.`
    })
  }
  if (given.template === undefined) {
    const names = templateNames()
    questions.push({
      type: 'input',
      name: 'template',
      message: `Template (empty for none; ${names.join(', ')})`,
      validate: (value) =>
        value.trim() === '' || names.includes(value.trim())
          ? true
          : `no template "${value.trim()}";${didYouMean(value.trim(), names) || ` the templates are: ${names.join(', ')}.`}`
    })
  }
  if (given.inputs === undefined) {
    questions.push({
      type: 'input',
      name: 'inputs',
      message: 'Tables it reads (comma-separated)',
      default: known.inputs.join(', '),
      validate: (value) => {
        for (const name of split(value)) {
          if (!known.tables.includes(name)) {
            return `"${name}" is not written by any step and is not a source;${didYouMean(name, known.tables) || ` the tables are: ${known.tables.join(', ') || '(none)'}.`}`
          }
        }
        return true
      }
    })
  }
  if (given.outputs === undefined) {
    questions.push({
      type: 'input',
      name: 'outputs',
      message: 'Tables it writes (comma-separated)',
      default: (answers) =>
        String(answers.step ?? given.step ?? '')
          .trim()
          .replace(/-/g, '_'),
      validate: (value) =>
        split(value).length > 0 &&
        split(value).every((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
          ? true
          : 'name at least one table: letters, digits and "_", not starting with a digit.'
    })
  }
  if (given.key === undefined) {
    questions.push({
      type: 'input',
      name: 'key',
      message: 'Business key column(s), comma-separated',
      when: (answers) =>
        (templateOf(answers, given.template)?.key ?? 'none') !== 'none',
      validate: (value, answers) =>
        split(value).length > 0 ||
        templateOf(answers ?? {}, given.template)?.key !== 'required'
          ? true
          : 'this template needs the column that identifies a row.'
    })
  }
  if (given.by === undefined) {
    questions.push({
      type: 'input',
      name: 'by',
      message:
        'Group by (columns, or day, week, month, quarter, year), comma-separated',
      when: (answers) => templateOf(answers, given.template)?.by === true,
      validate: (value) =>
        split(value).length > 0 ? true : 'name at least one column or period.'
    })
  }
  if (given.language === undefined) {
    questions.push({
      type: 'input',
      name: 'language',
      message: 'Notebook language (sql or python)',
      when: (answers) =>
        (templateOf(answers, given.template)?.languages.length ?? 2) > 1,
      default: known.language,
      validate: (value) =>
        value.trim() === 'sql' || value.trim() === 'python'
          ? true
          : 'sql or python.'
    })
  }
  return questions
}
