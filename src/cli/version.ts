import { readFileSync } from 'node:fs'

/**
 * The package version, read from package.json next to the installed code
 * (two or three folders up, for sources and for the compiled lib/src tree).
 */
function readVersion(): string {
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
