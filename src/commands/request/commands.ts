import { OPTION_FIELDS } from './options.js'
import type { OptionField } from './options.js'

/** A request's fields before they are checked, as a rule reads them. */
type RuleInput = Readonly<Partial<Record<OptionField, unknown>>>

/** A rule between a request's fields: what is wrong, or undefined. */
type RequestRule = (request: RuleInput) => string | undefined

/** One command: its help, the options it takes, the rules between them. */
export interface CommandSpec {
  /** The usage line of `dtflw --help`. */
  readonly usage: string
  /** What the command does, under its usage line in `dtflw COMMAND --help`. */
  readonly summary: string
  /** Options it cannot run without (`dtflw cancel needs --run-id …`). */
  readonly needs: readonly OptionField[]
  /** Options it may be given, on the command line and from the Action. */
  readonly takes: readonly OptionField[]
  /** Fields an entry point may set that it offers no flag for. */
  readonly sets?: readonly OptionField[]
  /** Rules between its fields, checked after `needs`, in this order. */
  readonly rules?: readonly RequestRule[]
}

const deferToNeedsChangedSince: RequestRule = (request) =>
  request.deferTo && !request.changedSince
    ? '--defer-to goes with --changed-since REF.'
    : undefined

const previewOrStale: RequestRule = (request) =>
  (request.preview === undefined) === (request.stale === undefined)
    ? 'dtflw cleanup needs either --preview NAME (one preview) or --stale AGE (every preview older than AGE, e.g. 7d).'
    : undefined

/**
 * The commands of dtflw (DESIGN.md section 4), in the order help lists
 * them: where a newcomer finds which options a command takes. The request
 * type of each command (`RequestOf`) is derived from its row.
 */
export const COMMAND_SPECS = {
  validate: {
    usage: 'dtflw validate [--manifest dtflw.yaml]',
    summary:
      'Checks the manifest, every profile and every notebook, offline, without credentials.',
    needs: [],
    takes: []
  },
  plan: {
    usage:
      'dtflw plan --profile P [--select S] [--changed-since REF [--defer-to P2]] [--json]',
    summary:
      'The resolved steps, their parameters, order, parallel levels and critical path.',
    needs: ['profile'],
    takes: ['select', 'changedSince', 'deferTo', 'preview'],
    // The Action's pull-request comment: the lineage and its diff.
    sets: ['base', 'lineage'],
    rules: [deferToNeedsChangedSince]
  },
  explain: {
    usage: 'dtflw explain --profile P [--json]',
    summary: 'Every resolved profile value and the file:line it came from.',
    needs: ['profile'],
    takes: ['preview']
  },
  deploy: {
    usage: 'dtflw deploy --profile P [--preview NAME] [--force-lock] [--json]',
    summary:
      'Puts the notebooks where the profile runs them (a workspace folder), uploading only what changed. --force-lock takes over the deploy lock of a deploy that was killed.',
    needs: ['profile'],
    takes: ['preview', 'forceLock']
  },
  run: {
    usage:
      'dtflw run --profile P [--select S] [--changed-since REF [--defer-to P2]] [--lazy] [--fail-fast] [--parallelism N] [--preview NAME] [--wait 5m] [--force-lock] [--json]',
    summary:
      'Deploys, then runs the flow on the engine of the profile and writes .dtflw/runs/<id>/report.json.',
    needs: ['profile'],
    takes: [
      'select',
      'changedSince',
      'deferTo',
      'lazy',
      'failFast',
      'parallelism',
      'preview',
      'wait',
      'forceLock'
    ],
    sets: ['base', 'lineage'],
    rules: [deferToNeedsChangedSince]
  },
  cleanup: {
    usage: 'dtflw cleanup --profile P (--preview NAME | --stale AGE) [--json]',
    summary:
      'Removes a pull-request preview, or every preview older than AGE (e.g. 7d).',
    needs: ['profile'],
    takes: ['preview', 'stale'],
    rules: [previewOrStale]
  },
  cancel: {
    usage: 'dtflw cancel --profile P --run-id ID',
    summary:
      "Cancels a run on the profile's platform (e.g. one a cancelled CI job left running).",
    needs: ['profile', 'runId'],
    takes: []
  },
  promote: {
    usage:
      'dtflw promote --to ENV [--sha SHA] [--dry-run] [--force-lock] [--json]',
    summary:
      'Deploys and runs, on ENV, the build that passed the environment before it in the promotion chain.',
    needs: ['to'],
    takes: ['sha', 'dryRun', 'parallelism', 'failFast', 'forceLock']
  },
  add: {
    usage:
      'dtflw add STEP [--template T [--key K] [--by A,B] [--columns A,B]] [--inputs A,B] [--outputs C] [--language sql|python] [--after STEP] [--profile P] [--yes] | dtflw add --list-templates',
    summary:
      'Adds a notebook step: its notebook, widgets valued from profile P (default development), and its entry in dtflw.yaml.',
    needs: [],
    takes: [
      'step',
      'template',
      'key',
      'by',
      'columns',
      'inputs',
      'outputs',
      'language',
      'after',
      'profile',
      'yes',
      'listTemplates'
    ]
  },
  widgets: {
    usage: 'dtflw widgets [--profile P] STEP [--json]',
    summary:
      "The parameters STEP's notebook receives under profile P (default development), to run it by hand.",
    needs: ['step'],
    takes: ['profile', 'preview']
  },
  lineage: {
    usage:
      'dtflw lineage [--profile P] [--format markdown|mermaid|openlineage|json] [--base REF] [--report FILE]',
    summary:
      'What reads and writes what; --base shows the diff against another ref.',
    needs: [],
    takes: ['profile', 'format', 'base', 'report', 'preview', 'select'],
    sets: ['lineage']
  }
} as const satisfies Readonly<Record<string, CommandSpec>>

/** The commands of dtflw (DESIGN.md section 4). */
export type CommandName = keyof typeof COMMAND_SPECS

/** The commands of dtflw, in the order help lists them. */
export const COMMAND_NAMES = Object.keys(COMMAND_SPECS) as CommandName[]

/** The spec of one command, widened to `CommandSpec` for code that reads any. */
export function commandSpec(command: CommandName): CommandSpec {
  return COMMAND_SPECS[command]
}

/** Every field a command's request may hold, in the option table's order. */
export function fieldsOf(command: CommandName): readonly OptionField[] {
  const spec = commandSpec(command)
  return inTableOrder([...spec.needs, ...spec.takes, ...(spec.sets ?? [])])
}

/**
 * The options a command offers a user (its flags, its positional
 * argument, the Action's inputs), in the option table's order.
 */
export function optionsOf(command: CommandName): readonly OptionField[] {
  const spec = commandSpec(command)
  return inTableOrder([...spec.needs, ...spec.takes])
}

function inTableOrder(fields: readonly OptionField[]): OptionField[] {
  return OPTION_FIELDS.filter((field) => fields.includes(field))
}
