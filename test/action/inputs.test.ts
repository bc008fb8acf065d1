import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { readActionInputs } from '../../src/action/inputs.js'
import type { ActionSettings } from '../../src/action/inputs.js'
import { repoRoot } from '../support/cli.js'

const WORKSPACE = '/home/runner/work/sales/sales'

const metadata = parse(
  readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')
) as { inputs: Record<string, { default?: string }> }

/**
 * The environment a runner gives the step: every input of action.yml as
 * `INPUT_<NAME>`, its default unless `with:` sets it (an expression such
 * as `${{ github.token }}` is a value the runner fills: a token here).
 */
function runnerEnv(
  withInputs: Record<string, string> = {}
): Record<string, string> {
  const env: Record<string, string> = { GITHUB_WORKSPACE: WORKSPACE }
  for (const [name, input] of Object.entries(metadata.inputs)) {
    const given =
      withInputs[name] ??
      (input.default?.startsWith('${{') ? 'ghs_token' : input.default)
    env[`INPUT_${name.toUpperCase()}`] = given ?? ''
  }
  return env
}

const read = (withInputs: Record<string, string> = {}) =>
  readActionInputs(runnerEnv(withInputs), '/elsewhere')

function refusal(withInputs: Record<string, string>): string {
  try {
    read(withInputs)
  } catch (error) {
    const e = error as { exitCode?: number; message: string }
    return `exit ${e.exitCode}: ${e.message}`
  }
  throw new Error('the inputs were accepted')
}

describe('readActionInputs', () => {
  it('with the defaults of action.yml, runs in the checkout, comments on pull requests, and never runs a pull_request_target', () => {
    const defaults: ActionSettings = {
      command: 'run',
      profile: undefined,
      manifest: undefined,
      workspace: WORKSPACE,
      workingDirectory: WORKSPACE,
      preview: undefined,
      changedOnly: false,
      comment: undefined,
      githubToken: 'ghs_token',
      databricksHost: undefined,
      databricksToken: undefined,
      databricksClientId: undefined,
      databricksClientSecret: undefined,
      timeoutMinutes: undefined,
      select: undefined,
      to: undefined,
      sha: undefined,
      dryRun: false,
      stale: undefined,
      failFast: false,
      parallelism: undefined,
      allowPullRequestTarget: false
    }
    expect(read()).toEqual(defaults)
  })

  it('reads every input action.yml declares', () => {
    const given: Record<string, string> = {
      command: 'promote',
      profile: 'test',
      manifest: 'pipelines/sales/dtflw.yaml',
      'working-directory': 'pipelines',
      preview: 'demo',
      'changed-only': 'true',
      comment: 'false',
      'github-token': 'ghs_other',
      'databricks-host': 'https://adb-1.azuredatabricks.net',
      'databricks-token': 'dapi-1',
      'databricks-client-id': 'sp-1',
      'databricks-client-secret': 'secret-1',
      'timeout-minutes': '30',
      select: 'a+',
      stale: '7d',
      'fail-fast': 'true',
      parallelism: '4',
      to: 'acceptance',
      sha: 'abc123',
      'dry-run': 'true',
      'allow-pull-request-target': 'true'
    }
    // A new input must be read, and added here.
    expect(Object.keys(given).sort()).toEqual(
      Object.keys(metadata.inputs).sort()
    )
    const defaults = read()
    const settings = read(given)
    const unchanged = Object.keys(settings).filter(
      (key) =>
        key !== 'workspace' &&
        settings[key as keyof ActionSettings] ===
          defaults[key as keyof ActionSettings]
    )
    expect(unchanged).toEqual([])
    expect(settings).toEqual(
      expect.objectContaining({
        workingDirectory: `${WORKSPACE}/pipelines`,
        manifest: 'pipelines/sales/dtflw.yaml',
        timeoutMinutes: 30,
        parallelism: 4,
        allowPullRequestTarget: true
      })
    )
  })

  it('takes the booleans YAML 1.2 core writes, and trims what it reads; an empty input is no input', () => {
    for (const yes of ['true', 'True', 'TRUE', ' true\n']) {
      expect(
        read({ 'allow-pull-request-target': yes }).allowPullRequestTarget
      ).toBe(true)
    }
    for (const no of ['false', 'False', 'FALSE', '']) {
      expect(
        read({ 'allow-pull-request-target': no }).allowPullRequestTarget
      ).toBe(false)
    }
    expect(read({ profile: '  test \n' }).profile).toBe('test')
    expect(read({ profile: '   ' }).profile).toBeUndefined()
  })

  it('refuses, with exit 2, the input and the value it cannot read, and what it takes', () => {
    expect(refusal({ command: 'destroy' })).toBe(
      'exit 2: input "command" must be one of validate, plan, deploy, run, lineage, cleanup, promote, got "destroy".'
    )
    expect(refusal({ 'allow-pull-request-target': 'yes' })).toBe(
      'exit 2: input "allow-pull-request-target" must be one of true, True, TRUE, false, False, FALSE, got "yes".'
    )
    expect(refusal({ 'timeout-minutes': 'ten' })).toBe(
      'exit 2: input "timeout-minutes" must be a positive whole number, got "ten".'
    )
    expect(refusal({ parallelism: '0' })).toBe(
      'exit 2: input "parallelism" must be a positive whole number, got "0".'
    )
    expect(refusal({ 'timeout-minutes': '1.5' })).toBe(
      'exit 2: input "timeout-minutes" must be a positive whole number, got "1.5".'
    )
  })

  it('refuses a working-directory or manifest that leaves the checkout', () => {
    expect(refusal({ 'working-directory': '../other' })).toBe(
      'exit 2: input "working-directory" must be a path inside the repository\'s checkout (GITHUB_WORKSPACE), got "../other".'
    )
    expect(refusal({ 'working-directory': '/etc' })).toBe(
      'exit 2: input "working-directory" must be a path inside the repository\'s checkout (GITHUB_WORKSPACE), got "/etc".'
    )
    expect(
      refusal({ 'working-directory': 'pipelines', manifest: '../../x.yaml' })
    ).toMatch(
      /^exit 2: input "manifest" must be a path inside the repository's checkout/
    )
    // Inside it, however it is written.
    expect(
      read({ 'working-directory': './pipelines/../pipelines/sales/' })
        .workingDirectory
    ).toBe(`${WORKSPACE}/pipelines/sales`)
  })

  it('outside a runner, takes the folder it runs in as the checkout', () => {
    const { GITHUB_WORKSPACE: _, ...env } = runnerEnv()
    expect(readActionInputs(env, '/tmp/sales').workingDirectory).toBe(
      '/tmp/sales'
    )
  })
})
