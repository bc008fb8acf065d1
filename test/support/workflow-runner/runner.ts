import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { parseFileCommand } from '../../action/support.js'
import {
  checkout,
  hashFiles,
  keepNodeModules,
  restoreNodeModules,
  setupNode,
  setupPython
} from './builtins.js'
import type { Exec } from './builtins.js'
import { condition, interpolate, toText } from './expression.js'
import type { ExpressionScope, Value } from './expression.js'
import { planActionInputs, readActionMeta } from './javascript-action.js'
import { parseEnvFile, skipped, stepFiles, stepResult } from './step-files.js'
import type {
  JobDef,
  JobResult,
  RunnerWorld,
  StepResult,
  Trigger,
  WorkflowDef,
  WorkflowRun
} from './types.js'
import {
  baseRef,
  headRef,
  inputsOf,
  jobOrder,
  permissionsOf
} from './workflow.js'

export type {
  JobResult,
  RunnerWorld,
  StepResult,
  Trigger,
  WorkflowRun
} from './types.js'

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
    const environment = interpolate(
      (typeof def.environment === 'string'
        ? def.environment
        : def.environment?.name) ?? '',
      {
        contexts: {
          github: githubContext(),
          inputs: inputsOf(workflow, trigger),
          vars: {}
        },
        status: { success: true, failure: false, cancelled },
        hashFiles: () => ''
      }
    )
    // A job without permissions of its own has the workflow's.
    const permissions = permissionsOf(def.permissions ?? workflow.permissions)
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
      let exec_: Exec
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
        exec_ = await setupNode(workspace, step)
        jobEnv.PATH = `${path.dirname(process.execPath)}${path.delimiter}${jobEnv.PATH}`
      } else if (step.uses?.startsWith('actions/setup-python@')) {
        exec_ = await setupPython(tools)
        jobEnv.PATH = `${tools}${path.delimiter}${jobEnv.PATH}`
      } else if (step.uses && world.actions[step.uses.split('@')[0]]) {
        const action = world.actions[step.uses.split('@')[0]]
        const meta = await readActionMeta(action)
        const planned = planActionInputs(meta, step.with ?? {}, scope(stepEnv))
        warnings.push(...planned.warnings)
        const inputs = planned.env
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

/** Runs a workflow to its end. */
export function runWorkflow(
  file: string,
  trigger: Trigger,
  world: RunnerWorld
): Promise<readonly JobResult[]> {
  return startWorkflow(file, trigger, world).done
}
