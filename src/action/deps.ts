import os from 'node:os'
import { toolVersion } from '../commands/index.js'
import type { CommandDeps } from '../commands/index.js'
import type { ActionSettings } from './inputs.js'

/**
 * What main and post both give the command layer: the environment, the
 * runner's cores and the credentials from the Action's inputs, so a
 * cancel in post reaches the workspace main ran in.
 */
export function actionDeps(
  settings: ActionSettings,
  env: Readonly<Record<string, string | undefined>>,
  onSecret: (value: string) => void
): CommandDeps {
  return {
    env,
    toolVersion: toolVersion(),
    cores: Math.max(1, os.availableParallelism()),
    credentials: {
      host: settings.databricksHost,
      token: settings.databricksToken,
      clientId: settings.databricksClientId,
      clientSecret: settings.databricksClientSecret
    },
    onSecret
  }
}
