import path from 'node:path'
import {
  COMMAND_NAMES,
  mustBe,
  optionSpec,
  optionsOf,
  splitList
} from '../commands/index.js'
import type {
  CommandName,
  OptionSpec,
  RequestDraft
} from '../commands/index.js'
import { didYouMean, UsageError } from '../diagnostics/index.js'
import { COMMON_FLAGS, FIELD_OF_FLAG, parseFlags } from './flags.js'

/** Everything the `dtflw` command line decides, parsed once. */
export interface CliSettings {
  readonly request?: RequestDraft
  readonly json: boolean
  readonly debug: boolean
  readonly help: boolean
  readonly version: boolean
  /** The help topic: a command name or undefined for the overview. */
  readonly topic?: string
}

/** Turns argv (without `node` and the script) into settings; throws `UsageError`. */
export function parseCliArgs(
  argv: readonly string[],
  cwd: string
): CliSettings {
  const { values, positionals } = parseFlags(argv)
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
  if (!COMMAND_NAMES.includes(command as CommandName)) {
    throw new UsageError(
      `unknown command "${command}";${didYouMean(command, COMMAND_NAMES) || ` the commands are: ${COMMAND_NAMES.join(', ')}.`}`
    )
  }
  const name = command as CommandName
  const offered = optionsOf(name)
  const positional = offered.find((field) => optionSpec(field).positional)
  if (rest.length > (positional ? 1 : 0)) {
    throw new UsageError(
      positional
        ? `dtflw ${name} takes one step name, got ${rest.map((r) => `"${r}"`).join(', ')}; run dtflw ${name} --help.`
        : `dtflw ${name} takes no positional argument, got "${rest[0]}"; run dtflw ${name} --help.`
    )
  }
  for (const flag of Object.keys(values)) {
    const field = FIELD_OF_FLAG.get(flag)
    if (!(flag in COMMON_FLAGS) && !(field && offered.includes(field))) {
      throw new UsageError(
        `dtflw ${name} does not take --${flag}; run dtflw ${name} --help.`
      )
    }
  }
  const draft: Record<string, unknown> = {
    command: name,
    cwd:
      typeof values['working-directory'] === 'string'
        ? path.resolve(cwd, values['working-directory'])
        : cwd,
    ...(typeof values.manifest === 'string'
      ? { manifest: values.manifest }
      : {})
  }
  for (const field of offered) {
    const spec = optionSpec(field)
    const raw = spec.positional ? rest[0] : values[spec.flag ?? '']
    const value = raw === undefined ? undefined : readValue(spec, raw)
    if (value !== undefined) draft[field] = value
  }
  // Every field was read by its spec, so the draft holds what it says.
  const request = draft as unknown as RequestDraft
  return { request, json, debug, help: false, version: false }
}

/** One option's text (or presence) as the value its kind says. */
function readValue(
  spec: OptionSpec,
  raw: string | boolean
): string | boolean | number | string[] | undefined {
  if (typeof raw === 'boolean') return raw || undefined
  switch (spec.kind) {
    case 'list':
      return splitList(raw)
    case 'count':
      if (!/^[1-9][0-9]*$/.test(raw)) {
        throw new UsageError(
          `--${spec.flag} must be ${mustBe(spec)}, got "${raw}".`
        )
      }
      return Number(raw)
    default:
      return raw
  }
}
