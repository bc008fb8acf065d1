import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  symlink,
  writeFile
} from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { parseFileCommand } from '../../action/support.js'
import { condition, evaluate, interpolate, toText } from './expression.js'
import type { ExpressionScope, Value } from './expression.js'

/**
 * Runs a workflow file as GitHub's runner would, far enough for the
 * workflows `npm init dtflw-pipeline` writes to be tested as written: jobs
 * in `needs:` order with their `if:`, `env:`, `permissions:` and
 * `environment:`; `run:` steps in bash; `actions/checkout` (a real fetch
 * of the commit from the origin repository), `actions/setup-node` and
 * `actions/setup-python`; and a JavaScript action (dtflw's) from its
 * `action.yml`: every `with:` checked against the declared inputs, the
 * defaults filled in, `INPUT_*`, main, then post after the job (also when
 * it was cancelled), state passed from main to post, outputs to `steps`.
 */

/** The world a workflow runs against. */
export interface RunnerWorld {
  /** The origin repository (bare), as a path. */
  readonly origin: string
  /** `owner/name`. */
  readonly repository: string
  /** A checkout of the JavaScript action each `uses:` names. */
  readonly actions: Readonly<Record<string, string>>
  readonly githubApiUrl: string
  readonly githubServerUrl: string
  /** The job token GitHub gives: a writable one or a read-only one. */
  readonly tokens: { readonly write: string; readonly read: string }
  /** Repository secrets, and those of each environment. */
  readonly secrets: {
    readonly repository: Readonly<Record<string, string>>
    readonly environments: Readonly<
      Record<string, Readonly<Record<string, string>>>
    >
  }
  /** Where a job with `id-token: write` asks for its OIDC token. */
  readonly idToken?: { readonly url: string; readonly token: string }
  /** Variables every job starts with (PATH, npm's registry settings, …). */
  readonly env: Readonly<Record<string, string>>
  /**
   * Where `npm ci` keeps the `node_modules` it installed, by the hash of
   * `package-lock.json`: a later `npm ci` of the same lock restores them
   * (hard links) instead of installing again, as a runner's dependency
   * cache would. Undefined: every `npm ci` installs.
   */
  readonly npmCiCache?: string
}

/** What started the workflow. */
export interface Trigger {
  readonly eventName: string
  readonly payload: Record<string, unknown>
  /** `GITHUB_SHA` and `GITHUB_REF`. */
  readonly sha: string
  readonly ref: string
  readonly actor?: string
  /** A fork's or Dependabot's run: no secrets, a read-only token. */
  readonly untrusted?: boolean
}

/** One step as it ran. */
export interface StepResult {
  readonly name: string
  readonly outcome: 'success' | 'failure' | 'skipped' | 'cancelled'
  readonly exitCode?: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Readonly<Record<string, string>>
  /** `::error`/`::warning`/`::notice` lines it printed. */
  readonly annotations: readonly string[]
  readonly summary: string
  readonly durationMs: number
}

/** One job as it ran. */
export interface JobResult {
  readonly id: string
  readonly result: 'success' | 'failure' | 'skipped' | 'cancelled'
  readonly steps: readonly StepResult[]
  /** The runner's warnings about the workflow (unknown inputs, …). */
  readonly warnings: readonly string[]
  /** The job's workspace (`GITHUB_WORKSPACE`). */
  readonly workspace?: string
}

/** A workflow run under way; `cancel()` is the "Cancel workflow" button. */
export interface WorkflowRun {
  readonly done: Promise<readonly JobResult[]>
  /** SIGINT to the running step, SIGTERM after 7.5 s, then post steps. */
  cancel(): void
  /** Called as each step starts, with its process when it has one. */
  onStep?: (job: string, step: string, child?: ChildProcess) => void
}

interface StepDef {
  readonly id?: string
  readonly name?: string
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, unknown>
  readonly env?: Record<string, unknown>
  readonly if?: string | boolean
  readonly 'continue-on-error'?: boolean
  readonly shell?: string
}

interface JobDef {
  readonly name?: string
  readonly needs?: string | string[]
  readonly if?: string | boolean
  readonly env?: Record<string, unknown>
  readonly permissions?: Record<string, string> | string
  readonly environment?: string | { name: string }
  readonly steps: StepDef[]
  readonly 'timeout-minutes'?: number
}

interface WorkflowDef {
  readonly name?: string
  readonly on: unknown
  readonly env?: Record<string, unknown>
  readonly jobs: Record<string, JobDef>
}

/** How long a cancelled step has before SIGTERM, as the runner waits. */
const CANCEL_GRACE_MS = 7500

let runIds = 9_000_000

/** Starts a workflow run of `file` for `trigger`. */
export function startWorkflow(
  file: string,
  trigger: Trigger,
  world: RunnerWorld
): WorkflowRun {
  const workflow = parse(readFileSync(file, 'utf8')) as WorkflowDef
  const runId = String(++runIds)
  let cancelled = false
  let current: ChildProcess | undefined
  let killTimer: NodeJS.Timeout | undefined
  const run: WorkflowRun = {
    done: Promise.resolve([]),
    cancel() {
      if (cancelled) return
      cancelled = true
      const child = current
      if (child && child.exitCode === null) {
        child.kill('SIGINT')
        killTimer = setTimeout(() => {
          if (child.exitCode === null) child.kill('SIGTERM')
        }, CANCEL_GRACE_MS)
      }
    }
  }
  const exec = (
    job: string,
    step: string,
    command: string,
    args: string[],
    options: { cwd: string; env: Record<string, string> }
  ) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve, reject) => {
        const child = spawn(command, args, {
          cwd: options.cwd,
          env: options.env,
          stdio: ['ignore', 'pipe', 'pipe']
        })
        current = child
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (d) => (stdout += d))
        child.stderr.on('data', (d) => (stderr += d))
        child.on('error', reject)
        child.on('close', (code, signal) => {
          if (current === child) current = undefined
          if (killTimer) clearTimeout(killTimer)
          resolve({ code: code ?? (signal ? 128 + 2 : null), stdout, stderr })
        })
        run.onStep?.(job, step, child)
      }
    )

  const runJobs = async (): Promise<JobResult[]> => {
    const results = new Map<string, JobResult>()
    const order = jobOrder(workflow.jobs)
    for (const id of order) {
      const def = workflow.jobs[id]
      const needs = [def.needs ?? []].flat()
      const needsContext: Record<string, Value> = {}
      for (const need of needs) {
        needsContext[need] = {
          result: results.get(need)?.result ?? 'skipped',
          outputs: {}
        }
      }
      const needsOk = needs.every((n) => results.get(n)?.result === 'success')
      const scope = (extra: Record<string, Value> = {}): ExpressionScope => ({
        contexts: {
          github: githubContext(),
          needs: needsContext,
          inputs: inputsOf(workflow, trigger),
          vars: {},
          ...extra
        },
        status: {
          success: needsOk && !cancelled,
          failure: needs.some((n) => results.get(n)?.result === 'failure'),
          cancelled
        },
        hashFiles: () => ''
      })
      if (cancelled || !condition(def.if, scope())) {
        results.set(id, {
          id,
          result: cancelled ? 'cancelled' : 'skipped',
          steps: [],
          warnings: []
        })
        continue
      }
      results.set(id, await runJob(id, def))
    }
    return [...results.values()]
  }

  const githubContext = (extra: Record<string, Value> = {}): Value => ({
    event_name: trigger.eventName,
    event: trigger.payload as Value,
    sha: trigger.sha,
    ref: trigger.ref,
    ref_name: trigger.ref.replace(/^refs\/(heads|tags)\//, ''),
    repository: world.repository,
    repository_owner: world.repository.split('/')[0],
    actor: trigger.actor ?? 'octocat',
    run_id: runId,
    run_attempt: '1',
    server_url: world.githubServerUrl,
    api_url: world.githubApiUrl,
    workflow: workflow.name ?? path.basename(file),
    head_ref: headRef(trigger),
    base_ref: baseRef(trigger),
    ...extra
  })

  const runJob = async (id: string, def: JobDef): Promise<JobResult> => {
    const home = await mkdtemp(path.join(os.tmpdir(), `runner-${id}-`))
    const workspace = path.join(home, 'work', path.basename(world.repository))
    await mkdir(workspace, { recursive: true })
    const temp = path.join(home, 'temp')
    const tools = path.join(home, 'tools')
    await mkdir(temp)
    await mkdir(tools)
    const environment =
      typeof def.environment === 'string'
        ? def.environment
        : def.environment?.name
    const permissions = permissionsOf(def.permissions)
    const writes = Object.values(permissions).includes('write')
    const token =
      trigger.untrusted || !writes ? world.tokens.read : world.tokens.write
    const secrets: Record<string, string> = trigger.untrusted
      ? {}
      : {
          ...world.secrets.repository,
          ...(environment ? world.secrets.environments[environment] : {})
        }
    secrets.GITHUB_TOKEN = token
    const github = githubContext({ token, job: id, workspace })
    const eventPath = path.join(home, 'event.json')
    await writeFile(eventPath, JSON.stringify(trigger.payload))
    let jobEnv: Record<string, string> = {
      ...world.env,
      HOME: home,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: trigger.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: trigger.sha,
      GITHUB_REF: trigger.ref,
      GITHUB_REF_NAME: toText((github as Record<string, Value>).ref_name ?? ''),
      GITHUB_HEAD_REF: headRef(trigger),
      GITHUB_BASE_REF: baseRef(trigger),
      GITHUB_REPOSITORY: world.repository,
      GITHUB_REPOSITORY_OWNER: world.repository.split('/')[0],
      GITHUB_API_URL: world.githubApiUrl,
      GITHUB_SERVER_URL: world.githubServerUrl,
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_RUN_NUMBER: '1',
      GITHUB_ACTOR: trigger.actor ?? 'octocat',
      GITHUB_JOB: id,
      GITHUB_WORKFLOW: workflow.name ?? path.basename(file),
      RUNNER_TEMP: temp,
      RUNNER_OS: 'Linux',
      ...(permissions['id-token'] === 'write' && world.idToken
        ? {
            ACTIONS_ID_TOKEN_REQUEST_URL: world.idToken.url,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: world.idToken.token
          }
        : {})
    }
    const steps: StepResult[] = []
    const stepsContext: Record<string, Value> = {}
    const posts: (() => Promise<void>)[] = []
    const warnings: string[] = []
    let failed = false
    const scope = (extraEnv: Record<string, string> = {}): ExpressionScope => ({
      contexts: {
        github,
        env: { ...jobEnv, ...extraEnv },
        secrets,
        steps: stepsContext,
        inputs: inputsOf(workflow, trigger),
        runner: { temp, os: 'Linux', arch: 'X64' },
        job: { status: failed ? 'failure' : 'success' },
        vars: {}
      },
      status: { success: !failed && !cancelled, failure: failed, cancelled },
      hashFiles: (patterns) => hashFiles(workspace, patterns)
    })
    const envOf = (values: Record<string, unknown> | undefined) =>
      Object.fromEntries(
        Object.entries(values ?? {}).map(([k, v]) => [
          k,
          interpolate(String(v), scope())
        ])
      )
    jobEnv = { ...jobEnv, ...envOf(workflow.env), ...envOf(def.env) }

    for (const [index, step] of def.steps.entries()) {
      const name = step.name ?? step.uses ?? step.run ?? `step ${index + 1}`
      const started = Date.now()
      if (!condition(step.if, scope())) {
        steps.push(skipped(name, cancelled ? 'cancelled' : 'skipped'))
        if (step.id) stepsContext[step.id] = { outputs: {}, outcome: 'skipped' }
        continue
      }
      const stepEnv = { ...jobEnv, ...envOf(step.env) }
      const files = await stepFiles(temp, index)
      const fileEnv = {
        GITHUB_OUTPUT: files.output,
        GITHUB_STATE: files.state,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_ENV: files.env,
        GITHUB_PATH: files.path
      }
      let exec_: { code: number | null; stdout: string; stderr: string }
      const restored =
        step.run?.trim() === 'npm ci' && world.npmCiCache
          ? await restoreNodeModules(world.npmCiCache, workspace)
          : undefined
      if (restored) {
        exec_ = restored
      } else if (step.run !== undefined) {
        const script = path.join(temp, `step-${index}.sh`)
        await writeFile(script, interpolate(step.run, scope(stepEnv)))
        exec_ = await exec(
          id,
          name,
          'bash',
          ['--noprofile', '--norc', '-eo', 'pipefail', script],
          {
            cwd: workspace,
            env: { ...stepEnv, ...fileEnv }
          }
        )
      } else if (step.uses?.startsWith('actions/checkout@')) {
        exec_ = await checkout(workspace, step, scope(stepEnv), trigger, world)
      } else if (step.uses?.startsWith('actions/setup-node@')) {
        exec_ = await setupNode(workspace, step, tools)
        jobEnv.PATH = `${path.dirname(process.execPath)}${path.delimiter}${jobEnv.PATH}`
      } else if (step.uses?.startsWith('actions/setup-python@')) {
        exec_ = await setupPython(tools)
        jobEnv.PATH = `${tools}${path.delimiter}${jobEnv.PATH}`
      } else if (step.uses && world.actions[step.uses.split('@')[0]]) {
        const action = world.actions[step.uses.split('@')[0]]
        const meta = parse(
          await readFile(path.join(action, 'action.yml'), 'utf8')
        ) as {
          inputs?: Record<string, { default?: string }>
          runs: {
            using: string
            main: string
            post?: string
            'post-if'?: string
          }
        }
        const declared = meta.inputs ?? {}
        const given = Object.fromEntries(
          Object.entries(step.with ?? {}).map(([k, v]) => [
            k,
            interpolate(String(v), scope(stepEnv))
          ])
        )
        for (const key of Object.keys(given)) {
          if (!(key in declared))
            warnings.push(
              `Unexpected input(s) '${key}', valid inputs are [${Object.keys(declared).join(', ')}]`
            )
        }
        const inputs: Record<string, string> = {}
        for (const [key, spec] of Object.entries(declared)) {
          const value =
            given[key] ??
            (spec.default !== undefined
              ? interpolate(String(spec.default), scope(stepEnv))
              : undefined)
          if (value !== undefined)
            inputs[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value
        }
        const actionEnv = {
          ...stepEnv,
          ...fileEnv,
          ...inputs,
          GITHUB_ACTION_PATH: action,
          GITHUB_ACTION: step.id ?? `__${index}`
        }
        exec_ = await exec(
          id,
          name,
          process.execPath,
          [path.join(action, meta.runs.main)],
          {
            cwd: workspace,
            env: actionEnv
          }
        )
        const state = parseFileCommand(await readFile(files.state, 'utf8'))
        if (meta.runs.post) {
          const postIf = meta.runs['post-if'] ?? 'always()'
          const postFiles = await stepFiles(temp, `post-${index}`)
          posts.unshift(async () => {
            const postName = `Post ${name}`
            if (!condition(postIf, scope())) {
              steps.push(skipped(postName, 'skipped'))
              return
            }
            const postStarted = Date.now()
            const result = await exec(
              id,
              postName,
              process.execPath,
              [path.join(action, meta.runs.post!)],
              {
                cwd: workspace,
                env: {
                  ...actionEnv,
                  GITHUB_OUTPUT: postFiles.output,
                  GITHUB_STATE: postFiles.state,
                  GITHUB_STEP_SUMMARY: postFiles.summary,
                  ...Object.fromEntries(
                    Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])
                  )
                }
              }
            )
            steps.push(
              await stepResult(postName, result, postFiles, postStarted)
            )
          })
        }
      } else {
        throw new Error(
          `the runner stand-in cannot run "${step.uses}"; add it to the world's actions`
        )
      }
      if (
        !restored &&
        step.run?.trim() === 'npm ci' &&
        world.npmCiCache &&
        exec_.code === 0
      )
        await keepNodeModules(world.npmCiCache, workspace)
      const result = await stepResult(name, exec_, files, started, cancelled)
      steps.push(result)
      // File commands: GITHUB_ENV and GITHUB_PATH reach later steps.
      Object.assign(jobEnv, parseEnvFile(await readFile(files.env, 'utf8')))
      const added = (await readFile(files.path, 'utf8'))
        .split('\n')
        .filter(Boolean)
      if (added.length > 0)
        jobEnv.PATH = [...added.reverse(), jobEnv.PATH].join(path.delimiter)
      if (step.id)
        stepsContext[step.id] = {
          outputs: result.outputs,
          outcome: result.outcome,
          conclusion: result.outcome
        }
      if (result.outcome !== 'success' && !step['continue-on-error'])
        failed = true
    }
    for (const post of posts) await post()
    return {
      id,
      result: cancelled ? 'cancelled' : failed ? 'failure' : 'success',
      steps,
      warnings,
      workspace
    }
  }

  ;(run as { done: Promise<readonly JobResult[]> }).done = runJobs()
  return run
}

async function lockKey(workspace: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path.join(workspace, 'package-lock.json')))
    .digest('hex')
    .slice(0, 16)
}

async function restoreNodeModules(cache: string, workspace: string) {
  const kept = path.join(cache, await lockKey(workspace), 'node_modules')
  if (!existsSync(kept)) return undefined
  const result = await new Promise<number | null>((resolve) => {
    const child = spawn('cp', [
      '-al',
      kept,
      path.join(workspace, 'node_modules')
    ])
    child.on('close', resolve)
  })
  return {
    code: result,
    stdout: 'node_modules restored from the cache of this package-lock.json\n',
    stderr: ''
  }
}

async function keepNodeModules(cache: string, workspace: string) {
  const target = path.join(cache, await lockKey(workspace))
  if (existsSync(target)) return
  await mkdir(target, { recursive: true })
  await new Promise((resolve) => {
    const child = spawn('cp', [
      '-al',
      path.join(workspace, 'node_modules'),
      target
    ])
    child.on('close', resolve)
  })
}

/** Runs a workflow to its end. */
export function runWorkflow(
  file: string,
  trigger: Trigger,
  world: RunnerWorld
): Promise<readonly JobResult[]> {
  return startWorkflow(file, trigger, world).done
}

function skipped(name: string, outcome: 'skipped' | 'cancelled'): StepResult {
  return {
    name,
    outcome,
    stdout: '',
    stderr: '',
    outputs: {},
    annotations: [],
    summary: '',
    durationMs: 0
  }
}

async function stepFiles(temp: string, key: number | string) {
  const dir = path.join(temp, `_step-${key}`)
  await mkdir(dir, { recursive: true })
  const files = {
    output: path.join(dir, 'output'),
    state: path.join(dir, 'state'),
    summary: path.join(dir, 'summary'),
    env: path.join(dir, 'env'),
    path: path.join(dir, 'path')
  }
  for (const f of Object.values(files)) await writeFile(f, '')
  return files
}

async function stepResult(
  name: string,
  exec: { code: number | null; stdout: string; stderr: string },
  files: { output: string; summary: string },
  started: number,
  cancelled = false
): Promise<StepResult> {
  const annotations = exec.stdout
    .split('\n')
    .filter((l) => /^::(error|warning|notice)\b/.test(l))
  return {
    name,
    outcome: exec.code === 0 ? 'success' : cancelled ? 'cancelled' : 'failure',
    exitCode: exec.code,
    stdout: exec.stdout,
    stderr: exec.stderr,
    outputs: parseFileCommand(await readFile(files.output, 'utf8')),
    annotations,
    summary: await readFile(files.summary, 'utf8'),
    durationMs: Date.now() - started
  }
}

/** `NAME=value` and `NAME<<EOF … EOF` lines of GITHUB_ENV. */
function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = parseFileCommand(text)
  for (const line of text.split('\n')) {
    const simple = /^([^=<]+)=(.*)$/.exec(line)
    if (simple) out[simple[1]] = simple[2]
  }
  return out
}

/** Jobs in an order that runs each after its `needs:`. */
function jobOrder(jobs: Record<string, JobDef>): string[] {
  const order: string[] = []
  const visit = (id: string, path: string[]) => {
    if (order.includes(id)) return
    if (path.includes(id))
      throw new Error(`needs cycle: ${[...path, id].join(' → ')}`)
    if (!(id in jobs))
      throw new Error(`job ${path.at(-1)} needs unknown job ${id}`)
    for (const need of [jobs[id].needs ?? []].flat()) visit(need, [...path, id])
    order.push(id)
  }
  for (const id of Object.keys(jobs)) visit(id, [])
  return order
}

function permissionsOf(
  permissions: JobDef['permissions']
): Record<string, string> {
  if (permissions === undefined) return {}
  if (typeof permissions === 'string')
    return permissions === 'write-all'
      ? {
          contents: 'write',
          'pull-requests': 'write',
          deployments: 'write',
          'id-token': 'write'
        }
      : {}
  return permissions
}

function inputsOf(workflow: WorkflowDef, trigger: Trigger): Value {
  const declared =
    (
      workflow.on as {
        workflow_dispatch?: { inputs?: Record<string, { default?: unknown }> }
      }
    )?.workflow_dispatch?.inputs ?? {}
  const given = (trigger.payload.inputs ?? {}) as Record<string, unknown>
  const out: Record<string, Value> = {}
  for (const [key, spec] of Object.entries(declared))
    out[key] = (given[key] ?? spec.default ?? '') as Value
  return out
}

function headRef(trigger: Trigger): string {
  const pr = trigger.payload.pull_request as
    { head?: { ref?: string } } | undefined
  return pr?.head?.ref ?? ''
}

function baseRef(trigger: Trigger): string {
  const pr = trigger.payload.pull_request as
    { base?: { ref?: string } } | undefined
  return pr?.base?.ref ?? ''
}

function hashFiles(workspace: string, patterns: readonly string[]): string {
  const hash = createHash('sha256')
  let any = false
  for (const pattern of patterns) {
    if (/[*?[]/.test(pattern))
      throw new Error(
        `the runner stand-in hashes exact paths only, got ${pattern}`
      )
    const file = path.join(workspace, pattern)
    if (existsSync(file)) {
      hash.update(createHash('sha256').update(readFileSync(file)).digest())
      any = true
    }
  }
  return any ? hash.digest('hex') : ''
}

function git(
  cwd: string,
  args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * actions/checkout: the commit (`with.ref`, else `GITHUB_SHA`) fetched
 * from the origin at `fetch-depth` (default 1; 0 is every branch and the
 * whole history), checked out detached, as the action leaves it.
 */
async function checkout(
  workspace: string,
  step: StepDef,
  scope: ExpressionScope,
  trigger: Trigger,
  world: RunnerWorld
) {
  const ref = step.with?.ref
    ? interpolate(String(step.with.ref), scope)
    : trigger.sha
  const depth = Number(step.with?.['fetch-depth'] ?? 1)
  const origin = `file://${world.origin}`
  const log: string[] = []
  const steps: string[][] = [
    ['init', '-q'],
    ['remote', 'add', 'origin', origin],
    depth === 0
      ? [
          'fetch',
          '-q',
          '--no-tags',
          'origin',
          '+refs/heads/*:refs/remotes/origin/*',
          `+${ref}:refs/remotes/origin/checked-out`
        ]
      : [
          'fetch',
          '-q',
          '--no-tags',
          `--depth=${depth}`,
          'origin',
          `+${ref}:refs/remotes/origin/checked-out`
        ],
    ['checkout', '-q', '--detach', 'refs/remotes/origin/checked-out']
  ]
  for (const args of steps) {
    const result = await git(workspace, args)
    log.push(result.stdout, result.stderr)
    if (result.code !== 0)
      return {
        code: result.code,
        stdout: log.join(''),
        stderr: `git ${args.join(' ')} failed`
      }
  }
  return { code: 0, stdout: log.join(''), stderr: '' }
}

/**
 * actions/setup-node: the Node the file or input names must be one this
 * stand-in has (the Node running the tests, 24).
 */
async function setupNode(workspace: string, step: StepDef, tools: string) {
  void tools
  const file = step.with?.['node-version-file']
  const wanted = file
    ? (await readFile(path.join(workspace, String(file)), 'utf8')).trim()
    : String(step.with?.['node-version'] ?? '')
  const major = wanted.replace(/^v/, '').split('.')[0]
  const ours = process.versions.node.split('.')[0]
  if (major !== ours)
    return {
      code: 1,
      stdout: '',
      stderr: `the runner stand-in has Node ${ours}, the workflow asks for ${wanted}`
    }
  return { code: 0, stdout: `Node ${process.version}\n`, stderr: '' }
}

/** actions/setup-python: `python` and `pip` on the PATH, as python3. */
async function setupPython(tools: string) {
  for (const name of ['python', 'pip']) {
    const shim = path.join(tools, name)
    if (!existsSync(shim)) {
      await writeFile(
        shim,
        name === 'python'
          ? '#!/bin/sh\nexec python3 "$@"\n'
          : '#!/bin/sh\nexec python3 -m pip "$@"\n'
      )
      await chmod(shim, 0o755)
    }
  }
  void symlink
  return { code: 0, stdout: '', stderr: '' }
}

/** The value of one expression, for tests of the evaluator. */
export function evaluateIn(text: string, scope: ExpressionScope): Value {
  return evaluate(text, scope)
}
