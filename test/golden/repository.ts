import { appendFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { webhookExample } from '../action/support.js'
import { git } from '../support/git.js'

/**
 * The GitHub side of a pipeline repository for the golden path: a bare
 * origin a runner fetches from, the developer's clone that pushes to it,
 * pull requests with GitHub's merge refs, and the webhook payloads
 * (`@octokit/webhooks-examples`, rewritten for this repository) of each
 * event the workflows react to.
 */
export interface Origin {
  /** The bare repository. */
  readonly bare: string
  /** `owner/name`. */
  readonly fullName: string
  /** The developer's clone (the scaffolded folder). */
  readonly clone: string
  /** Git in the clone. */
  git(...args: string[]): string
  /** The sha of a ref in the clone. */
  sha(ref: string): string
  /** Appends a line to a file and commits it on the current branch. */
  change(file: string, line: string, message: string): Promise<string>
  /** Commits on `branch` and pushes it. */
  push(branch: string): string
  /**
   * GitHub's test merge of a pull request: the head merged into the base,
   * published as `refs/pull/<n>/merge`; returns its sha.
   */
  mergeRef(number: number, head: string, base: string): string
}

const run = (cwd: string, args: string[]): string => git(cwd, ...args)

/** Makes `clone` a repository on `main` pushed to a new bare origin. */
export function createOrigin(
  clone: string,
  bare: string,
  fullName: string
): Origin {
  run(path.dirname(bare), ['init', '-q', '--bare', '-b', 'main', bare])
  // actions/checkout fetches one commit by its sha.
  run(bare, ['config', 'uploadpack.allowAnySHA1InWant', 'true'])
  run(clone, ['init', '-q', '-b', 'main'])
  run(clone, ['add', '-A'])
  run(clone, ['commit', '-q', '-m', 'Created with npm init dtflw-pipeline'])
  run(clone, ['remote', 'add', 'origin', bare])
  run(clone, ['push', '-q', 'origin', 'main'])
  const origin: Origin = {
    bare,
    fullName,
    clone,
    git: (...args) => run(clone, args),
    sha: (ref) => run(clone, ['rev-parse', ref]),
    async change(file, line, message) {
      await appendFile(path.join(clone, file), `${line}\n`)
      run(clone, ['add', '-A'])
      run(clone, ['commit', '-q', '-m', message])
      return run(clone, ['rev-parse', 'HEAD'])
    },
    push(branch) {
      run(clone, ['push', '-q', '--force', 'origin', branch])
      return run(clone, ['rev-parse', branch])
    },
    mergeRef(number, head, base) {
      const current = run(clone, ['rev-parse', '--abbrev-ref', 'HEAD'])
      run(clone, ['checkout', '-q', '--detach', base])
      run(clone, ['merge', '-q', '--no-ff', '--no-edit', head])
      const sha = run(clone, ['rev-parse', 'HEAD'])
      run(clone, [
        'push',
        '-q',
        '--force',
        'origin',
        `HEAD:refs/pull/${number}/merge`
      ])
      run(clone, ['checkout', '-q', current])
      return sha
    }
  }
  return origin
}

/** Replaces a file's text in the clone. */
export async function editFile(
  origin: Origin,
  file: string,
  edit: (text: string) => string
): Promise<void> {
  const target = path.join(origin.clone, file)
  await writeFile(target, edit(await readFile(target, 'utf8')))
}

function repository(fullName: string): Record<string, unknown> {
  const [owner, name] = fullName.split('/')
  return {
    name,
    full_name: fullName,
    owner: { login: owner },
    html_url: `https://github.com/${fullName}`
  }
}

/** A `pull_request` payload: opened, synchronize or closed. */
export function pullRequestPayload(options: {
  origin: Origin
  number: number
  action: 'opened' | 'synchronize' | 'closed'
  head: string
  base: string
  branch: string
  merged?: boolean
  fork?: boolean
}): Record<string, unknown> {
  const event = webhookExample('pull_request', (e) =>
    ['opened', 'synchronize', 'closed'].includes(String(e.action))
  )
  const repo = repository(options.origin.fullName)
  const pr = event.pull_request as Record<string, unknown>
  Object.assign(event, {
    action: options.action,
    number: options.number,
    repository: { ...(event.repository as object), ...repo }
  })
  Object.assign(pr, {
    number: options.number,
    state: options.action === 'closed' ? 'closed' : 'open',
    merged: options.merged ?? false,
    head: {
      ...(pr.head as object),
      sha: options.head,
      ref: options.branch,
      repo: options.fork ? repository('stranger/fork') : repo
    },
    base: {
      ...(pr.base as object),
      sha: options.base,
      ref: 'main',
      repo
    }
  })
  return event
}

/** A `push` payload for a branch moved from `before` to `after`. */
export function pushPayload(options: {
  origin: Origin
  branch: string
  before: string
  after: string
}): Record<string, unknown> {
  const event = webhookExample('push')
  return {
    ...event,
    ref: `refs/heads/${options.branch}`,
    before: options.before,
    after: options.after,
    repository: {
      ...(event.repository as object),
      ...repository(options.origin.fullName)
    },
    head_commit: { ...(event.head_commit as object), id: options.after }
  }
}

/** A `workflow_dispatch` payload with its inputs. */
export function dispatchPayload(options: {
  origin: Origin
  branch: string
  inputs: Record<string, string>
}): Record<string, unknown> {
  const event = webhookExample('workflow_dispatch')
  return {
    ...event,
    ref: `refs/heads/${options.branch}`,
    inputs: options.inputs,
    repository: {
      ...(event.repository as object),
      ...repository(options.origin.fullName)
    }
  }
}
