import type { ResolvedProfile, TablesConfig } from '../profiles/index.js'
import { joinLocation } from './locations.js'

/**
 * A preview (a pull request's run on a shared environment) writes its
 * tables beside the environment's own, never over them: `test`'s tables
 * stay what main last built, several pull requests never overwrite one
 * another, and the data diff has both sides to compare. Under the path
 * layout they go below `<root>/previews/<name>/`; under the catalog
 * layout into the schema `<schema>__<name>` (a preview's schema is made
 * before its run and dropped with the preview).
 */
export function previewTables(
  tables: TablesConfig,
  preview: string
): TablesConfig {
  return tables.layout === 'path'
    ? { ...tables, root: joinLocation(tables.root, 'previews', preview) }
    : { ...tables, schema: previewSchema(tables.schema, preview) }
}

/** `sales` and `pr-42` → `sales__pr_42`: a schema name Unity Catalog takes unquoted. */
export function previewSchema(schema: string, preview: string): string {
  return `${schema}__${preview.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`
}

/**
 * Whether a profile places a preview's tables itself: a value under
 * `tables:` written with `${preview}` (then dtflw does not move them), or
 * `tables: { preview: shared }`, which keeps the environment's tables
 * (the way before previews had tables of their own).
 */
export function placesPreviewItself(profile: ResolvedProfile): boolean {
  if ((profile.values.tables as { preview?: unknown })?.preview === 'shared')
    return true
  return profile.leaves.some(
    (leaf) =>
      leaf.path.startsWith('tables.') &&
      (leaf.written ?? '').includes('${preview}')
  )
}

/** The profile a preview plans with: the same, its tables moved aside. */
export function previewProfile(
  profile: ResolvedProfile,
  preview: string
): ResolvedProfile {
  if (placesPreviewItself(profile)) return profile
  return Object.freeze({
    ...profile,
    tables: previewTables(profile.tables, preview)
  })
}
