import { describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../../src/cli/args.js'
import { helpText } from '../../src/cli/help.js'
import { main } from '../../src/cli/main.js'
import {
  COMMAND_NAMES,
  OPTION_FIELDS,
  optionSpec
} from '../../src/commands/index.js'
import { UsageError } from '../../src/diagnostics/index.js'

const CWD = '/home/me/sales'

/** The request the command line `args` makes, as `runCommand` receives it. */
const requestOf = (...args: string[]) => parseCliArgs(args, CWD).request

/** What the command line is refused with. */
function refusal(...args: string[]): string {
  try {
    parseCliArgs(args, CWD)
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error(`dtflw ${args.join(' ')} was not refused`)
}

describe('parseCliArgs', () => {
  it('turns each flag into its field, by the option table', () => {
    expect(
      requestOf(
        'run',
        '-p',
        'test',
        '--select',
        'clean+',
        '--changed-since',
        'main',
        '--defer-to',
        'production',
        '--lazy',
        '--fail-fast',
        '-j',
        '3',
        '--preview',
        'pr-7',
        '--wait',
        '5m',
        '--force-lock'
      )
    ).toEqual({
      command: 'run',
      cwd: CWD,
      profile: 'test',
      select: 'clean+',
      changedSince: 'main',
      deferTo: 'production',
      lazy: true,
      failFast: true,
      parallelism: 3,
      preview: 'pr-7',
      wait: '5m',
      forceLock: true
    })
  })

  it('leaves out what was not given, and resolves -C against the folder', () => {
    expect(requestOf('validate', '-C', 'pipeline', '-m', 'x.yaml')).toEqual({
      command: 'validate',
      cwd: '/home/me/sales/pipeline',
      manifest: 'x.yaml'
    })
    expect(requestOf('deploy', '--profile', 'test')).toEqual({
      command: 'deploy',
      cwd: CWD,
      profile: 'test'
    })
  })

  it('reads the step and the lists of dtflw add', () => {
    expect(
      requestOf(
        'add',
        'orders_by_day',
        '--inputs',
        'orders_silver, customers_silver,',
        '--outputs',
        'orders_by_day',
        '-t',
        'aggregate',
        '--by',
        'day',
        '--language',
        'sql',
        '-y'
      )
    ).toEqual({
      command: 'add',
      cwd: CWD,
      step: 'orders_by_day',
      inputs: ['orders_silver', 'customers_silver'],
      outputs: ['orders_by_day'],
      template: 'aggregate',
      by: ['day'],
      language: 'sql',
      yes: true
    })
    expect(requestOf('widgets', 'clean', '--profile', 'test')).toEqual({
      command: 'widgets',
      cwd: CWD,
      step: 'clean',
      profile: 'test'
    })
  })

  it('hands a value the parser cannot judge to the request checks', () => {
    // --format svg is refused by buildRequest, below both entry points,
    // with the same words for the Action.
    expect(requestOf('lineage', '-f', 'svg')).toEqual({
      command: 'lineage',
      cwd: CWD,
      format: 'svg'
    })
  })

  it('refuses a flag the command does not take, naming it', () => {
    expect(refusal('plan', '--profile', 'development', '--lazy')).toBe(
      'dtflw plan does not take --lazy; run dtflw plan --help.'
    )
    expect(refusal('deploy', '--profile', 'test', '--select', 'a')).toBe(
      'dtflw deploy does not take --select; run dtflw deploy --help.'
    )
    expect(refusal('promote', '--to', 'acceptance', '--profile', 'x')).toBe(
      'dtflw promote does not take --profile; run dtflw promote --help.'
    )
  })

  it('refuses what no command takes, with a did-you-mean', () => {
    expect(
      refusal('run', '--profile', 'development', '--paralelism', '2')
    ).toBe(`unknown option '--paralelism'; did you mean "--parallelism"?`)
    expect(refusal('plann')).toBe(
      'unknown command "plann"; did you mean "plan"?'
    )
  })

  it('refuses positional arguments where the command takes none or one', () => {
    expect(refusal('plan', 'extra', '--profile', 'test')).toBe(
      'dtflw plan takes no positional argument, got "extra"; run dtflw plan --help.'
    )
    expect(refusal('add', 'a', 'b')).toBe(
      'dtflw add takes one step name, got "a", "b"; run dtflw add --help.'
    )
  })

  it('refuses a parallelism that is not a positive whole number', () => {
    expect(refusal('run', '--profile', 'development', '-j', 'two')).toBe(
      '--parallelism must be a positive whole number, got "two".'
    )
    expect(refusal('promote', '--to', 'test', '--parallelism', '0')).toBe(
      '--parallelism must be a positive whole number, got "0".'
    )
  })

  it('accepts, for each command, the flags of its row and no other, as --help says', () => {
    /** The option flags `dtflw COMMAND --flag` is not refused for. */
    const accepted = (command: string): string[] =>
      OPTION_FIELDS.flatMap((field) => {
        const { flag, kind } = optionSpec(field)
        if (!flag) return []
        const value = kind === 'flag' ? [] : kind === 'count' ? ['2'] : ['x']
        try {
          parseCliArgs([command, `--${flag}`, ...value], CWD)
          return [`--${flag}`]
        } catch {
          return []
        }
      })
    const byCommand = Object.fromEntries(
      COMMAND_NAMES.map((c) => [c, accepted(c)])
    )
    // --help offers exactly these.
    for (const command of COMMAND_NAMES) {
      const offered = [...helpText(command).matchAll(/^ {2}.{4}(--[a-z-]+)/gm)]
      expect([command, offered.map((m) => m[1])]).toEqual([
        command,
        byCommand[command]
      ])
    }
    expect(byCommand).toEqual({
      validate: [],
      plan: [
        '--profile',
        '--select',
        '--changed-since',
        '--defer-to',
        '--preview'
      ],
      explain: ['--profile', '--preview'],
      deploy: ['--profile', '--preview', '--force-lock'],
      diff: ['--report'],
      run: [
        '--profile',
        '--select',
        '--changed-since',
        '--defer-to',
        '--preview',
        '--lazy',
        '--fail-fast',
        '--parallelism',
        '--wait',
        '--force-lock'
      ],
      cleanup: ['--profile', '--preview', '--stale'],
      cancel: ['--profile', '--run-id'],
      promote: [
        '--to',
        '--sha',
        '--fail-fast',
        '--parallelism',
        '--force-lock',
        '--dry-run'
      ],
      add: [
        '--profile',
        '--template',
        '--list-templates',
        '--key',
        '--by',
        '--columns',
        '--inputs',
        '--outputs',
        '--language',
        '--after',
        '--yes'
      ],
      widgets: ['--profile', '--preview'],
      lineage: [
        '--profile',
        '--select',
        '--preview',
        '--format',
        '--base',
        '--report'
      ]
    })
  })

  it('gives help and the version before anything else', () => {
    expect(parseCliArgs(['run', '--help'], CWD)).toEqual({
      json: false,
      debug: false,
      help: true,
      version: false,
      topic: 'run'
    })
    expect(parseCliArgs(['help', 'cleanup'], CWD).topic).toBe('cleanup')
    expect(parseCliArgs(['--version', 'run'], CWD).version).toBe(true)
  })
})

describe('a refused command line', () => {
  it('masks a secret of the environment in the message', async () => {
    const token = 'dapi0123456789abcdef/x'
    let stderr = ''
    const code = await main({
      argv: ['deploy', '--profile', 'test', '--preview', token],
      env: { DATABRICKS_TOKEN: token },
      cwd: '/nonexistent/dtflw-args-test',
      stdout: { write: () => undefined },
      stderr: { write: (s) => void (stderr += s) }
    })
    expect(code).toBe(2)
    expect(stderr).toBe(
      'error: --preview must be 1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit (it names a workspace folder), got "***".\n'
    )
  })
})
