import { describe, expect, it } from '@jest/globals'
import { readActionInputs } from '../../src/action/inputs.js'
import type { ActionSettings } from '../../src/action/inputs.js'
import { planActionRequest } from '../../src/action/request.js'
import type { GitHubContext } from '../../src/action/context.js'
import { buildRequest } from '../../src/commands/index.js'
import { UsageError } from '../../src/diagnostics/index.js'

// Inputs → settings → one request, as the runner gives them: INPUT_<NAME>
// variables, and a context read from the event. Nothing here touches disk.
const CHECKOUT = '/runner/work/sales/sales'
const BASE = '1111111111111111111111111111111111111111'
const HEAD = '2222222222222222222222222222222222222222'

/** The settings of a step with these inputs (`with:` of the workflow). */
function settingsOf(inputs: Record<string, string>): ActionSettings {
  const env: Record<string, string> = { GITHUB_WORKSPACE: CHECKOUT }
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = value
  }
  return readActionInputs(env, '/elsewhere')
}

const push: GitHubContext = {
  eventName: 'push',
  sha: HEAD,
  owner: 'shop',
  repo: 'sales',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  before: BASE
}

const pullRequest: GitHubContext = {
  ...push,
  eventName: 'pull_request',
  before: undefined,
  pullRequest: {
    number: 7,
    baseSha: BASE,
    headSha: HEAD,
    baseRef: 'main',
    fromFork: false
  }
}

/** What the Action hands `runCommand` for these inputs on this event. */
const requestOf = (inputs: Record<string, string>, context: GitHubContext) =>
  planActionRequest(settingsOf(inputs), context).request

describe('readActionInputs', () => {
  it('reads the options the option table offers as inputs, by their kind', () => {
    expect(
      settingsOf({
        command: 'promote',
        profile: 'test',
        'working-directory': 'pipeline',
        preview: 'pr-7',
        select: 'clean+',
        stale: '7d',
        to: 'acceptance',
        sha: HEAD,
        'dry-run': 'true',
        'fail-fast': 'True',
        parallelism: '3',
        // Not an input of the Action: dtflw run --wait is the CLI's.
        wait: '5m'
      })
    ).toEqual({
      command: 'promote',
      manifest: undefined,
      workspace: CHECKOUT,
      workingDirectory: `${CHECKOUT}/pipeline`,
      changedOnly: false,
      comment: undefined,
      githubToken: undefined,
      databricksHost: undefined,
      databricksToken: undefined,
      databricksClientId: undefined,
      databricksClientSecret: undefined,
      timeoutMinutes: undefined,
      profile: 'test',
      preview: 'pr-7',
      select: 'clean+',
      stale: '7d',
      to: 'acceptance',
      sha: HEAD,
      dryRun: true,
      failFast: true,
      parallelism: 3,
      allowPullRequestTarget: false
    })
  })

  it('gives the flags false and leaves out what was not given', () => {
    const settings = settingsOf({})
    expect([settings.command, settings.dryRun, settings.failFast]).toEqual([
      'run',
      false,
      false
    ])
    expect(
      [
        'profile',
        'preview',
        'select',
        'stale',
        'to',
        'sha',
        'parallelism'
      ].filter((name) => name in settings)
    ).toEqual([])
  })

  it.each([
    [
      { parallelism: 'ten' },
      'input "parallelism" must be a positive whole number, got "ten".'
    ],
    [
      { 'fail-fast': 'yes' },
      'input "fail-fast" must be one of true, True, TRUE, false, False, FALSE, got "yes".'
    ],
    [
      { command: 'explain' },
      'input "command" must be one of validate, plan, deploy, run, lineage, cleanup, promote, got "explain".'
    ]
  ])('refuses %j, naming the input', (inputs, message) => {
    expect(() => settingsOf(inputs)).toThrow(new UsageError(message))
  })
})

describe('planActionRequest', () => {
  it('gives run on a push its options, the changed steps and the lineage', () => {
    expect(
      requestOf(
        {
          command: 'run',
          profile: 'test',
          select: 'clean+',
          'changed-only': 'true',
          'fail-fast': 'true',
          parallelism: '2',
          // cleanup's and promote's inputs are not run's.
          stale: '7d',
          to: 'acceptance'
        },
        push
      )
    ).toEqual({
      command: 'run',
      cwd: CHECKOUT,
      profile: 'test',
      select: 'clean+',
      changedSince: BASE,
      failFast: true,
      parallelism: 2,
      base: BASE,
      lineage: true
    })
  })

  it('never narrows a deploy: select and changed-only would remove the other notebooks', () => {
    const request = requestOf(
      {
        command: 'deploy',
        profile: 'test',
        select: 'clean',
        'changed-only': 'true'
      },
      pullRequest
    )
    expect(request).toEqual({
      command: 'deploy',
      cwd: CHECKOUT,
      profile: 'test',
      preview: 'pr-7'
    })
    expect(buildRequest(request)).toEqual(request)
  })

  it('gives promote its target, sha and dry-run, and no profile', () => {
    expect(
      requestOf(
        {
          command: 'promote',
          profile: 'test',
          to: 'production',
          sha: HEAD,
          'dry-run': 'true',
          manifest: 'dtflw.yaml'
        },
        push
      )
    ).toEqual({
      command: 'promote',
      cwd: CHECKOUT,
      manifest: 'dtflw.yaml',
      to: 'production',
      sha: HEAD,
      dryRun: true
    })
  })

  it("turns a fork's run into a plan that keeps the selection", () => {
    const fork: GitHubContext = {
      ...pullRequest,
      pullRequest: { ...pullRequest.pullRequest!, fromFork: true }
    }
    expect(
      requestOf(
        {
          command: 'run',
          profile: 'test',
          'changed-only': 'true',
          'fail-fast': 'true'
        },
        fork
      )
    ).toEqual({
      command: 'plan',
      cwd: CHECKOUT,
      profile: 'test',
      changedSince: BASE,
      base: BASE,
      lineage: true
    })
  })

  it('shows lineage against the base without narrowing it', () => {
    expect(
      requestOf(
        { command: 'lineage', profile: 'test', 'changed-only': 'true' },
        pullRequest
      )
    ).toEqual({
      command: 'lineage',
      cwd: CHECKOUT,
      profile: 'test',
      base: BASE,
      lineage: true
    })
  })

  it('leaves the checks to buildRequest, which the summary then shows', () => {
    // A cleanup off a pull request, given neither preview nor stale.
    const request = requestOf({ command: 'cleanup', profile: 'test' }, push)
    expect(request).toEqual({
      command: 'cleanup',
      cwd: CHECKOUT,
      profile: 'test'
    })
    expect(() => buildRequest(request)).toThrow(
      'dtflw cleanup needs either --preview NAME (one preview) or --stale AGE (every preview older than AGE, e.g. 7d).'
    )
    // On the pull request, its own preview.
    expect(
      buildRequest(
        requestOf({ command: 'cleanup', profile: 'test' }, pullRequest)
      )
    ).toEqual({
      command: 'cleanup',
      cwd: CHECKOUT,
      profile: 'test',
      preview: 'pr-7'
    })
  })
})
