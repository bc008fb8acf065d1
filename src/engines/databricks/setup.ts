import { setTimeout as delay } from 'node:timers/promises'
import type { Engine, EngineSetup } from '../engine.js'
import {
  createDatabricksClient,
  resolveCredentials,
  workspacePacer
} from './api/index.js'
import { createDatabricksEngine } from './engine.js'
import { readDatabricksEngineSettings } from './engine-settings.js'

/**
 * The Databricks engine for a profile: its settings read once, here, from
 * the profile and the environment; the workspace and credentials from the
 * chain the official SDKs use (explicit values, `DATABRICKS_*`, OAuth,
 * GitHub OIDC, `~/.databrickscfg`), and every secret handed to `onSecret`
 * before any request is made.
 */
export async function createDatabricksEngineFor(
  setup: EngineSetup
): Promise<Engine> {
  const settings = readDatabricksEngineSettings(setup.profile, setup.env)
  const { tuning } = settings
  const resolved = await resolveCredentials({
    explicit: {
      ...setup.credentials,
      configProfile: settings.configProfile
    },
    ...(settings.host !== undefined
      ? { workspaceHost: { value: settings.host, name: settings.hostName } }
      : {}),
    env: setup.env,
    homeDir: settings.homeDir
  })
  for (const secret of resolved.provider.secrets) setup.onSecret?.(secret)
  let requests = 0
  const client = createDatabricksClient({
    host: resolved.host,
    credentials: resolved.provider,
    version: setup.toolVersion,
    githubActions: settings.githubActions,
    // One budget per endpoint for everything this process sends there.
    pacer: workspacePacer(resolved.host, tuning.rateLimits, {
      now: Date.now,
      sleep: (ms, signal) => delay(ms, undefined, { signal })
    }),
    ...(tuning.retryBudgetMs === undefined
      ? {}
      : { retry: { budgetMs: tuning.retryBudgetMs } }),
    onSecret: setup.onSecret,
    onRequest: () => {
      requests++
    }
  })
  let me: Promise<string> | undefined
  const identity = (): Promise<string> => {
    me ??= client.scim.me().then((user) => user.userName)
    return me
  }
  let root: Promise<string> | undefined
  const workspaceRoot = (): Promise<string> => {
    root ??= settings.root
      ? Promise.resolve(settings.root)
      : identity().then(
          (user) =>
            `/Workspace/Users/${user}/.dtflw/${setup.pipeline}/${settings.profileName}`
        )
    return root
  }
  return createDatabricksEngine({
    client,
    // How often a run is polled: the default suits real workspaces; the
    // variable lets tests against a loopback workspace poll faster.
    ...(tuning.pollMs
      ? { poll: { firstMs: tuning.pollMs, maxMs: tuning.pollMs * 10 } }
      : {}),
    repoRoot: setup.root,
    settings,
    workspaceRoot,
    holder: async () => settings.holder,
    identity,
    toolVersion: setup.toolVersion,
    gitSha: setup.gitSha,
    requestCount: () => requests,
    maxTasks: tuning.maxTasks,
    ...(settings.previews ? { previews: settings.previews } : {}),
    previewDiff: settings.previewDiff,
    ...(tuning.uploads ? { concurrency: tuning.uploads } : {})
  })
}
