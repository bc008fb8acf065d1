// @ts-check
import { didYouMean } from '../dtflw.js'

/**
 * One question for what `dtflw add` was not told, in Inquirer's shape (so
 * Yeoman's `prompt` takes it as it is); `askOnTerminal` asks the same.
 * @typedef {object} StepQuestion
 * @property {'input'} type
 * @property {'step' | 'inputs' | 'outputs' | 'language'} name
 * @property {string} message
 * @property {string | ((answers: Record<string, unknown>) => string)} [default]
 * @property {(value: string, answers?: Record<string, unknown>) => true | string} validate
 */

/** @param {string} text */
const split = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * The questions for the fields `given` leaves out.
 * @param {{ step?: string, inputs?: readonly string[], outputs?: readonly string[], language?: string }} given
 * @param {{ tables: readonly string[], inputs: readonly string[], language: string }} known
 *   The tables the flow can read, and the defaults.
 * @returns {StepQuestion[]}
 */
export function stepQuestions(given, known) {
  /** @type {StepQuestion[]} */
  const questions = []
  if (given.step === undefined) {
    questions.push({
      type: 'input',
      name: 'step',
      message: 'Step name (its notebook file name)',
      validate: (value) =>
        /^[A-Za-z0-9_-]+$/.test(value.trim())
          ? true
          : 'use letters, digits, "_" and "-".'
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
  if (given.language === undefined) {
    questions.push({
      type: 'input',
      name: 'language',
      message: 'Notebook language (sql or python)',
      default: known.language,
      validate: (value) =>
        value.trim() === 'sql' || value.trim() === 'python'
          ? true
          : 'sql or python.'
    })
  }
  return questions
}
