import type { Diagnostic } from '../diagnostics/index.js'
import { suggest, warningAt } from '../diagnostics/index.js'
import { formatPath } from '../manifest/index.js'
import type { ResolvedProfile } from '../profiles/index.js'
import type { Flow } from './types.js'

/**
 * What a profile says that the flow never uses: a source key that names no
 * source of the manifest is most often a typo (`raw_ordrs`), and the real
 * source then has no location. Warnings, at the profile's key, with the
 * closest source name.
 */
export function checkProfileAgainstFlow(
  flow: Flow,
  profile: ResolvedProfile
): Diagnostic[] {
  const declared = new Set(flow.sources)
  const out: Diagnostic[] = []
  for (const name of Object.keys(profile.sources)) {
    if (declared.has(name)) continue
    const close = suggest(name, flow.sources)
    const hint = close
      ? ` did you mean "${close}"?`
      : ` the sources are: ${flow.sources.join(', ') || '(none)'}.`
    out.push(
      warningAt(
        'unknown-profile-source',
        `profile "${profile.name}" gives a location to source "${name}", which dtflw.yaml does not declare;${hint}`,
        profile.locate(formatPath(['sources', name])),
        { path: formatPath(['sources', name]) }
      )
    )
  }
  return out
}
