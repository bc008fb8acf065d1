import { describe, expect, it } from '@jest/globals'
import {
  buildRequest,
  COMMAND_NAMES,
  draftRequest,
  runCommand
} from '../../../src/commands/index.js'
import type { RequestDraft } from '../../../src/commands/index.js'
import { UsageError } from '../../../src/diagnostics/index.js'
import { deps, summaries } from '../support.js'

// Refusals come before anything is read, so no project is needed.
const NOWHERE = '/nonexistent/dtflw-request-test'

function refusal(fields: Partial<RequestDraft>): string | undefined {
  try {
    buildRequest({ command: 'validate', cwd: NOWHERE, ...fields })
    return undefined
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    return error.message
  }
}

describe('buildRequest', () => {
  it('asks for --profile only where a command acts on one environment', () => {
    const needing = COMMAND_NAMES.filter((command) =>
      refusal({
        command,
        // Enough of every other field that only --profile can be missing.
        to: 'acceptance',
        runId: '1',
        preview: 'pr-1',
        step: 'a'
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
      { command: 'widgets', profile: 'test' },
      'dtflw widgets needs the step: dtflw widgets --profile NAME STEP.'
    ],
    [
      { command: 'cleanup', profile: 'test', preview: 'pr-1', stale: '7d' },
      'dtflw cleanup needs either --preview NAME (one preview) or --stale AGE (every preview older than AGE, e.g. 7d).'
    ],
    [
      { command: 'cleanup', profile: 'test' },
      'dtflw cleanup needs either --preview NAME (one preview) or --stale AGE (every preview older than AGE, e.g. 7d).'
    ],
    [
      { command: 'cleanup', profile: 'test', stale: '7' },
      '--stale must be a whole number with a unit s, m, h or d (e.g. 7d), got "7".'
    ],
    [
      { command: 'plan', profile: 'test', deferTo: 'production' },
      '--defer-to goes with --changed-since REF.'
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
    expect(refusal(fields as Partial<RequestDraft>)).toBe(message)
  })

  it('names the missing profile before any other mistake', () => {
    expect(refusal({ command: 'run', deferTo: 'test', parallelism: -1 })).toBe(
      'dtflw run needs --profile NAME (e.g. --profile development).'
    )
  })

  it('takes an empty --profile or --run-id as missing', () => {
    expect(refusal({ command: 'deploy', profile: '' })).toBe(
      'dtflw deploy needs --profile NAME (e.g. --profile development).'
    )
    expect(refusal({ command: 'cancel', profile: 'test', runId: '' })).toBe(
      'dtflw cancel needs --run-id ID (the run id a deploy or run printed).'
    )
  })

  it('gives each command only the fields it takes', () => {
    // What an entry point may send any command: the Action sends its
    // inputs whatever the command; a test sends what it likes.
    const everything: RequestDraft = {
      command: 'validate',
      cwd: '/repo',
      manifest: 'pipeline/dtflw.yaml',
      profile: 'test',
      preview: 'pr-7',
      select: 'a+',
      changedSince: 'main',
      failFast: true,
      parallelism: 4,
      to: 'acceptance',
      sha: 'abc123',
      dryRun: true,
      base: 'main',
      lineage: true,
      stale: '7d',
      runId: '42',
      format: 'json',
      step: 'clean'
    }
    const of = (command: RequestDraft['command']) =>
      buildRequest({ ...everything, command, stale: undefined })
    expect(of('validate')).toEqual({
      command: 'validate',
      cwd: '/repo',
      manifest: 'pipeline/dtflw.yaml'
    })
    expect(of('plan')).toEqual({
      command: 'plan',
      cwd: '/repo',
      manifest: 'pipeline/dtflw.yaml',
      profile: 'test',
      select: 'a+',
      changedSince: 'main',
      preview: 'pr-7',
      base: 'main',
      lineage: true
    })
    expect(of('deploy')).toEqual({
      command: 'deploy',
      cwd: '/repo',
      manifest: 'pipeline/dtflw.yaml',
      profile: 'test',
      preview: 'pr-7'
    })
    expect(of('promote')).toEqual({
      command: 'promote',
      cwd: '/repo',
      manifest: 'pipeline/dtflw.yaml',
      to: 'acceptance',
      sha: 'abc123',
      failFast: true,
      parallelism: 4,
      dryRun: true
    })
    expect(of('cancel')).toEqual({
      command: 'cancel',
      cwd: '/repo',
      manifest: 'pipeline/dtflw.yaml',
      profile: 'test',
      runId: '42'
    })
    expect(of('widgets')).toEqual({
      command: 'widgets',
      cwd: '/repo',
      manifest: 'pipeline/dtflw.yaml',
      step: 'clean',
      profile: 'test',
      preview: 'pr-7'
    })
    expect(of('lineage')).toEqual({
      command: 'lineage',
      cwd: '/repo',
      manifest: 'pipeline/dtflw.yaml',
      profile: 'test',
      select: 'a+',
      preview: 'pr-7',
      format: 'json',
      base: 'main',
      lineage: true
    })
  })

  it('keeps a flag only when it is set', () => {
    expect(
      buildRequest({
        command: 'run',
        cwd: '/repo',
        profile: 'development',
        lazy: false,
        failFast: true,
        forceLock: false
      })
    ).toEqual({
      command: 'run',
      cwd: '/repo',
      profile: 'development',
      failFast: true
    })
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

  it('reads --wait 30 as seconds, while --stale 7 stays refused', () => {
    expect(
      refusal({ command: 'run', profile: 'development', wait: '30' })
    ).toBeUndefined()
    expect(
      refusal({ command: 'cleanup', profile: 'test', stale: '7' })
    ).toMatch(/^--stale must be a whole number with a unit/)
  })
})

describe('draftRequest', () => {
  it('picks what the command takes and checks nothing', () => {
    expect(
      draftRequest(
        'cleanup',
        { cwd: '/repo' },
        { profile: 'test', select: 'a', failFast: false, stale: '7' }
      )
    ).toEqual({ command: 'cleanup', cwd: '/repo', profile: 'test', stale: '7' })
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
