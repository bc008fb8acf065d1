import * as core from '@actions/core'
import { runCommand } from '../commands/index.js'
import { createMasker, guardWorkflowCommands } from '../diagnostics/index.js'
import { actionDeps } from './deps.js'
import { readActionInputs, readInput, SECRET_INPUTS } from './inputs.js'
import { readRemoteRunState } from './state.js'

/**
 * The post step: runs after the job even when it was cancelled. If main
 * submitted runs and never saw them end, cancel them, so a cancelled job
 * does not leave a Databricks run going (something `bundle run` and the old
 * run-notebook action never did).
 */
export async function post(
  env: Readonly<Record<string, string | undefined>> = process.env
): Promise<void> {
  const masker = createMasker()
  const secret = (value: string): void => {
    masker.add(value)
    core.setSecret(value)
  }
  const shown = (text: string): string =>
    guardWorkflowCommands(masker.mask(text))
  for (const name of SECRET_INPUTS) {
    const value = readInput(env, name)
    if (value) secret(value)
  }
  const state = readRemoteRunState(env)
  if (!state) return
  const settings = readActionInputs(env, process.cwd())
  for (const remoteRunId of state.remoteRunIds ?? [state.remoteRunId]) {
    const result = await runCommand(
      {
        command: 'cancel',
        cwd: state.cwd,
        ...(state.manifest ? { manifest: state.manifest } : {}),
        profile: state.profile,
        runId: remoteRunId
      },
      actionDeps(settings, env, secret)
    )
    if (result.exitCode === 0) {
      core.info(
        shown(
          `Cancelled Databricks run ${remoteRunId}, which the job left running.`
        )
      )
    } else {
      core.warning(
        shown(
          `could not cancel Databricks run ${remoteRunId}: ${result.diagnostics.map((d) => d.summary).join('; ')}`
        )
      )
    }
  }
}

/**
 * The post step under the name runners of actions outside GitHub look for
 * (`@github/local-action` imports an entry module and calls its `run`).
 */
export const run = post
