import { parseManifest } from '../../src/manifest/index.js'
import type { Manifest } from '../../src/manifest/index.js'
import { buildFlow } from '../../src/flow/index.js'
import type { Flow } from '../../src/flow/index.js'
import { formatText } from '../../src/diagnostics/index.js'

/** Parses manifest text, failing the test with the messages if it is invalid. */
export function manifestOf(text: string): Manifest {
  const { manifest, diagnostics } = parseManifest(text, 'dtflw.yaml', '/repo')
  if (!manifest || diagnostics.some((d) => d.severity === 'error')) {
    throw new Error(diagnostics.map(formatText).join('\n'))
  }
  return manifest
}

/** The messages `parseManifest` + `buildFlow` give for a manifest, as a user sees them. */
export function problemsOf(text: string): string[] {
  const parsed = parseManifest(text, 'dtflw.yaml', '/repo')
  if (!parsed.manifest) return parsed.diagnostics.map(formatText)
  const built = buildFlow(parsed.manifest)
  return [...parsed.diagnostics, ...built.diagnostics].map(formatText)
}

/** Parses and builds a flow, failing the test on any error. */
export function flowOf(text: string): Flow {
  const built = buildFlow(manifestOf(text))
  if (!built.flow) throw new Error(built.diagnostics.map(formatText).join('\n'))
  return built.flow
}
