import { hasErrors, sortDiagnostics } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import { planMergeOrder } from './chain.js'
import { mergeProfiles } from './merge.js'
import { emptyMap, toPlain, type MapNode } from './node.js'
import type { ProfileFile } from './parse.js'
import { buildResolvedProfile } from './resolved-profile.js'
import { checkProfileSchema } from './schema.js'
import { environmentSecrets, listedSecrets, secretTest } from './secrets.js'
import { interpolateProfile } from './template.js'
import type { ResolvedProfile, TemplateContext } from './types.js'

/** What `resolveProfile` works from; no I/O happens below this. */
export interface ResolveProfileInput {
  readonly name: string
  /** The parsed file of a profile (or partial) name, if it exists. */
  readonly lookup: (name: string) => ProfileFile | undefined
  /** Every name `extends` may use, for did-you-mean. */
  readonly names: readonly string[]
  /** `env` here is what templates see: the process env over `.env`. */
  readonly context: TemplateContext
  /** See `LoadProfileOptions.allowUnsetEnv`. */
  readonly allowUnsetEnv?: boolean
  /**
   * Merged trees of profiles resolved before, by name, so a long `extends`
   * chain is merged once, not once per profile in it.
   */
  readonly merged?: Map<string, MergedProfile>
  /** Merge orders planned before, by name, for the same reason. */
  readonly orders?: Map<string, readonly ProfileFile[]>
}

/** A profile's files in merge order and the tree they merge into. */
export interface MergedProfile {
  readonly files: readonly ProfileFile[]
  readonly tree: MapNode
}

/**
 * Resolves one profile from parsed files: merge order, merge, `${…}`,
 * schema, typed checks. Pure; `profile` is set only when nothing failed.
 */
export function resolveProfile(input: ResolveProfileInput): {
  profile?: ResolvedProfile
  diagnostics: Diagnostic[]
} {
  const { name } = input
  const order = planMergeOrder(name, input.lookup, input.names, input.orders)
  if (hasErrors(order.diagnostics) || order.files.length === 0) {
    return { diagnostics: [...order.diagnostics] }
  }
  const merged = mergeInOrder(name, order.files, input.merged)
  const scope = {
    ...input.context,
    profile: name,
    allowUnsetEnv: input.allowUnsetEnv
  }
  const interpolated = interpolateProfile(merged, scope)
  // One plain copy of the tree, for the schema and for `values`.
  const values = toPlain(interpolated.tree) as Record<string, unknown>
  const schema = checkProfileSchema(interpolated.tree, values)
  const isSecretName = secretTest(listedSecrets(interpolated.tree), scope)
  const built = buildResolvedProfile({
    name,
    files: order.files.map((f) => f.file),
    tree: interpolated.tree,
    values,
    scope: {
      env: scope.env,
      profile: name,
      pipeline: scope.pipeline,
      gitSha: scope.gitSha,
      preview: scope.preview,
      allowUnsetEnv: scope.allowUnsetEnv,
      isSecretName
    },
    environmentSecrets: environmentSecrets(scope, isSecretName)
  })
  const diagnostics = [
    ...order.diagnostics,
    ...interpolated.diagnostics,
    ...schema,
    ...built.diagnostics
  ]
  return hasErrors(diagnostics)
    ? { diagnostics: sortDiagnostics(diagnostics) }
    : { profile: built.profile, diagnostics }
}

/**
 * The files merged in order, parents first. When the files before this
 * profile's own are exactly the merge order of its last parent (always so
 * with one parent), that parent's merged tree is reused: each profile of a
 * long chain then costs one merge.
 */
function mergeInOrder(
  name: string,
  files: readonly ProfileFile[],
  memo: Map<string, MergedProfile> | undefined
): MapNode {
  const parents = files.slice(0, -1)
  const last = parents[parents.length - 1]
  const known = last ? memo?.get(last.name) : undefined
  const reuse =
    known !== undefined &&
    known.files.length === parents.length &&
    known.files.every((f, i) => f === parents[i])
  const start = reuse ? known.tree : emptyMap()
  const rest = reuse ? files.slice(-1) : files
  const tree = rest.reduce(
    (acc, file) => (file.tree ? mergeProfiles(acc, file.tree) : acc),
    start
  )
  memo?.set(name, { files, tree })
  return tree
}
