import { describe, expect, it } from '@jest/globals'
import {
  checkRequest,
  COMMAND_NAMES,
  parseDuration,
  parseWait,
  runCommand
} from '../../src/commands/index.js'
import type { CommandRequest } from '../../src/commands/index.js'
import { UsageError } from '../../src/diagnostics/index.js'
import { deps, summaries } from './support.js'

// Refusals come before anything is read, so no project is needed.
const NOWHERE = '/nonexistent/dtflw-request-test'

function refusal(fields: Partial<CommandRequest>): string | undefined {
  try {
    checkRequest({ command: 'validate', cwd: NOWHERE, ...fields })
    return undefined
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    return error.message
  }
}

describe('checkRequest', () => {
  it('asks for --profile only where a command acts on one environment', () => {
    const needing = COMMAND_NAMES.filter((command) =>
      refusal({
        command,
        // Enough of every other field that only --profile can be missing.
        to: 'acceptance',
        runId: '1',
        preview: 'pr-1'
      })?.includes('needs --profile')
    )
    expect(needing).toEqual([
      'plan',
      'explain',
      'deploy',
      'run',
      'cleanup',
      'cancel'
    ])
    // widgets and lineage fall back to development.
    expect(refusal({ command: 'widgets', step: 'a' })).toBeUndefined()
    expect(refusal({ command: 'lineage' })).toBeUndefined()
  })

  it.each([
    [
      { command: 'lineage', format: 'svg' },
      '--format must be one of markdown, mermaid, openlineage, json, got "svg".'
    ],
    [
      { command: 'run', profile: 'development', parallelism: 0 },
      '--parallelism must be a positive whole number, got "0".'
    ],
    [
      { command: 'run', profile: 'development', parallelism: 1.5 },
      '--parallelism must be a positive whole number, got "1.5".'
    ],
    [
      { command: 'run', profile: 'development', wait: '5 minutes' },
      '--wait must be a number of seconds, or a whole number with a unit s, m, h or d (e.g. 30 or 5m), got "5 minutes".'
    ],
    [
      { command: 'add', step: 'x', language: 'scala' },
      '--language must be sql or python, got "scala".'
    ],
    [
      { command: 'promote' },
      'dtflw promote needs --to ENV, the environment to promote to (e.g. --to acceptance).'
    ],
    [
      { command: 'cancel', profile: 'test' },
      'dtflw cancel needs --run-id ID (the run id a deploy or run printed).'
    ],
    [
      { command: 'cleanup', profile: 'test', preview: 'pr-1', stale: '7d' },
      'dtflw cleanup needs either --preview NAME (one preview) or --stale AGE (every preview older than AGE, e.g. 7d).'
    ],
    [
      { command: 'plan', profile: 'test', preview: '-pr' },
      '--preview must be 1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit (it names a workspace folder), got "-pr".'
    ],
    [
      { command: 'plan', profile: 'test', preview: 'p'.repeat(65) },
      `--preview must be 1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit (it names a workspace folder), got "${'p'.repeat(65)}".`
    ]
  ] as const)('refuses %j', (fields, message) => {
    expect(refusal(fields as Partial<CommandRequest>)).toBe(message)
  })

  it('names the missing profile before any other mistake', () => {
    expect(refusal({ command: 'run', deferTo: 'test', parallelism: -1 })).toBe(
      'dtflw run needs --profile NAME (e.g. --profile development).'
    )
  })

  it('accepts what the CLI and the Action send for a normal pull request', () => {
    expect(
      refusal({
        command: 'run',
        profile: 'test',
        preview: 'pr-42.feature_x',
        changedSince: 'origin/main',
        deferTo: 'production',
        parallelism: 4,
        wait: '10m',
        lineage: true
      })
    ).toBeUndefined()
    expect(
      refusal({ command: 'cleanup', profile: 'test', stale: '14d' })
    ).toBeUndefined()
    expect(
      refusal({ command: 'cancel', profile: 'test', runId: '123' })
    ).toBeUndefined()
  })
})

describe('parseDuration', () => {
  it('reads a whole number and a unit', () => {
    expect(parseDuration('90s')).toBe(90_000)
    expect(parseDuration('5m')).toBe(300_000)
    expect(parseDuration('2h')).toBe(7_200_000)
    expect(parseDuration(' 7d ')).toBe(604_800_000)
  })

  it('gives undefined for anything else, so callers can name the input', () => {
    for (const text of ['0s', '1.5h', '5', 'm', '10 m', '-1d', '3w', '05m']) {
      expect([text, parseDuration(text)]).toEqual([text, undefined])
    }
  })
})

describe('parseWait', () => {
  it('reads a bare number as seconds, as the run lock message writes it', () => {
    expect(parseWait('30')).toBe(30_000)
    expect(parseWait('5m')).toBe(300_000)
    expect(parseWait('0')).toBeUndefined()
    expect(parseWait('1.5')).toBeUndefined()
  })

  it('is accepted by dtflw run --wait 30 (while --stale 7 stays refused)', () => {
    expect(() =>
      checkRequest({
        cwd: '.',
        command: 'run',
        profile: 'development',
        wait: '30'
      })
    ).not.toThrow()
    expect(() =>
      checkRequest({
        cwd: '.',
        command: 'cleanup',
        profile: 'test',
        stale: '7'
      })
    ).toThrow('--stale must be a whole number with a unit')
  })
})

describe('a refused request through runCommand', () => {
  it('exits 2 with one usage error before looking for a manifest', async () => {
    const result = await runCommand(
      { command: 'explain', cwd: NOWHERE },
      deps()
    )
    expect(result.exitCode).toBe(2)
    expect(summaries(result)).toEqual([
      'error: dtflw explain needs --profile NAME (e.g. --profile development).'
    ])
    expect(result.data).toBeUndefined()
  })
})
