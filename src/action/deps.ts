import os from 'node:os'
import { toolVersion } from '../commands/index.js'
import type { CommandDeps } from '../commands/index.js'
import type { ActionSettings } from './inputs.js'

/** Each credential input and the environment variable it stands for. */
const CREDENTIAL_INPUTS = [
  ['databricksHost', 'host', 'databricks-host', 'DATABRICKS_HOST'],
  ['databricksToken', 'token', 'databricks-token', 'DATABRICKS_TOKEN'],
  [
    'databricksClientId',
    'clientId',
    'databricks-client-id',
    'DATABRICKS_CLIENT_ID'
  ],
  [
    'databricksClientSecret',
    'clientSecret',
    'databricks-client-secret',
    'DATABRICKS_CLIENT_SECRET'
  ]
] as const

/**
 * The environment the command layer sees: the job's, with each credential
 * input given standing in for its `DATABRICKS_*` variable (an input wins
 * over a variable of the job). That is the one rule a profile relies on:
 * `workspace.host: ${DATABRICKS_HOST}` sees `databricks-host`, whichever
 * way the workflow passes it.
 */
export function actionEnv(
  settings: ActionSettings,
  env: Readonly<Record<string, string | undefined>>
): Readonly<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = { ...env }
  for (const [field, , , variable] of CREDENTIAL_INPUTS) {
    const value = settings[field]
    if (value !== undefined) out[variable] = value
  }
  return out
}

/**
 * What main and post both give the command layer: the environment with
 * the credential inputs in it, the runner's cores, and the same inputs as
 * explicit credentials (so a message names the input, not the variable),
 * so a cancel in post reaches the workspace main ran in.
 */
export function actionDeps(
  settings: ActionSettings,
  env: Readonly<Record<string, string | undefined>>,
  onSecret: (value: string) => void
): CommandDeps {
  const credentials: Record<string, unknown> = {}
  const names: Record<string, string> = {}
  for (const [field, attr, input] of CREDENTIAL_INPUTS) {
    const value = settings[field]
    if (value === undefined) continue
    credentials[attr] = value
    names[attr] = `the input ${input}`
  }
  return {
    env: actionEnv(settings, env),
    toolVersion: toolVersion(),
    cores: Math.max(1, os.availableParallelism()),
    credentials: { ...credentials, names },
    onSecret
  }
}
