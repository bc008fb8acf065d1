// @ts-check
import process from 'node:process'
import Generator from 'yeoman-generator'
import { createColumnLearner, formatText, UsageError } from '../dtflw.js'
import { prepareStep } from './add-step.js'

/**
 * `yo create-dtflw-pipeline:notebook STEP`: the Yeoman adapter of
 * `dtflw add`. It asks through Yeoman's prompt and writes through Yeoman's
 * file system; `prepareStep` decides everything.
 */
export default class NotebookGenerator extends Generator {
  /**
   * @param {string[]} args
   * @param {any} options
   */
  constructor(args, options) {
    super(args, options)
    this.argument('step', {
      type: String,
      required: false,
      description: "The step's key and notebook file name"
    })
    this.option('inputs', {
      type: String,
      description: 'Tables it reads, comma-separated'
    })
    this.option('outputs', {
      type: String,
      description: 'Tables it writes, comma-separated'
    })
    this.option('template', {
      type: String,
      description: 'A notebook template (dtflw add --list-templates)'
    })
    this.option('key', {
      type: String,
      description: 'The business key a template keys on, comma-separated'
    })
    this.option('by', {
      type: String,
      description: 'What aggregate groups by, comma-separated'
    })
    this.option('columns', {
      type: String,
      description: 'The columns of the table a template reads, comma-separated'
    })
    this.option('profile', {
      type: String,
      description: 'The profile whose values the widgets take (development)'
    })
    this.option('language', { type: String, description: 'sql or python' })
    this.option('after', {
      type: String,
      description: 'Insert after this step'
    })
    this.option('manifest', {
      type: String,
      description: 'The manifest (default dtflw.yaml)'
    })
    this.option('yes', {
      type: Boolean,
      description: 'Take the defaults; never ask'
    })
    /** @type {{ path: string, content: string }[]} */
    this.files = []
  }
  /** The options, as the command line or the test gave them. */
  get _opts() {
    return /** @type {Record<string, any>} */ (this.options)
  }

  async prompting() {
    const list = (/** @type {unknown} */ v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined
    const prepared = await prepareStep({
      root: this.destinationRoot(),
      manifest: this._opts.manifest,
      step: this._opts.step,
      template: this._opts.template,
      inputs: list(this._opts.inputs),
      outputs: list(this._opts.outputs),
      key: list(this._opts.key),
      by: list(this._opts.by),
      columns: list(this._opts.columns),
      language: this._opts.language,
      after: this._opts.after,
      profile: this._opts.profile,
      // The generator's edge: profiles read ${VAR} from here.
      env: process.env,
      describeTable: createColumnLearner({
        cwd: this.destinationRoot(),
        manifest: this._opts.manifest ?? 'dtflw.yaml',
        profile: this._opts.profile,
        env: process.env
      }),
      yes: this._opts.yes === true,
      ask: (questions) => this.prompt(/** @type {any} */ (questions))
    })
    if (!prepared.ok) {
      throw new UsageError(
        prepared.diagnostics.map((d) => formatText(d)).join('\n')
      )
    }
    for (const d of prepared.diagnostics) this.log(formatText(d))
    this.files = prepared.files
  }

  writing() {
    for (const file of this.files) {
      const target = this.destinationPath(file.path)
      this.fs.write(target, file.content)
      // Editing the manifest is what was asked for: no overwrite prompt.
      const written = /** @type {any} */ (this.env).sharedFs.get(target)
      written.conflicter = 'force'
    }
  }
}
