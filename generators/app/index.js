// @ts-check
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { URL } from 'node:url'
import Generator from 'yeoman-generator'
import { UsageError } from '../dtflw.js'
import { questionsFor, resolveAnswers } from './answers.js'
import { CHOICES } from './choices.js'
import { planScaffold } from './scaffold.js'
import { checkTarget } from './target.js'

/** This package's version, which the new repository depends on. */
const VERSION = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
).version

/**
 * `npm init dtflw-pipeline [directory]`: the Yeoman adapter. It declares the
 * table of choices as options, asks what the options leave out (unless
 * `--yes`), and writes what `planScaffold` returns; every decision is in
 * those plain functions.
 */
export default class AppGenerator extends Generator {
  /**
   * @param {string[]} args
   * @param {any} options
   */
  constructor(args, options) {
    super(args, options)
    this.argument('directory', {
      type: String,
      required: false,
      description: 'Folder to create (default: the pipeline name)'
    })
    for (const row of CHOICES) {
      this.option(row.name, {
        type: row.type === 'confirm' ? Boolean : String,
        description: row.message
      })
    }
    this.option('yes', {
      type: Boolean,
      description: 'Take the defaults for every choice not given as an option'
    })
    /** @type {import('./choices.js').Answers | undefined} */
    this.answers = undefined
  }
  /** The options, as the command line or the test gave them. */
  get _opts() {
    return /** @type {Record<string, any>} */ (this.options)
  }

  /** The choices given as options. */
  _given() {
    /** @type {Record<string, unknown>} */
    const given = {}
    for (const row of CHOICES) {
      const value = this._opts[row.name]
      if (value !== undefined) given[row.name] = value
    }
    return given
  }

  /** The folder as the user named it, or '' when they named none. */
  _directory() {
    return typeof this._opts.directory === 'string' ? this._opts.directory : ''
  }

  async prompting() {
    const given = this._given()
    const named = this._directory()
    const folder = named
      ? path.basename(path.resolve(this.destinationRoot(), named))
      : ''
    const asked = this._opts.yes
      ? {}
      : await this.prompt(/** @type {any} */ (questionsFor(given, folder)))
    const checked = resolveAnswers({ ...given, ...asked }, folder)
    if (!checked.ok) throw new UsageError(checked.problems.join('\n'))
    this.answers = checked.answers
  }

  async configuring() {
    const answers = /** @type {import('./choices.js').Answers} */ (this.answers)
    const shown = this._directory() || answers.name
    const target = path.resolve(this.destinationRoot(), shown)
    await checkTarget(target, shown, this._opts.force === true)
    this.destinationRoot(target)
    // The environment installs dependencies where its cwd is.
    this.env.cwd = target
  }

  async writing() {
    const answers = /** @type {import('./choices.js').Answers} */ (this.answers)
    for (const file of await planScaffold(answers, { version: VERSION })) {
      this.fs.write(this.destinationPath(file.path), file.content)
    }
  }
}
