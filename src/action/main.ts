import { setMaxListeners } from 'node:events'
import * as core from '@actions/core'
import { runCommand } from '../commands/index.js'
import type { CommandResult } from '../commands/index.js'
import { createMasker, DtflwError } from '../diagnostics/index.js'
import { describeEvent } from '../report/index.js'
import { loadGitHubContext } from './context.js'
import { actionDeps } from './deps.js'
import { openDeployment } from './deployment.js'
import { ensureCommit } from './git-base.js'
import { readActionInputs, readInput, SECRET_INPUTS } from './inputs.js'
import { planOutputs } from './outputs.js'
import { publish } from './publish.js'
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
  try {
    const settings = readActionInputs(env, process.cwd())
    const context = await loadGitHubContext(env)
    const planned = planActionRequest(settings, context)
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
      onProgress: (line) => core.info(line),
      onEvent: (event) => {
        const line = describeEvent(event)
        if (line) core.info(masker.mask(line))
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
    if (stop.signal.reason === 'timeout') {
      notes.push(
        `Stopped after timeout-minutes (${settings.timeoutMinutes}); the run was cancelled.`
      )
    }
    const published = await publish({
      result,
      settings,
      context,
      notes,
      comment: planned.comment,
      startedAt,
      env,
      mask: masker.mask
    })
    const outputs = planOutputs(result, published)
    for (const [name, value] of Object.entries(outputs)) {
      core.setOutput(name, masker.mask(value))
    }
    finish(result, masker.mask)
  } catch (error) {
    const known = error instanceof DtflwError ? error : undefined
    core.setFailed(masker.mask(known?.message ?? String(error)))
    process.exitCode = known?.exitCode ?? 70
  }
}

/** The step fails with the command's exit code and its first error. */
function finish(result: CommandResult, mask: (text: string) => string): void {
  for (const d of result.diagnostics) {
    if (d.severity === 'error' && !d.location) core.error(mask(d.summary))
  }
  if (result.exitCode !== 0) {
    const data = result.data
    const status = data?.kind === 'run' ? data.report.status : 'failed'
    core.setFailed(`dtflw ${status} (exit ${result.exitCode})`)
    process.exitCode = result.exitCode
  }
}
