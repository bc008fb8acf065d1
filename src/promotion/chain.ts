import { RefusedError, UsageError } from '../diagnostics/index.js'
import type { ResolvedProfile } from '../profiles/index.js'

/** Where a profile stands in the manifest's `promotion:` chain. */
export type ChainPosition =
  | { readonly kind: 'outside' }
  | { readonly kind: 'first' }
  | { readonly kind: 'later'; readonly previous: string }

/** The position of `profile` in `chain`. */
function chainPosition(
  chain: readonly string[],
  profile: string
): ChainPosition {
  const index = chain.indexOf(profile)
  if (index < 0) return { kind: 'outside' }
  if (index === 0) return { kind: 'first' }
  return { kind: 'later', previous: chain[index - 1] }
}

/** A profile's `promotion:` settings. */
export interface PromotionSettings {
  /** Plain deploy and run are allowed on this later environment. */
  readonly direct: boolean
  /** A promoted commit must be reachable from one of these. */
  readonly fromBranches: readonly string[]
}

/** Reads `promotion: { direct, from_branches }` of a profile. */
export function readPromotionSettings(
  profile: ResolvedProfile
): PromotionSettings {
  const raw = (profile.values.promotion ?? {}) as {
    direct?: unknown
    from_branches?: unknown
  }
  return {
    direct: raw.direct === true,
    fromBranches: Array.isArray(raw.from_branches)
      ? raw.from_branches.filter((b): b is string => typeof b === 'string')
      : []
  }
}

/**
 * Deploying or running straight onto an environment after the first of
 * the chain is refused (exit 4): it only receives, through `promote`, what
 * passed the one before it, unless its profile says `direct: true`.
 */
export function checkDirectAccess(
  command: string,
  chain: readonly string[],
  profile: ResolvedProfile
): void {
  const position = chainPosition(chain, profile.name)
  if (position.kind !== 'later') return
  if (readPromotionSettings(profile).direct) return
  throw new RefusedError(
    `profile "${profile.name}" is promoted to, not deployed to: it comes after "${position.previous}" in promotion: [${chain.join(', ')}]. Run dtflw promote --to ${profile.name} (it deploys and runs the build that passed ${position.previous}), or set promotion: { direct: true } in its profile to allow dtflw ${command} there.`
  )
}

/**
 * The environment a promotion goes to must come after the first of the
 * chain, and (production safeguard) name its workspace root explicitly,
 * so a build never lands in a default folder.
 */
export function checkPromotionTarget(
  chain: readonly string[],
  target: ResolvedProfile
): { readonly previous: string } {
  const position = chainPosition(chain, target.name)
  if (position.kind === 'outside') {
    throw new UsageError(
      `"${target.name}" is not in the promotion chain [${chain.join(', ')}] of dtflw.yaml; promote to one of ${chain.slice(1).join(', ') || '(none: add promotion: [test, acceptance, production])'}.`
    )
  }
  if (position.kind === 'first') {
    throw new UsageError(
      `"${target.name}" is the first environment of the promotion chain: nothing is promoted to it; run it with dtflw run --profile ${target.name}.`
    )
  }
  const workspace = (target.values.workspace ?? {}) as { root?: unknown }
  if (target.engine === 'databricks' && typeof workspace.root !== 'string') {
    throw new RefusedError(
      `profile "${target.name}" must name its workspace.root explicitly to receive promotions (there is no default for a later environment of the chain); add workspace: { root: /Workspace/… } to profiles/${target.name}.yaml.`
    )
  }
  return { previous: position.previous }
}
