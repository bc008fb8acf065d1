import path from 'node:path'
import { pathExists } from '../io/index.js'
import type { CommandRequest, Located } from './request/index.js'

/** The manifest's name when none is given. */
export const MANIFEST_NAME = 'dtflw.yaml'

/**
 * A request whose manifest was not named finds `dtflw.yaml` by walking up
 * from its folder, as git, dbt and the Databricks CLI find their roots; it
 * then works from the manifest's folder, so every path it shows is
 * relative to the repository root. Unchanged when nothing is found: the
 * loader's "not found" message says what to do.
 */
export async function locateManifest<R extends CommandRequest>(
  request: R
): Promise<Located<R>> {
  const found = await findManifest(request)
  return { ...request, ...found }
}

async function findManifest(
  request: CommandRequest
): Promise<{ cwd: string; manifest: string }> {
  const { cwd, manifest } = request
  if (manifest !== undefined) return { cwd, manifest }
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (await pathExists(path.join(dir, MANIFEST_NAME))) {
      return { cwd: dir, manifest: MANIFEST_NAME }
    }
    if (path.dirname(dir) === dir) break
  }
  return { cwd, manifest: MANIFEST_NAME }
}
