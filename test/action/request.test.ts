import { describe, expect, it } from '@jest/globals'
import type { GitHubContext } from '../../src/action/context.js'
import { readActionInputs } from '../../src/action/inputs.js'
import { planActionRequest } from '../../src/action/request.js'

const WORKSPACE = '/home/runner/work/sales/sales'
const BASE = 'b'.repeat(40)
const HEAD = 'h'.repeat(40)
const BEFORE = 'e'.repeat(40)

/** The Action's settings from `with:` inputs, as a runner passes them. */
const inputs = (withInputs: Record<string, string>) =>
  readActionInputs(
    Object.fromEntries([
      ['GITHUB_WORKSPACE', WORKSPACE],
      ...Object.entries(withInputs).map(([k, v]) => [
        `INPUT_${k.toUpperCase()}`,
        v
      ])
    ]),
    WORKSPACE
  )

const repository = {
  sha: HEAD,
  owner: 'shop',
  repo: 'sales',
  actor: 'octocat',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  runId: '1001',
  runAttempt: '1'
}

/** A pull request of shop/sales, from a branch of it or from a fork. */
function pullRequest(
  eventName: 'pull_request' | 'pull_request_target',
  options: { fork?: boolean; actor?: string } = {}
): GitHubContext {
  return {
    ...repository,
    eventName,
    ...(options.actor ? { actor: options.actor } : {}),
    pullRequest: {
      number: 42,
      baseSha: BASE,
      headSha: HEAD,
      baseRef: 'main',
      fromFork: options.fork === true
    }
  }
}

const push: GitHubContext = {
  ...repository,
  eventName: 'push',
  ref: 'refs/heads/main',
  before: BEFORE
}
const dispatch: GitHubContext = {
  ...repository,
  eventName: 'workflow_dispatch'
}

/** What a user sees of the decision: the command run, and what the run is told. */
function decided(plan: ReturnType<typeof planActionRequest>) {
  return {
    command: plan.request.command,
    skipped: plan.skipped,
    comment: plan.comment,
    preview: plan.request.preview,
    notes: plan.notes
  }
}

const PR_TARGET_NOTE = (command: string) =>
  `Skipped \`${command}\`: on pull_request_target the pull request's notebooks would run with this repository's secrets; set allow-pull-request-target: true to allow it.`

describe('planActionRequest on pull_request_target', () => {
  // pull_request_target runs with this repository's secrets and a write
  // token, and a workflow that checks out the pull request's head would
  // run a stranger's notebooks with them.
  // promote too: it deploys and runs what the workflow checked out.
  it.each(['run', 'deploy', 'promote'])(
    'does not %s the pull request’s notebooks: it plans and says why, from a fork or not',
    (command) => {
      for (const fork of [true, false]) {
        expect(
          decided(
            planActionRequest(
              inputs({ command, profile: 'test' }),
              pullRequest('pull_request_target', { fork })
            )
          )
        ).toEqual({
          command: 'plan',
          skipped: true,
          comment: true,
          preview: undefined,
          notes: [PR_TARGET_NOTE(command)]
        })
      }
    }
  )

  it('runs them when the workflow sets allow-pull-request-target: true, in the pull request’s preview', () => {
    for (const command of ['run', 'deploy']) {
      expect(
        decided(
          planActionRequest(
            inputs({
              command,
              profile: 'test',
              'allow-pull-request-target': 'true'
            }),
            pullRequest('pull_request_target', { fork: true })
          )
        )
      ).toEqual({
        command,
        skipped: false,
        comment: command === 'run',
        preview: 'pr-42',
        notes: []
      })
    }
  })

  it('still validates, plans, draws lineage and cleans up previews, which run no notebook', () => {
    for (const command of ['validate', 'plan', 'lineage', 'cleanup']) {
      const plan = planActionRequest(
        inputs({ command, profile: 'test' }),
        pullRequest('pull_request_target', { fork: true })
      )
      expect([command, plan.request.command, plan.skipped]).toEqual([
        command,
        command,
        false
      ])
    }
  })

  it('on pull_request the same inputs run: the refusal is for pull_request_target only', () => {
    expect(
      decided(
        planActionRequest(
          inputs({ command: 'run', profile: 'test' }),
          pullRequest('pull_request')
        )
      )
    ).toEqual({
      command: 'run',
      skipped: false,
      comment: true,
      preview: 'pr-42',
      notes: []
    })
  })
})

describe('planActionRequest', () => {
  it('on a pull request, runs in its preview, compares lineage with its base and keeps a comment', () => {
    const plan = planActionRequest(
      inputs({ command: 'run', profile: 'test', 'changed-only': 'true' }),
      pullRequest('pull_request')
    )
    expect(plan.request).toEqual({
      command: 'run',
      cwd: WORKSPACE,
      profile: 'test',
      preview: 'pr-42',
      changedSince: BASE,
      base: BASE,
      lineage: true
    })
    expect(plan.base).toBe(BASE)
  })

  it('on a pull request from a fork, plans instead of deploying or running, and comments nowhere', () => {
    for (const command of ['run', 'deploy', 'cleanup', 'promote']) {
      expect(
        decided(
          planActionRequest(
            inputs({ command, profile: 'test' }),
            pullRequest('pull_request', { fork: true })
          )
        )
      ).toEqual({
        command: 'plan',
        skipped: true,
        comment: false,
        preview: undefined,
        notes: [
          `Skipped \`${command}\`: pull requests from forks get no secrets, so nothing was deployed or run; this shows the plan and its lineage. A maintainer can run it by pushing the branch to this repository.`,
          'No pull-request comment: a fork gets a read-only token; the lineage is in the job summary.'
        ]
      })
    }
    // What needs no secret still runs; only the comment is left out.
    expect(
      decided(
        planActionRequest(
          inputs({ command: 'validate', comment: 'false' }),
          pullRequest('pull_request', { fork: true })
        )
      )
    ).toEqual({
      command: 'validate',
      skipped: false,
      comment: false,
      preview: undefined,
      notes: []
    })
  })

  it('plans Dependabot’s pull requests when no Databricks credentials reach them, and runs them when they do', () => {
    const dependabot = pullRequest('pull_request', { actor: 'dependabot[bot]' })
    const settings = inputs({ command: 'run', profile: 'test' })
    expect(
      decided(planActionRequest(settings, dependabot, { databricks: false }))
    ).toEqual({
      command: 'plan',
      skipped: true,
      comment: true,
      preview: undefined,
      notes: [
        "Skipped `run`: Dependabot's pull requests get only Dependabot secrets, and no Databricks credentials are among them; this shows the plan and its lineage. Add the Databricks secrets as Dependabot secrets to run them."
      ]
    })
    expect(
      planActionRequest(settings, dependabot, { databricks: true }).request
        .command
    ).toBe('run')
    // Someone else's pull request without credentials fails as it should.
    expect(
      planActionRequest(settings, pullRequest('pull_request'), {
        databricks: false
      }).request.command
    ).toBe('run')
  })

  it('on a push, deploys no preview and compares with the commit before the push', () => {
    const plan = planActionRequest(
      inputs({ command: 'run', profile: 'test', 'changed-only': 'true' }),
      push
    )
    expect(plan.request).toEqual(
      expect.objectContaining({ changedSince: BEFORE, base: BEFORE })
    )
    expect(plan.request.preview).toBeUndefined()
    expect(plan.comment).toBe(false)
  })

  it('says so when changed-only has nothing to compare with, and selects every step', () => {
    const plan = planActionRequest(
      inputs({ command: 'run', profile: 'test', 'changed-only': 'true' }),
      dispatch
    )
    expect(plan.notes).toEqual([
      'changed-only: this event has no base commit to compare with, so every step is selected.'
    ])
    expect(plan.request.changedSince).toBeUndefined()
  })

  it('keeps an explicit preview, and gives none to promote or to a cleanup of stale previews', () => {
    const pr = pullRequest('pull_request')
    const preview = (withInputs: Record<string, string>) =>
      planActionRequest(inputs({ profile: 'test', ...withInputs }), pr).request
        .preview
    expect(preview({ command: 'deploy', preview: 'demo' })).toBe('demo')
    expect(preview({ command: 'deploy' })).toBe('pr-42')
    expect(preview({ command: 'cleanup' })).toBe('pr-42')
    expect(preview({ command: 'cleanup', stale: '7d' })).toBeUndefined()
    expect(preview({ command: 'promote', to: 'acceptance' })).toBeUndefined()
  })

  it('comments the reports of validate, plan, run and lineage on pull requests, unless told not to', () => {
    const pr = pullRequest('pull_request')
    const comments = (command: string, extra: Record<string, string> = {}) =>
      planActionRequest(inputs({ command, profile: 'test', ...extra }), pr)
        .comment
    expect(
      ['validate', 'plan', 'run', 'lineage', 'deploy', 'cleanup'].map((c) => [
        c,
        comments(c)
      ])
    ).toEqual([
      ['validate', true],
      ['plan', true],
      ['run', true],
      ['lineage', true],
      ['deploy', false],
      ['cleanup', false]
    ])
    expect(comments('run', { comment: 'false' })).toBe(false)
    // Nowhere to comment without a pull request.
    expect(
      planActionRequest(
        inputs({ command: 'run', profile: 'test', comment: 'true' }),
        push
      ).comment
    ).toBe(false)
  })

  it('passes the lineage base to the commands that draw lineage, not to validate', () => {
    const pr = pullRequest('pull_request')
    const request = (command: string) =>
      planActionRequest(inputs({ command, profile: 'test' }), pr).request
    expect(
      ['validate', 'plan', 'run', 'lineage', 'deploy'].map((c) => [
        c,
        request(c).base,
        request(c).lineage
      ])
    ).toEqual([
      ['validate', undefined, undefined],
      ['plan', BASE, true],
      ['run', BASE, true],
      ['lineage', BASE, true],
      ['deploy', undefined, undefined]
    ])
  })
})
