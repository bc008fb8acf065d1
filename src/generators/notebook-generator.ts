import process from 'node:process'
import Generator from 'yeoman-generator'
import type { BaseOptions } from 'yeoman-generator'
import { createColumnLearner } from '../commands/index.js'
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

/** `a, b` → ['a', 'b']; undefined when not given. */
function list(value: string | undefined): string[] | undefined {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined
}

/** The options that take a value, and what they hold. */
const VALUE_OPTIONS: readonly [keyof NotebookOptions & string, string][] = [
  ['inputs', 'Tables it reads, comma-separated'],
  ['outputs', 'Tables it writes, comma-separated'],
  ['template', 'A notebook template (dtflw add --list-templates)'],
  ['key', 'The business key a template keys on, comma-separated'],
  ['by', 'What aggregate groups by, comma-separated'],
  ['columns', 'The columns of the table a template reads, comma-separated'],
  ['profile', 'The profile whose values the widgets take (development)'],
  ['language', 'sql or python'],
  ['after', 'Insert after this step'],
  ['manifest', 'The manifest (default dtflw.yaml)']
]

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
      description: "The step's key and notebook file name"
    })
    for (const [name, description] of VALUE_OPTIONS) {
      this.option(name, { type: String, description })
    }
    this.option('yes', {
      type: Boolean,
      description: 'Take the defaults; never ask'
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
      inputs: list(o.inputs),
      outputs: list(o.outputs),
      key: list(o.key),
      by: list(o.by),
      columns: list(o.columns),
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
