import { readFileSync } from 'node:fs'

// Set by the bundler (scripts/bundle.mjs), so a bundle knows its version
// wherever it runs; the compiled tree reads package.json instead.
declare const __DTFLW_VERSION__: string | undefined

/**
 * The package version, read from package.json next to the installed code
 * (two or three folders up, for sources and for the compiled lib/src tree).
 */
function readVersion(): string {
  if (typeof __DTFLW_VERSION__ === 'string') return __DTFLW_VERSION__
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8'))
      if (pkg.name === 'create-dtflw-pipeline') return String(pkg.version)
    } catch {
      // not at this depth
    }
  }
  return '0.0.0'
}

let cached: string | undefined

/** dtflw's version, as reported in run reports and `--version`. */
export function toolVersion(): string {
  cached ??= readVersion()
  return cached
}
