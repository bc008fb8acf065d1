// @ts-check
import Generator from 'yeoman-generator'
import { formatText, UsageError } from '../dtflw.js'
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
      inputs: list(this._opts.inputs),
      outputs: list(this._opts.outputs),
      language: this._opts.language,
      after: this._opts.after,
      yes: this._opts.yes === true,
      ask: (questions) => this.prompt(/** @type {any} */ (questions))
    })
    if (!prepared.ok) {
      throw new UsageError(
        prepared.diagnostics.map((d) => formatText(d)).join('\n')
      )
    }
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
