import type { CleanupResult, CleanupTarget } from '../engine.js'
import type { DatabricksClient } from './api/index.js'
import { PREVIEWS_FOLDER } from './paths.js'
import { dropPreviewSchema, planPreviewSchema } from './preview-schema.js'
import type { PreviewPlacement } from './preview-schema.js'
import { isNotFound, tryReadDeployState } from './workspace-state.js'

/**
 * Removes one preview, or every preview deployed before a bound (its
 * deploy state's time, else its folder's): its folder under
 * `<root>/previews`, and under the catalog layout its schema with the
 * tables in it, when dtflw made that schema. A preview whose folder is
 * gone still has its schema dropped.
 */
export async function cleanupPreviews(
  client: DatabricksClient,
  target: CleanupTarget,
  where: {
    /** The profile's workspace root. */
    readonly root: string
    readonly now: Date
    readonly previews?: PreviewPlacement
  }
): Promise<CleanupResult> {
  const previews = `${where.root}/${PREVIEWS_FOLDER}`
  const droppedSchemas: string[] = []
  const keptSchemas: string[] = []
  const dropSchemaOf = async (preview: string): Promise<boolean> => {
    if (!where.previews) return false
    const schema = planPreviewSchema(where.previews, preview)
    const done = await dropPreviewSchema(client, schema)
    if (done === 'dropped') droppedSchemas.push(schema.fullName)
    if (done === 'not-ours') keptSchemas.push(schema.fullName)
    return done === 'dropped'
  }
  const schemas = () => ({
    ...(droppedSchemas.length > 0 ? { droppedSchemas } : {}),
    ...(keptSchemas.length > 0 ? { keptSchemas } : {})
  })
  if ('preview' in target) {
    let removed = true
    try {
      await client.workspace.delete(`${previews}/${target.preview}`, {
        recursive: true
      })
    } catch (error) {
      if (!isNotFound(error)) throw error
      removed = false
    }
    if (await dropSchemaOf(target.preview)) removed = true
    return { removed: removed ? [target.preview] : [], kept: [], ...schemas() }
  }
  let folders
  try {
    folders = await client.workspace.list(previews)
  } catch (error) {
    if (isNotFound(error)) return { removed: [], kept: [] }
    throw error
  }
  const removed: string[] = []
  const kept: string[] = []
  const bound = where.now.getTime() - target.olderThanMs
  for (const folder of folders) {
    if (folder.object_type !== 'DIRECTORY') continue
    const name = folder.path.slice(folder.path.lastIndexOf('/') + 1)
    const state = await tryReadDeployState(client, folder.path)
    const at = state
      ? Date.parse(state.deployedAt)
      : (folder.modified_at ?? folder.created_at ?? 0)
    if (at < bound) {
      await client.workspace.delete(folder.path, { recursive: true })
      await dropSchemaOf(name)
      removed.push(name)
    } else {
      kept.push(name)
    }
  }
  return { removed: removed.sort(), kept: kept.sort(), ...schemas() }
}
