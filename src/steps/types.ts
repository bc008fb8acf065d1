import type { Diagnostic } from '../diagnostics/index.js'
import type { Answers, StepQuestion } from './questions.js'
import type { DescribeTable, Language } from './templates/index.js'
import type { Env } from './widget-values.js'

/** What `addStep` and `prepareStep` are told. */
export interface AddStepOptions {
  /** The pipeline's folder (where dtflw.yaml is). */
  readonly root: string
  /** The manifest, relative to root (default dtflw.yaml). */
  readonly manifest?: string
  /** The step's key and notebook file name; asked when missing. */
  readonly step?: string
  /** A notebook template (`listTemplates`); none: a notebook to fill in. */
  readonly template?: string
  /** Tables it reads (default: what the step before it writes). */
  readonly inputs?: readonly string[]
  /** Tables it writes (default: the step's name). */
  readonly outputs?: readonly string[]
  /** `--key`: the columns that identify a row of the output (and a template's business key). */
  readonly key?: readonly string[]
  /** `--by`: what `aggregate` groups by (columns or periods). */
  readonly by?: readonly string[]
  /** `--columns`: the columns of the table a template reads. */
  readonly columns?: readonly string[]
  /**
   * `sql` or `python` (default: the last step's; in an empty flow Python
   * where requirements.txt is, else SQL).
   */
  readonly language?: string
  /** Insert after this step (default: after the producer of its last input). */
  readonly after?: string
  /** The profile whose values the widgets take (default development). */
  readonly profile?: string
  /** The environment profiles are read with (`${VAR}`). */
  readonly env?: Env
  /**
   * Learns the columns (and types) of a table a template reads that the
   * manifest does not declare: dtflw's local engine (`createColumnLearner`).
   * Without it a template knows only declared columns.
   */
  readonly describeTable?: DescribeTable
  /** Take the defaults for what is missing; never ask. */
  readonly yes?: boolean
  /**
   * Asks what is missing when `yes` is not set (a terminal, or Yeoman's
   * prompt).
   */
  readonly ask?: (questions: StepQuestion[]) => Promise<Answers>
}

/** The step that was added. */
export interface AddedStep {
  readonly key: string
  /** Relative to root, POSIX. */
  readonly notebook: string
  readonly language: Language
  readonly template?: string
  readonly inputs: string[]
  readonly outputs: string[]
  /** The step it follows; absent when it comes first. */
  readonly after?: string
  /** The manifest as shown in messages. */
  readonly manifest: string
  /** Its line in the manifest. */
  readonly line: number
  /** The profile the widget defaults come from. */
  readonly profile?: string
  /** Tables whose columns dtflw learned for the template, and from where. */
  readonly learned?: readonly { table: string; from: string }[]
}

/** A file to write, its path relative to the pipeline's folder. */
export interface StepFile {
  readonly path: string
  readonly content: string
}

/**
 * The files a new step needs (its notebook, then the manifest), or why it
 * cannot be added.
 */
export type PreparedStep =
  | {
      readonly ok: true
      readonly step: AddedStep
      readonly files: readonly [notebook: StepFile, manifest: StepFile]
      readonly diagnostics: Diagnostic[]
    }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] }

/**
 * What `addStep` did: exit code 0 with the step and the files written, or 2
 * with the diagnostics that refused it (and nothing written).
 */
export interface AddStepResult {
  readonly exitCode: 0 | 2
  readonly diagnostics: Diagnostic[]
  readonly step?: AddedStep
  /** Paths written, relative to root. */
  readonly written: string[]
}
