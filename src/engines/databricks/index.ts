import { homedir, hostname, userInfo } from 'node:os'
import { formatLine } from '../../diagnostics/index.js'
import type { Engine, EngineSetup } from '../engine.js'
import { createDatabricksClient, resolveCredentials } from './api/index.js'
import { createDatabricksEngine } from './engine.js'
import { readDatabricksSettings } from './settings.js'

export { createDatabricksEngine, workingTreeSource } from './engine.js'
export type { DatabricksEngineOptions } from './engine.js'
export { readDatabricksSettings } from './settings.js'
export type { ComputeSpec, DatabricksSettings } from './settings.js'
export { planDeploy, nextDeployState } from './deploy-plan.js'
export type { DeployPlan, DeployState } from './deploy-plan.js'
export { collectDeployFiles } from './deploy-files.js'
export type { DeployFile, SourceReader } from './deploy-files.js'
export { planSubmitRun } from './submit.js'
export { acquireDeployLock, DeployLockedError } from './lock.js'
export { deployRoot, remoteNotebookPath } from './paths.js'

/**
 * The Databricks engine for a profile: settings from the profile, the
 * workspace and credentials from the chain the official SDKs use
 * (explicit values, `DATABRICKS_*`, OAuth, GitHub OIDC, `~/.databrickscfg`),
 * and every secret handed to `onSecret` before any request is made.
 */
export async function createDatabricksEngineFor(
  setup: EngineSetup
): Promise<Engine> {
  const settings = readDatabricksSettings(setup.profile)
  const env = setup.env
  const hostAt = setup.profile.locate('workspace.host')
  const resolved = await resolveCredentials({
    explicit: {
      ...setup.credentials,
      configProfile: settings.configProfile
    },
    ...(settings.host !== undefined
      ? {
          workspaceHost: {
            value: settings.host,
            name: `workspace.host of profile "${setup.profile.name}"${hostAt ? ` (${formatLine(hostAt)})` : ''}`
          }
        }
      : {}),
    env,
    homeDir: env.HOME ?? homedir()
  })
  for (const secret of resolved.provider.secrets) setup.onSecret?.(secret)
  let requests = 0
  // Tuning: pacing (requests a second; 0 is none) and uploads in flight.
  const rate = Number(env.DTFLW_DATABRICKS_RATE_LIMIT)
  const uploads = Number(env.DTFLW_DATABRICKS_UPLOADS)
  const client = createDatabricksClient({
    ...(env.DTFLW_DATABRICKS_RATE_LIMIT !== undefined && rate >= 0
      ? { rateLimit: { requestsPerSecond: rate } }
      : {}),
    host: resolved.host,
    credentials: resolved.provider,
    version: setup.toolVersion,
    githubActions: env.GITHUB_ACTIONS === 'true',
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
            `/Workspace/Users/${user}/.dtflw/${setup.pipeline}/${setup.profile.name}`
        )
    return root
  }
  // Who holds a deploy lock, without a request: the machine's user, and
  // in CI the workflow run that deploys.
  const ci = env.GITHUB_RUN_ID
    ? `${env.GITHUB_ACTOR ?? 'github-actions'} (GitHub ${env.GITHUB_REPOSITORY ?? ''} run ${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? ` attempt ${env.GITHUB_RUN_ATTEMPT}` : ''})`
    : `${localUser()}@${hostname()}`
  // How often a run is polled: the default suits real workspaces; the
  // variable lets tests against a loopback workspace poll faster.
  const pollMs = Number(env.DTFLW_DATABRICKS_POLL_MS)
  return createDatabricksEngine({
    client,
    ...(pollMs > 0 ? { poll: { firstMs: pollMs, maxMs: pollMs * 10 } } : {}),
    repoRoot: setup.root,
    settings,
    workspaceRoot,
    owner: async () => ci,
    identity,
    toolVersion: setup.toolVersion,
    gitSha: setup.gitSha,
    requestCount: () => requests,
    ...(uploads > 0 ? { concurrency: uploads } : {})
  })
}

function localUser(): string {
  try {
    return userInfo().username
  } catch {
    return 'someone'
  }
}
