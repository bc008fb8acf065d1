import { parseArgs } from 'node:util'
import { OPTION_FIELDS, optionSpec } from '../commands/index.js'
import type { OptionField } from '../commands/index.js'
import { didYouMean, UsageError } from '../diagnostics/index.js'

/** Flags every command takes: where the pipeline is, and how to print. */
export const COMMON_FLAGS = {
  manifest: { type: 'string', short: 'm' },
  'working-directory': { type: 'string', short: 'C' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' }
} as const

/** The field each command-line flag of the option table fills. */
export const FIELD_OF_FLAG: ReadonlyMap<string, OptionField> = new Map(
  OPTION_FIELDS.flatMap((field) => {
    const flag = optionSpec(field).flag
    return flag ? [[flag, field] as const] : []
  })
)

/** `parseArgs`' options: the common flags and every option's flag. */
const PARSE_OPTIONS: Readonly<
  Record<string, { type: 'string' | 'boolean'; short?: string }>
> = {
  ...COMMON_FLAGS,
  ...Object.fromEntries(
    [...FIELD_OF_FLAG].map(([flag, field]) => {
      const { kind, short } = optionSpec(field)
      return [
        flag,
        {
          type: kind === 'flag' ? 'boolean' : 'string',
          ...(short ? { short } : {})
        }
      ]
    })
  )
}

/** argv through `parseArgs`, its error said our way, with a did-you-mean. */
export function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: PARSE_OPTIONS,
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    const raw = (error as Error).message.replace(/\. To specify.*$/s, '')
    const message = raw.charAt(0).toLowerCase() + raw.slice(1)
    const option = /'(-{1,2}[^']+)'/.exec(message)?.[1]
    const known = Object.keys(PARSE_OPTIONS).map((o) => `--${o}`)
    const hint = option ? didYouMean(option, known) : ''
    throw new UsageError(
      `${message};${hint || ' run dtflw --help for the options.'}`
    )
  }
}
