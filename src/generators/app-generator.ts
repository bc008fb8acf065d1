import path from 'node:path'
import Generator from 'yeoman-generator'
import type { BaseOptions } from 'yeoman-generator'
import { toolVersion } from '../commands/index.js'
import { UsageError } from '../diagnostics/index.js'
import {
  CHOICES,
  checkTarget,
  planScaffold,
  questionsFor,
  resolveAnswers
} from '../scaffold/index.js'
import type { Answers } from '../scaffold/index.js'

/** The options Yeoman parsed: one per row of the table, and ours. */
type AppOptions = BaseOptions & {
  readonly directory?: string
  readonly yes?: boolean
  readonly force?: boolean
  readonly [row: string]: unknown
}

/** The choices given as options. */
function givenChoices(options: AppOptions): Record<string, unknown> {
  const given: Record<string, unknown> = {}
  for (const row of CHOICES) {
    const value = options[row.name]
    if (value !== undefined) given[row.name] = value
  }
  return given
}

/** The folder as the user named it, or '' when they named none. */
function namedDirectory(options: AppOptions): string {
  return typeof options.directory === 'string' ? options.directory : ''
}

/** The answers `prompting` settled on; only a run out of order lacks them. */
function settled(answers: Answers | undefined): Answers {
  if (!answers) throw new Error('the app generator has no answers yet')
  return answers
}

/**
 * `npm init dtflw-pipeline [directory]`: the Yeoman adapter. It declares the
 * table of choices as options, asks what the options leave out (unless
 * `--yes`), and writes what `planScaffold` returns; every decision is in
 * those plain functions (`scaffold/`). Yeoman runs every method not named
 * with a leading `_` as a step: helpers are functions of this module. `generators/app/index.js` publishes
 * it as the package's `app` generator.
 */
export class AppGenerator extends Generator<
  Record<string, unknown>,
  AppOptions
> {
  /** The answers, once `prompting` has them. */
  answers: Answers | undefined

  constructor(args?: string[], options?: AppOptions) {
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
    this.answers = undefined
  }

  async prompting(): Promise<void> {
    const given = givenChoices(this.options)
    const named = namedDirectory(this.options)
    const folder = named
      ? path.basename(path.resolve(this.destinationRoot(), named))
      : ''
    const asked = this.options.yes
      ? {}
      : await this.prompt(questionsFor(given, folder))
    const checked = resolveAnswers({ ...given, ...asked }, folder)
    if (!checked.ok) throw new UsageError(checked.problems.join('\n'))
    this.answers = checked.answers
  }

  async configuring(): Promise<void> {
    const answers = settled(this.answers)
    const shown = namedDirectory(this.options) || answers.name
    const target = path.resolve(this.destinationRoot(), shown)
    await checkTarget(target, shown, this.options.force === true)
    this.destinationRoot(target)
    // The environment installs dependencies where its cwd is.
    this.env.cwd = target
  }

  async writing(): Promise<void> {
    const answers = settled(this.answers)
    const version = toolVersion()
    for (const file of await planScaffold(answers, { version })) {
      this.fs.write(this.destinationPath(file.path), file.content)
    }
  }
}
