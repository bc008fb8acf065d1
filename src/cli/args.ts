import { parseArgs } from 'node:util'
import path from 'node:path'
import { COMMAND_NAMES } from '../commands/index.js'
import type {
  CommandName,
  CommandRequest,
  LineageFormat
} from '../commands/index.js'
import { didYouMean, UsageError } from '../diagnostics/index.js'

/** Everything the `dtflw` command line decides, parsed once. */
export interface CliSettings {
  readonly request?: CommandRequest
  readonly json: boolean
  readonly debug: boolean
  readonly help: boolean
  readonly version: boolean
  /** The help topic: a command name or undefined for the overview. */
  readonly topic?: string
}

const COMMANDS = COMMAND_NAMES

const OPTIONS = {
  manifest: { type: 'string', short: 'm' },
  'working-directory': { type: 'string', short: 'C' },
  profile: { type: 'string', short: 'p' },
  select: { type: 'string', short: 's' },
  'changed-since': { type: 'string' },
  'defer-to': { type: 'string' },
  lazy: { type: 'boolean' },
  'fail-fast': { type: 'boolean' },
  parallelism: { type: 'string', short: 'j' },
  preview: { type: 'string' },
  format: { type: 'string', short: 'f' },
  base: { type: 'string' },
  report: { type: 'string' },
  stale: { type: 'string' },
  'run-id': { type: 'string' },
  to: { type: 'string' },
  inputs: { type: 'string' },
  outputs: { type: 'string' },
  language: { type: 'string' },
  after: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  template: { type: 'string', short: 't' },
  'list-templates': { type: 'boolean' },
  key: { type: 'string' },
  by: { type: 'string' },
  columns: { type: 'string' },
  sha: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'force-lock': { type: 'boolean' },
  wait: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' }
} as const

/** Which options each command accepts (others are a usage error). */
const ACCEPTS: Readonly<Record<CommandName, readonly string[]>> = {
  validate: [],
  plan: ['profile', 'select', 'changed-since', 'defer-to', 'preview'],
  explain: ['profile', 'preview'],
  deploy: ['profile', 'preview', 'force-lock'],
  run: [
    'profile',
    'select',
    'changed-since',
    'defer-to',
    'lazy',
    'fail-fast',
    'parallelism',
    'preview',
    'wait',
    'force-lock'
  ],
  cleanup: ['profile', 'preview', 'stale'],
  cancel: ['profile', 'run-id'],
  promote: ['to', 'sha', 'dry-run', 'parallelism', 'fail-fast', 'force-lock'],
  add: [
    'inputs',
    'outputs',
    'language',
    'after',
    'yes',
    'template',
    'list-templates',
    'key',
    'by',
    'columns',
    'profile'
  ],
  widgets: ['profile', 'preview'],
  lineage: ['profile', 'format', 'base', 'report', 'preview', 'select']
}
const COMMON = [
  'manifest',
  'working-directory',
  'json',
  'debug',
  'help',
  'version'
]

/** Turns argv (without `node` and the script) into settings; throws `UsageError`. */
export function parseCliArgs(
  argv: readonly string[],
  cwd: string
): CliSettings {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    const raw = (error as Error).message.replace(/\. To specify.*$/s, '')
    const message = raw.charAt(0).toLowerCase() + raw.slice(1)
    const option = /'(-{1,2}[^']+)'/.exec(message)?.[1]
    const known = Object.keys(OPTIONS).map((o) => `--${o}`)
    const hint = option ? didYouMean(option, known) : ''
    throw new UsageError(
      `${message};${hint || ' run dtflw --help for the options.'}`
    )
  }
  const { values, positionals } = parsed
  const json = values.json === true
  const debug = values.debug === true
  if (values.version) return { json, debug, help: false, version: true }
  const [command, ...rest] = positionals
  if (values.help || command === 'help' || command === undefined) {
    return {
      json,
      debug,
      help: true,
      version: false,
      topic: command === 'help' ? rest[0] : command
    }
  }
  if (!COMMANDS.includes(command as CommandName)) {
    throw new UsageError(
      `unknown command "${command}";${didYouMean(command, COMMANDS) || ` the commands are: ${COMMANDS.join(', ')}.`}`
    )
  }
  const takesStep = command === 'add' || command === 'widgets'
  if (rest.length > (takesStep ? 1 : 0)) {
    throw new UsageError(
      takesStep
        ? `dtflw ${command} takes one step name, got ${rest.map((r) => `"${r}"`).join(', ')}; run dtflw ${command} --help.`
        : `dtflw ${command} takes no positional argument, got "${rest[0]}"; run dtflw ${command} --help.`
    )
  }
  const name = command as CommandName
  for (const key of Object.keys(values)) {
    if (!COMMON.includes(key) && !ACCEPTS[name].includes(key)) {
      throw new UsageError(
        `dtflw ${name} does not take --${key}; run dtflw ${name} --help.`
      )
    }
  }
  const base = values['working-directory']
    ? path.resolve(cwd, values['working-directory'])
    : cwd
  const request: CommandRequest = {
    command: name,
    manifest: values.manifest,
    cwd: base,
    profile: values.profile,
    select: values.select,
    changedSince: values['changed-since'],
    deferTo: values['defer-to'],
    lazy: values.lazy === true,
    failFast: values['fail-fast'] === true,
    parallelism: parsePositive('parallelism', values.parallelism),
    preview: values.preview,
    format: values.format as LineageFormat | undefined,
    base: values.base,
    report: values.report,
    stale: values.stale,
    runId: values['run-id'],
    to: values.to,
    sha: values.sha,
    dryRun: values['dry-run'] === true,
    ...(values['force-lock'] ? { forceLock: true } : {}),
    ...(takesStep && rest[0] ? { step: rest[0] } : {}),
    ...(values.inputs !== undefined ? { inputs: list(values.inputs) } : {}),
    ...(values.outputs !== undefined ? { outputs: list(values.outputs) } : {}),
    language: values.language,
    after: values.after,
    yes: values.yes === true,
    ...(values.template !== undefined ? { template: values.template } : {}),
    ...(values['list-templates'] ? { listTemplates: true } : {}),
    ...(values.key !== undefined ? { key: list(values.key) } : {}),
    ...(values.by !== undefined ? { by: list(values.by) } : {}),
    ...(values.columns !== undefined ? { columns: list(values.columns) } : {}),
    wait: values.wait
  }
  return { request, json, debug, help: false, version: false }
}

/** `a, b,c` → `['a', 'b', 'c']`. */
function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

function parsePositive(
  name: string,
  raw: string | undefined
): number | undefined {
  if (raw === undefined) return undefined
  if (!/^[1-9][0-9]*$/.test(raw)) {
    throw new UsageError(
      `--${name} must be a positive whole number, got "${raw}".`
    )
  }
  return Number(raw)
}

/** The help text for a command, or the overview. */
export function helpText(topic?: string): string {
  const usage: Record<string, string> = {
    validate:
      'dtflw validate [--manifest dtflw.yaml]\n  Checks the manifest, every profile and every notebook, offline, without credentials.',
    plan: 'dtflw plan --profile P [--select S] [--changed-since REF [--defer-to P2]] [--json]\n  The resolved steps, their parameters, order, parallel levels and critical path.',
    explain:
      'dtflw explain --profile P [--json]\n  Every resolved profile value and the file:line it came from.',
    deploy:
      'dtflw deploy --profile P [--preview NAME] [--force-lock] [--json]\n  Puts the notebooks where the profile runs them (a workspace folder), uploading only what changed. --force-lock takes over the deploy lock of a deploy that was killed.',
    run: 'dtflw run --profile P [--select S] [--changed-since REF [--defer-to P2]] [--lazy] [--fail-fast] [--parallelism N] [--preview NAME] [--wait 5m] [--force-lock] [--json]\n  Deploys, then runs the flow on the engine of the profile and writes .dtflw/runs/<id>/report.json.',
    cleanup:
      'dtflw cleanup --profile P (--preview NAME | --stale AGE) [--json]\n  Removes a pull-request preview, or every preview older than AGE (e.g. 7d).',
    cancel:
      "dtflw cancel --profile P --run-id ID\n  Cancels a run on the profile's platform (e.g. one a cancelled CI job left running).",
    promote:
      'dtflw promote --to ENV [--sha SHA] [--dry-run] [--force-lock] [--json]\n  Deploys and runs, on ENV, the build that passed the environment before it in the promotion chain.',
    add: 'dtflw add STEP [--template T [--key K] [--by A,B] [--columns A,B]] [--inputs A,B] [--outputs C] [--language sql|python] [--after STEP] [--profile P] [--yes] | dtflw add --list-templates\n  Adds a notebook step: its notebook, widgets valued from profile P (default development), and its entry in dtflw.yaml.',
    widgets:
      "dtflw widgets [--profile P] STEP [--json]\n  The parameters STEP's notebook receives under profile P (default development), to run it by hand.",
    lineage:
      'dtflw lineage [--profile P] [--format markdown|mermaid|openlineage|json] [--base REF] [--report FILE]\n  What reads and writes what; --base shows the diff against another ref.'
  }
  if (topic && usage[topic])
    return `${usage[topic]}\n\nCommon options: --manifest/-m PATH, -C DIR, --json, --debug.`
  return [
    'dtflw: CI tooling for Databricks notebook pipelines.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${usage[c].split('\n')[0]}`),
    '',
    'Selection: --select "a, b+, +c" (a step, and its downstream, and its upstream).',
    'Exit codes: 0 success; 1 a notebook failed or an output is missing; 2 bad usage, manifest or profile; 3 platform failure (auth, network, API); 4 refused (promotion gate, deploy lock); 130/143 interrupted.'
  ].join('\n')
}
