import { setMaxListeners } from 'node:events'
import * as core from '@actions/core'
import { runCommand } from '../commands/index.js'
import type { CommandResult } from '../commands/index.js'
import {
  createMasker,
  displayText,
  DtflwError,
  guardWorkflowCommands
} from '../diagnostics/index.js'
import { ensureCommit } from '../io/index.js'
import { describeEvent, MESSAGE_SHOWN } from '../report/index.js'
import { loadGitHubContext } from './context.js'
import { actionDeps } from './deps.js'
import { openDeployment } from './deployment.js'
import {
  checkCheckout,
  readActionInputs,
  readInput,
  SECRET_INPUTS
} from './inputs.js'
import { failedOutputs, planOutputs } from './outputs.js'
import type { ActionOutputs } from './outputs.js'
import { publish } from './publish.js'
import type { ActionSettings } from './inputs.js'
import { planActionRequest } from './request.js'
import { STATE_REMOTE_RUN } from './state.js'

/**
 * The Action's main step: inputs and event → one command request →
 * `runCommand` → annotations, job summary, comment, outputs (set on
 * failure too) → the command's exit code.
 */
export async function run(
  env: Readonly<Record<string, string | undefined>> = process.env
): Promise<void> {
  const masker = createMasker()
  // A line of the log: masked, and never a workflow command.
  const info = (line: string): void =>
    core.info(guardWorkflowCommands(masker.mask(line)))
  const shown = (text: string): string =>
    guardWorkflowCommands(masker.mask(text))
  const told = new Set<string>()
  const secret = (value: string): void => {
    if (told.has(value)) return
    told.add(value)
    masker.add(value)
    core.setSecret(value)
  }
  for (const name of SECRET_INPUTS) {
    const value = readInput(env, name)
    if (value) secret(value)
  }
  const startedAt = new Date().toISOString()
  const setOutputs = (outputs: ActionOutputs) => {
    for (const [name, value] of Object.entries(outputs)) {
      core.setOutput(name, masker.mask(value))
    }
  }
  try {
    const settings = readActionInputs(env, process.cwd())
    checkCheckout(settings)
    const context = await loadGitHubContext(env)
    const planned = planActionRequest(settings, context, {
      databricks: hasDatabricksCredentials(settings, env)
    })
    const notes = [...planned.notes]
    let request = planned.request
    if (request.base && !(await ensureCommit(request.cwd, request.base))) {
      notes.push(
        `No lineage diff: the base commit ${request.base.slice(0, 12)} is not in the checkout and could not be fetched; use actions/checkout with fetch-depth: 0.`
      )
      request = { ...request, base: undefined, changedSince: undefined }
    }
    const stop = new AbortController()
    // Every request in flight listens to it (a deploy has dozens at once).
    setMaxListeners(0, stop.signal)
    const onSignal = (signal: NodeJS.Signals) => () => stop.abort(signal)
    process.once('SIGINT', onSignal('SIGINT'))
    process.once('SIGTERM', onSignal('SIGTERM'))
    const timeout = settings.timeoutMinutes
      ? setTimeout(
          () => stop.abort('timeout'),
          settings.timeoutMinutes * 60_000
          // Never what keeps the step alive once the work is done or failed.
        ).unref()
      : undefined
    const deployment =
      request.command === 'promote' && !request.dryRun
        ? await openDeployment(settings, context, request.sha ?? context.sha)
        : undefined
    const submitted: string[] = []
    const result: CommandResult = await runCommand(request, {
      ...actionDeps(settings, env, secret),
      signal: stop.signal,
      onProgress: info,
      onEvent: (event) => {
        const line = describeEvent(event)
        if (line) info(line)
        if (event.type === 'run-submitted') {
          submitted.push(event.remoteRunId)
          core.saveState(
            STATE_REMOTE_RUN,
            JSON.stringify({
              remoteRunId: event.remoteRunId,
              remoteRunIds: submitted,
              profile: request.profile,
              cwd: request.cwd,
              manifest: request.manifest
            })
          )
        }
        // The run ended here: the post step has nothing to cancel.
        if (event.type === 'run-finished') core.saveState(STATE_REMOTE_RUN, '')
      }
    })
    if (timeout) clearTimeout(timeout)
    await deployment?.finish(result)
    const stopped =
      stop.signal.reason === 'timeout'
        ? `stopped after timeout-minutes (${settings.timeoutMinutes}); the run was cancelled.`
        : undefined
    if (stopped)
      notes.push(`${stopped.charAt(0).toUpperCase()}${stopped.slice(1)}`)
    const published = await publish({
      result,
      settings,
      context,
      notes,
      comment: planned.comment,
      startedAt,
      env,
      mask: masker.mask,
      maskJson: masker.maskJson,
      info
    })
    const outputs = planOutputs(result, {
      ...published,
      workingDirectory: settings.workingDirectory,
      skipped: planned.skipped,
      ...(stopped ? { stopped } : {})
    })
    setOutputs(outputs)
    finish(result, outputs, shown)
  } catch (error) {
    const known = error instanceof DtflwError ? error : undefined
    const message = shown(known?.message ?? String(error))
    setOutputs(failedOutputs(message))
    core.setFailed(message)
    process.exitCode = known?.exitCode ?? 70
  }
}

/**
 * Whether any Databricks credential reached the step (an input or a
 * variable), before anything tries to use one.
 */
function hasDatabricksCredentials(
  settings: ActionSettings,
  env: Readonly<Record<string, string | undefined>>
): boolean {
  return Boolean(
    settings.databricksToken ||
    settings.databricksClientId ||
    env.DATABRICKS_TOKEN ||
    env.DATABRICKS_CLIENT_ID ||
    env.DATABRICKS_CONFIG_PROFILE
  )
}

/**
 * The step fails with the command's exit code. Its errors were annotated
 * once each by `publish`; only a failure with no error of its own (a
 * notebook that failed) gets one line saying so.
 */
function finish(
  result: CommandResult,
  outputs: ActionOutputs,
  mask: (text: string) => string
): void {
  if (result.exitCode === 0) return
  if (!result.diagnostics.some((d) => d.severity === 'error')) {
    // The cause on one escaped line: a notebook's message is not ours.
    core.error(
      mask(
        outputs.error
          ? `dtflw ${outputs.status}: ${displayText(outputs.error, MESSAGE_SHOWN)}`
          : `dtflw ${outputs.status} (exit ${result.exitCode})`
      )
    )
  }
  process.exitCode = result.exitCode
}
