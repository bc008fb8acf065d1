import process from 'node:process'
import Generator from 'yeoman-generator'
import type { BaseOptions } from 'yeoman-generator'
import {
  createColumnLearner,
  optionSpec,
  optionsOf,
  splitList
} from '../commands/index.js'
import { formatText, UsageError } from '../diagnostics/index.js'
import { prepareStep } from '../steps/index.js'
import type { StepFile } from '../steps/index.js'

/** The options Yeoman parsed, each as typed on the command line. */
type NotebookOptions = BaseOptions & {
  readonly step?: string
  readonly inputs?: string
  readonly outputs?: string
  readonly template?: string
  readonly key?: string
  readonly by?: string
  readonly columns?: string
  readonly profile?: string
  readonly language?: string
  readonly after?: string
  readonly manifest?: string
  readonly yes?: boolean
}

/**
 * The options of `dtflw add` the generator offers, declared once in the
 * command layer's option table: all but the step (its argument) and
 * `--list-templates` (`dtflw add` lists them).
 */
const ADD_OPTIONS = optionsOf('add').filter(
  (field) => field !== 'step' && field !== 'listTemplates'
)

/**
 * `yo create-dtflw-pipeline:notebook STEP`: the Yeoman adapter of
 * `dtflw add`. It asks through Yeoman's prompt and writes through Yeoman's
 * file system; `prepareStep` (`steps/`) decides everything.
 * `generators/notebook/index.js` publishes it.
 */
export class NotebookGenerator extends Generator<
  Record<string, unknown>,
  NotebookOptions
> {
  /** What `prompting` decided to write. */
  private files: readonly StepFile[] = []

  constructor(args?: string[], options?: NotebookOptions) {
    super(args, options)
    this.argument('step', {
      type: String,
      required: false,
      description: optionSpec('step').help
    })
    for (const field of ADD_OPTIONS) {
      const { flag, kind, help } = optionSpec(field)
      this.option(flag ?? field, {
        type: kind === 'flag' ? Boolean : String,
        description: help
      })
    }
    this.option('manifest', {
      type: String,
      description: 'The manifest (default dtflw.yaml)'
    })
  }

  async prompting(): Promise<void> {
    const o = this.options
    const root = this.destinationRoot()
    const prepared = await prepareStep({
      root,
      ...(o.manifest !== undefined ? { manifest: o.manifest } : {}),
      ...(o.step !== undefined ? { step: o.step } : {}),
      ...(o.template !== undefined ? { template: o.template } : {}),
      inputs: splitList(o.inputs),
      outputs: splitList(o.outputs),
      key: splitList(o.key),
      by: splitList(o.by),
      columns: splitList(o.columns),
      ...(o.language !== undefined ? { language: o.language } : {}),
      ...(o.after !== undefined ? { after: o.after } : {}),
      ...(o.profile !== undefined ? { profile: o.profile } : {}),
      // The generator's edge: profiles read ${VAR} from here.
      env: process.env,
      describeTable: createColumnLearner({
        cwd: root,
        manifest: o.manifest ?? 'dtflw.yaml',
        ...(o.profile !== undefined ? { profile: o.profile } : {}),
        env: process.env
      }),
      yes: o.yes === true,
      ask: (questions) => this.prompt(questions)
    })
    if (!prepared.ok) {
      throw new UsageError(
        prepared.diagnostics.map((d) => formatText(d)).join('\n')
      )
    }
    for (const d of prepared.diagnostics) this.log(formatText(d))
    this.files = prepared.files
  }

  writing(): void {
    for (const file of this.files) {
      const target = this.destinationPath(file.path)
      this.fs.write(target, file.content)
      // Editing the manifest is what was asked for: no overwrite prompt.
      Object.assign(this.env.sharedFs.get(target), { conflicter: 'force' })
    }
  }
}
