import type { Engine } from '../engines/index.js'
import { createEngine } from './engines.js'
import type { LoadedPlan } from './loaded-plan.js'
import type { CommandDeps } from './deps.js'
import { parseWait } from './request/index.js'

/**
 * The engine of a loaded plan's profile, built by the injected factory (or
 * dtflw's own); `loadPlan` has already handed the profile's secrets to
 * `onSecret`, so nothing the engine prints can show one.
 */
export async function engineFor(
  loaded: LoadedPlan,
  deps: CommandDeps,
  request?: { readonly wait?: string }
): Promise<Engine> {
  const factory = deps.engines ?? createEngine
  return factory({
    root: loaded.project.manifest.root,
    pipeline: loaded.project.manifest.pipeline,
    profile: loaded.profile,
    gitSha: loaded.gitSha,
    env: deps.env,
    toolVersion: deps.toolVersion,
    credentials: deps.credentials,
    ...(request?.wait ? { waitMs: parseWait(request.wait) } : {}),
    onSecret: deps.onSecret
  })
}
