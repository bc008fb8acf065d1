// Types of api.js for TypeScript callers (the `dtflw add` command).

/** A diagnostic, the same shape as src/diagnostics' `Diagnostic`. */
export interface StepDiagnostic {
  readonly severity: 'error' | 'warning'
  readonly code: string
  readonly summary: string
  readonly detail?: string
  readonly location?: {
    readonly file: string
    readonly line: number
    readonly column: number
  }
  readonly path?: string
}

/** One question for what `dtflw add` was not told (Inquirer's shape). */
export interface StepQuestion {
  readonly type: 'input'
  readonly name:
    'step' | 'template' | 'inputs' | 'outputs' | 'key' | 'by' | 'language'
  readonly message: string
  readonly default?: string | ((answers: Record<string, unknown>) => string)
  readonly validate: (
    value: string,
    answers?: Record<string, unknown>
  ) => true | string
  /** Asked only when this holds for the answers so far. */
  readonly when?: (answers: Record<string, unknown>) => boolean
}

/** What `addStep` is told. */
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
  /** `--key`: the business key a template keys on. */
  readonly key?: readonly string[]
  /** `--by`: what `aggregate` groups by (columns or periods). */
  readonly by?: readonly string[]
  /** `--columns`: the columns of the table a template reads. */
  readonly columns?: readonly string[]
  /** The profile whose values the widgets take (default development). */
  readonly profile?: string
  /** The environment profiles are read with (`${VAR}`). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** `sql` or `python` (default: the last step's; in an empty flow Python where requirements.txt is, else SQL). */
  readonly language?: string
  /** Insert after this step (default: after the producer of its last input). */
  readonly after?: string
  /**
   * Learns the columns and types of a table a template reads that the
   * manifest does not declare (`createColumnLearner`); without it a
   * template knows only declared columns.
   */
  readonly describeTable?: (
    table: string,
    producer?: string
  ) => Promise<
    | {
        readonly ok: true
        readonly columns: readonly { name: string; type: string }[]
        readonly from: string
      }
    | { readonly ok: false; readonly why: string; readonly fix: string }
  >
  /** Take the defaults for what is missing; never ask. */
  readonly yes?: boolean
  /** Asks what is missing when `yes` is not set. */
  readonly ask?: (questions: StepQuestion[]) => Promise<Record<string, unknown>>
}

/** The step that was added. */
export interface AddedStep {
  readonly key: string
  /** Relative to root, POSIX. */
  readonly notebook: string
  readonly language: 'sql' | 'python'
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

/** Exit code 0 with the step, or 2 with the diagnostics (nothing written). */
export interface AddStepResult {
  readonly exitCode: 0 | 2
  readonly diagnostics: StepDiagnostic[]
  readonly step?: AddedStep
  /** Paths written, relative to root. */
  readonly written: string[]
}

/** Writes the step's notebook and inserts the step into the manifest. */
export function addStep(options: AddStepOptions): Promise<AddStepResult>

/** A notebook template of `dtflw add --template`. */
export interface NotebookTemplate {
  readonly name: string
  /** One line, for `dtflw add --list-templates`. */
  readonly summary: string
  readonly languages: string[]
}

/** The notebook templates, in the order they are listed. */
export function listTemplates(): NotebookTemplate[]

/** An `ask` for `addStep` that reads answers from a terminal's lines. */
export function createTerminalAsk(io: {
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
}): (questions: StepQuestion[]) => Promise<Record<string, unknown>>
