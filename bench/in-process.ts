import {
  buildFlow,
  checkProfileAgainstFlow,
  planFlow
} from '../src/flow/index.js'
import { parseManifest, readManifest } from '../src/manifest/index.js'
import { openProfiles } from '../src/profiles/index.js'

/** Parse, build and plan in process, from manifest text to plan. */
export async function planInProcess(
  text: string,
  dir: string
): Promise<number> {
  const { manifest, diagnostics } = parseManifest(text, 'dtflw.yaml', dir)
  if (!manifest) throw new Error(diagnostics.map((d) => d.summary).join('\n'))
  const { flow } = buildFlow(manifest)
  if (!flow) throw new Error('generated flow is invalid')
  const profiles = await openProfiles({
    root: dir,
    profilesDir: 'profiles',
    context: { env: {}, pipeline: manifest.pipeline }
  })
  return planFlow(flow, profiles.load('development')).steps.length
}

/**
 * What `dtflw validate` does with the front end, in process and without
 * start-up: the manifest (notebook paths checked), the flow, every profile
 * resolved once, each planned against the flow.
 */
export async function validateInProcess(dir: string): Promise<number> {
  const read = await readManifest('dtflw.yaml', dir)
  if (!read.manifest) throw new Error('generated manifest is invalid')
  const { flow } = buildFlow(read.manifest)
  if (!flow) throw new Error('generated flow is invalid')
  const set = await openProfiles({
    root: dir,
    profilesDir: 'profiles',
    context: { env: {}, pipeline: read.manifest.pipeline, gitSha: '0' },
    allowUnsetEnv: true
  })
  let planned = 0
  for (const name of set.names) {
    const { profile, diagnostics } = set.resolve(name)
    if (!profile) throw new Error(diagnostics.map((d) => d.summary).join('\n'))
    checkProfileAgainstFlow(flow, profile)
    planned += planFlow(flow, profile).steps.length
  }
  return planned
}
