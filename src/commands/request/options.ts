import { parseDuration, parseWait } from './durations.js'

/**
 * How an option's text becomes its value: `text` as given, `flag` true when
 * given, `list` split at commas (`a, b,c` → `['a', 'b', 'c']`), `count` a
 * positive whole number, `choice` one of `choices`.
 */
export type OptionKind = 'text' | 'flag' | 'list' | 'count' | 'choice'

/** One option of a request: how both entry points read it, and its checks. */
export interface OptionSpec {
  readonly kind: OptionKind
  /** The command-line flag without `--`; none: the entry points set it. */
  readonly flag?: string
  readonly short?: string
  /** The positional argument (`dtflw add STEP`) rather than a flag. */
  readonly positional?: true
  /** The value's name in help: `--profile P`. */
  readonly arg?: string
  /** The Action's input that sets it, where the Action offers it. */
  readonly input?: string
  /** One line of `dtflw COMMAND --help`. */
  readonly help: string
  readonly choices?: readonly string[]
  /** What a `text` value must also be, said when it is not (`mustBe`). */
  readonly valid?: (text: string) => boolean
  readonly mustBe?: string
  /** What a command that needs it says is missing: `dtflw cancel needs …`. */
  readonly missing?: (command: string) => string
}

/** The lineage formats. */
export const LINEAGE_FORMATS = [
  'markdown',
  'mermaid',
  'openlineage',
  'json'
] as const

/** Lineage output formats. */
export type LineageFormat = (typeof LINEAGE_FORMATS)[number]

/** A preview name becomes a workspace folder: keep it to safe characters. */
const PREVIEW_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/**
 * Every option of every command, declared once: the command-line parser,
 * `--help`, the Action's input reader and the request checks all read
 * this table, and `COMMAND_SPECS` says which command takes which. The
 * order is the order of `--help` and of the checks.
 */
export const OPTION_SPECS = {
  step: {
    kind: 'text',
    positional: true,
    arg: 'STEP',
    help: "The step: its key, and its notebook's name.",
    missing: (command) => `the step: dtflw ${command} --profile NAME STEP`
  },
  profile: {
    kind: 'text',
    flag: 'profile',
    short: 'p',
    arg: 'P',
    input: 'profile',
    help: 'The profile (environment) to use, e.g. test.',
    missing: () => '--profile NAME (e.g. --profile development)'
  },
  to: {
    kind: 'text',
    flag: 'to',
    arg: 'ENV',
    input: 'to',
    help: "The environment to promote to (the next in the manifest's promotion chain).",
    missing: () =>
      '--to ENV, the environment to promote to (e.g. --to acceptance)'
  },
  sha: {
    kind: 'text',
    flag: 'sha',
    arg: 'SHA',
    input: 'sha',
    help: 'The commit to promote (default HEAD).'
  },
  runId: {
    kind: 'text',
    flag: 'run-id',
    arg: 'ID',
    help: "The platform's id of the run to cancel.",
    missing: () => '--run-id ID (the run id a deploy or run printed)'
  },
  select: {
    kind: 'text',
    flag: 'select',
    short: 's',
    arg: 'S',
    input: 'select',
    help: 'Only these steps, dbt style: "a, b+, +c" (a step, and its downstream, and its upstream).'
  },
  changedSince: {
    kind: 'text',
    flag: 'changed-since',
    arg: 'REF',
    help: 'Only the steps whose notebook, parameters or profile values changed since REF, and everything downstream.'
  },
  deferTo: {
    kind: 'text',
    flag: 'defer-to',
    arg: 'P2',
    help: "With --changed-since: unchanged upstream inputs are read from profile P2's tables."
  },
  preview: {
    kind: 'text',
    flag: 'preview',
    arg: 'NAME',
    input: 'preview',
    help: "A preview folder of this name under the profile's workspace root (e.g. pr-7).",
    valid: (text) => PREVIEW_NAME.test(text),
    mustBe:
      '1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit (it names a workspace folder)'
  },
  lazy: {
    kind: 'flag',
    flag: 'lazy',
    help: 'Skip a step whose every output exists.'
  },
  failFast: {
    kind: 'flag',
    flag: 'fail-fast',
    input: 'fail-fast',
    help: 'Stop the whole run at the first failing step.'
  },
  parallelism: {
    kind: 'count',
    flag: 'parallelism',
    short: 'j',
    arg: 'N',
    input: 'parallelism',
    help: 'Local engine: steps at most running at once (default: the cores).'
  },
  wait: {
    kind: 'text',
    flag: 'wait',
    arg: 'TIME',
    help: 'Wait this long for another run of the profile to end (e.g. 30 or 5m).',
    valid: (text) => parseWait(text) !== undefined,
    mustBe:
      'a number of seconds, or a whole number with a unit s, m, h or d (e.g. 30 or 5m)'
  },
  forceLock: {
    kind: 'flag',
    flag: 'force-lock',
    help: 'Take over the deploy lock whoever holds it (after a deploy was killed).'
  },
  dryRun: {
    kind: 'flag',
    flag: 'dry-run',
    input: 'dry-run',
    help: 'Say what would change in the target, write nothing.'
  },
  stale: {
    kind: 'text',
    flag: 'stale',
    arg: 'AGE',
    input: 'stale',
    help: 'Remove every preview older than AGE (e.g. 7d) instead of one.',
    valid: (text) => parseDuration(text) !== undefined,
    mustBe: 'a whole number with a unit s, m, h or d (e.g. 7d)'
  },
  format: {
    kind: 'choice',
    flag: 'format',
    short: 'f',
    arg: 'FORMAT',
    choices: LINEAGE_FORMATS,
    help: `How to print the lineage: ${LINEAGE_FORMATS.join(', ')} (default markdown).`
  },
  base: {
    kind: 'text',
    flag: 'base',
    arg: 'REF',
    help: 'Also show what changed against the pipeline at REF.'
  },
  report: {
    kind: 'text',
    flag: 'report',
    arg: 'FILE',
    help: 'Show what a run observed: its report.json.'
  },
  lineage: {
    kind: 'flag',
    help: 'Also return the lineage view, for the pull-request comment.'
  },
  template: {
    kind: 'text',
    flag: 'template',
    short: 't',
    arg: 'T',
    help: 'Start the notebook from this template (see --list-templates).'
  },
  listTemplates: {
    kind: 'flag',
    flag: 'list-templates',
    help: 'List the templates, add nothing.'
  },
  key: {
    kind: 'list',
    flag: 'key',
    arg: 'K',
    help: 'The columns that identify a row of the new output, which the data diff matches rows on (and a template keys on).'
  },
  by: {
    kind: 'list',
    flag: 'by',
    arg: 'A,B',
    help: 'What the aggregate template groups by.'
  },
  columns: {
    kind: 'list',
    flag: 'columns',
    arg: 'A,B',
    help: 'The columns of the table a template reads.'
  },
  inputs: {
    kind: 'list',
    flag: 'inputs',
    arg: 'A,B',
    help: 'The tables the new step reads.'
  },
  outputs: {
    kind: 'list',
    flag: 'outputs',
    arg: 'C',
    help: 'The tables the new step writes.'
  },
  language: {
    kind: 'choice',
    flag: 'language',
    arg: 'sql|python',
    choices: ['sql', 'python'],
    help: "The new notebook's language (default: the template's, else the last step's)."
  },
  after: {
    kind: 'text',
    flag: 'after',
    arg: 'STEP',
    help: 'Insert the step after STEP (default: after the producer of its last input).'
  },
  yes: {
    kind: 'flag',
    flag: 'yes',
    short: 'y',
    help: 'Take the defaults, never ask.'
  }
} as const satisfies Readonly<Record<string, OptionSpec>>

/** The name of a request field that an option fills. */
export type OptionField = keyof typeof OPTION_SPECS

/** The spec of one field, widened to `OptionSpec` for code that reads any. */
export function optionSpec(field: OptionField): OptionSpec {
  return OPTION_SPECS[field]
}

/** Every option field, in the table's order. */
export const OPTION_FIELDS = Object.keys(OPTION_SPECS) as OptionField[]
