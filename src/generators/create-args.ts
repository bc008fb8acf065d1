import { parseArgs } from 'node:util'
import { didYouMean } from '../diagnostics/index.js'
import { CHOICES } from '../scaffold/index.js'

/** An option of `create-dtflw-pipeline`, as `node:util`'s parseArgs takes it. */
interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
}

/** The options of the command line: one per row of the table, and ours. */
const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...Object.fromEntries(
    CHOICES.map((row): [string, OptionSpec] => [
      row.option,
      { type: row.type === 'confirm' ? 'boolean' : 'string' }
    ])
  ),
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  'skip-install': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
}

/** The arguments, parsed and checked, or what is wrong with them. */
export type CreateArgs =
  | {
      readonly ok: true
      /** By flag: `host-test`, `yes`, `skip-install`, … */
      readonly values: Readonly<Record<string, string | boolean | undefined>>
      readonly directory?: string
    }
  | { readonly ok: false; readonly message: string }

/** `create-dtflw-pipeline --help`. */
export function helpText(): string {
  const rows = CHOICES.map((row) => {
    const flag =
      row.type === 'confirm'
        ? `--${row.option} / --no-${row.option}`
        : `--${row.option} ${row.choices ? row.choices.map((c) => c.value).join('|') : 'VALUE'}`
    return `  ${flag.padEnd(44)} ${row.message}`
  })
  return [
    'Usage: npm init dtflw-pipeline [DIRECTORY] -- [options]',
    '       create-dtflw-pipeline [DIRECTORY] [options]',
    '',
    'Creates a Databricks notebook pipeline repository in DIRECTORY (default: the',
    'pipeline name): dtflw.yaml, notebooks, profiles, sample data, GitHub workflows.',
    'Asks for each choice not given as an option, unless --yes or stdin is not a',
    'terminal, which take the defaults.',
    '',
    ...rows,
    `  ${'-y, --yes'.padEnd(44)} Take the defaults for every choice not given`,
    `  ${'--force'.padEnd(44)} Write into a folder that is not empty`,
    `  ${'--skip-install'.padEnd(44)} Do not run npm install`,
    `  ${'-h, --help'.padEnd(44)} Show this help`
  ].join('\n')
}

/** Parses the arguments of `create-dtflw-pipeline` (without node and the script). */
export function parseCreateArgs(argv: readonly string[]): CreateArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      allowNegative: true,
      strict: true
    })
  } catch (error) {
    const raw = (error as Error).message.replace(/\. To specify.*$/s, '')
    const option = /'(-{1,2}[^']+)'/.exec(raw)?.[1]
    const flags = Object.keys(OPTIONS).map((o) => `--${o}`)
    const hint = option ? didYouMean(option, flags) : ''
    return {
      ok: false,
      message: `${raw.charAt(0).toLowerCase()}${raw.slice(1)};${hint || ' see create-dtflw-pipeline --help.'}`
    }
  }
  const { values, positionals } = parsed
  if (positionals.length > 1) {
    return {
      ok: false,
      message: `takes one folder, got ${positionals.map((p) => `"${p}"`).join(' ')}; quote a folder name with spaces.`
    }
  }
  return {
    ok: true,
    values,
    ...(positionals[0] !== undefined ? { directory: positionals[0] } : {})
  }
}
