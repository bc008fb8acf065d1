import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** How far a module may sit below the package root (lib/src/steps/templates/). */
const MAX_DEPTH = 6

/**
 * A file or folder this package ships outside its code (the generators'
 * templates), found by climbing from a module to the package root: the
 * same from the sources, from the compiled tree in lib/ and from the
 * bundle's chunks in dist/cli/, in a checkout and in an installed package.
 * Throws when the package lacks it: a packaging bug, never a user's error.
 * @param relative POSIX path from the package root, e.g. `generators/app/templates`.
 * @param moduleUrl The calling module's `import.meta.url`.
 */
export function findPackagePath(relative: string, moduleUrl: string): string {
  let folder = path.dirname(fileURLToPath(moduleUrl))
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const candidate = path.join(folder, ...relative.split('/'))
    if (existsSync(candidate)) return candidate
    folder = path.dirname(folder)
  }
  throw new Error(
    `this installation of dtflw lacks ${relative}; reinstall the create-dtflw-pipeline package.`
  )
}
