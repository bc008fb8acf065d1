import {
  COMMAND_NAMES,
  commandSpec,
  optionSpec,
  optionsOf
} from '../commands/index.js'
import type { CommandName, OptionSpec } from '../commands/index.js'

const COMMON = 'Common options: --manifest/-m PATH, -C DIR, --json, --debug.'

/**
 * The help text for a command, or the overview: usage lines and summaries
 * from COMMAND_SPECS, and each option a command takes from the option
 * table, so help cannot offer a flag the parser refuses.
 */
export function helpText(topic?: string): string {
  if (topic && COMMAND_NAMES.includes(topic as CommandName)) {
    return commandHelp(topic as CommandName)
  }
  return [
    'dtflw: CI tooling for Databricks notebook pipelines.',
    '',
    'Commands:',
    ...COMMAND_NAMES.map((c) => `  ${commandSpec(c).usage}`),
    '',
    'Selection: --select "a, b+, +c" (a step, and its downstream, and its upstream).',
    'Exit codes: 0 success; 1 a notebook failed or an output is missing; 2 bad usage, manifest or profile; 3 platform failure (auth, network, API); 4 refused (promotion gate, deploy lock); 130/143 interrupted.'
  ].join('\n')
}

function commandHelp(command: CommandName): string {
  const spec = commandSpec(command)
  const rows = optionsOf(command).map((field) => {
    const option = optionSpec(field)
    const needed = spec.needs.includes(field) ? ' (needed)' : ''
    return [optionName(option), `${option.help}${needed}`] as const
  })
  const width = Math.max(0, ...rows.map(([name]) => name.length))
  const options = rows.map(([name, help]) => `  ${name.padEnd(width)}  ${help}`)
  return [
    spec.usage,
    `  ${spec.summary}`,
    '',
    ...(options.length > 0 ? ['Options:', ...options, ''] : []),
    COMMON
  ].join('\n')
}

/** `-p, --profile P`, `--lazy`, or `STEP` for the positional argument. */
function optionName(option: OptionSpec): string {
  if (option.positional) return option.arg ?? ''
  const short = option.short ? `-${option.short}, ` : '    '
  return `${short}--${option.flag}${option.arg ? ` ${option.arg}` : ''}`
}
