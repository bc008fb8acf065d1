import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from '../support/cli.js'

/**
 * A checkout of the Action as a runner makes it: action.yml and dist/,
 * nothing installed beside them.
 */
export async function actionCheckout(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-action-'))
  await cp(path.join(repoRoot, 'dist'), path.join(dir, 'dist'), {
    recursive: true
  })
  await cp(path.join(repoRoot, 'action.yml'), path.join(dir, 'action.yml'))
  return dir
}

/** A real webhook payload from @octokit/webhooks-examples. */
export function webhookExample(
  event: string,
  pick: (example: Record<string, unknown>) => boolean = () => true
): Record<string, unknown> {
  const require = createRequire(import.meta.url)
  const all =
    require('@octokit/webhooks-examples/api.github.com/index.json') as {
      name: string
      examples: Record<string, unknown>[]
    }[]
  const found = all.find((e) => e.name === event)?.examples.find(pick)
  if (!found) throw new Error(`no ${event} example`)
  return structuredClone(found)
}

/** A pull_request payload for our repository, its base and head commits. */
export function pullRequestEvent(options: {
  number: number
  baseSha: string
  headSha: string
  fork?: boolean
  action?: string
}): Record<string, unknown> {
  const event = webhookExample(
    'pull_request',
    (e) => e.action === (options.action ?? 'opened')
  ) as {
    number: number
    pull_request: {
      number: number
      base: { sha: string; ref: string; repo: { full_name: string } }
      head: { sha: string; repo: { full_name: string } }
    }
  }
  event.number = options.number
  event.pull_request.number = options.number
  event.pull_request.base.sha = options.baseSha
  event.pull_request.base.ref = 'main'
  event.pull_request.base.repo.full_name = 'shop/sales'
  event.pull_request.head.sha = options.headSha
  event.pull_request.head.repo.full_name = options.fork
    ? 'stranger/sales'
    : 'shop/sales'
  return event as unknown as Record<string, unknown>
}

export { git } from '../support/git.js'

/** What one step of the Action printed and left in the runner's files. */
export interface StepRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly state: Record<string, string>
  readonly summary: string
}

/** The files a runner gives a step, in one folder per job. */
export interface RunnerFiles {
  readonly dir: string
  readonly env: Record<string, string>
}

/** A job's runner files: event payload, outputs, state and summary files. */
export async function runnerFiles(
  event: Record<string, unknown>,
  eventName: string
): Promise<RunnerFiles> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-runner-'))
  await mkdir(path.join(dir, 'temp'))
  const eventPath = path.join(dir, 'event.json')
  await writeFile(eventPath, JSON.stringify(event))
  for (const file of ['output', 'state', 'summary']) {
    await writeFile(path.join(dir, file), '')
  }
  return {
    dir,
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STATE: path.join(dir, 'state'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
      RUNNER_TEMP: path.join(dir, 'temp'),
      GITHUB_REPOSITORY: 'shop/sales',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_ACTOR: 'octocat'
    }
  }
}

/** `name<<delimiter\nvalue\ndelimiter` entries of a runner file command. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!heredoc) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) {
      value.push(lines[i])
    }
    out[heredoc[1]] = value.join('\n')
  }
  return out
}

/**
 * Runs `node dist/action/<entry>.js` as a runner does: in the workspace,
 * with `INPUT_*` variables, the runner files, and nothing else.
 */
export function runActionStep(options: {
  checkout: string
  entry: 'index' | 'post'
  workspace: string
  runner: RunnerFiles
  inputs: Record<string, string>
  env: Record<string, string>
  onSpawn?: (child: ChildProcess) => void
}): Promise<StepRun> {
  const inputs = Object.fromEntries(
    Object.entries(options.inputs).map(([k, v]) => [
      `INPUT_${k.toUpperCase()}`,
      v
    ])
  )
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(options.checkout, 'dist/action', `${options.entry}.js`)],
      {
        cwd: options.workspace,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: options.runner.dir,
          GITHUB_WORKSPACE: options.workspace,
          ...options.runner.env,
          ...inputs,
          ...options.env
        },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', async (code) => {
      const read = (f: string) =>
        readFile(path.join(options.runner.dir, f), 'utf8')
      resolve({
        code,
        stdout,
        stderr,
        outputs: parseFileCommand(await read('output')),
        state: parseFileCommand(await read('state')),
        summary: await read('summary')
      })
    })
    options.onSpawn?.(child)
  })
}
