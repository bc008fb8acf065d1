import type {
  ResolvedProfile,
  SourceLocationConfig,
  TablesConfig
} from '../../src/profiles/index.js'

/** A resolved profile built by hand, for planner tests that need no files. */
export function profileOf(
  tables: TablesConfig,
  options: {
    name?: string
    variables?: Record<string, string>
    sources?: Record<string, SourceLocationConfig>
  } = {}
): ResolvedProfile {
  return {
    name: options.name ?? 'test',
    files: [`profiles/${options.name ?? 'test'}.yaml`],
    engine: 'local',
    variables: options.variables ?? {},
    tables,
    sources: options.sources ?? {},
    values: {},
    leaves: [],
    locate: () => undefined
  }
}

/** dtflw's layout: `<root>/<notebook>/<table>.parquet`. */
export const pathLayout = (root: string): TablesConfig => ({
  layout: 'path',
  root,
  format: 'parquet'
})

/** Unity Catalog layout. */
export const catalogLayout = (
  catalog: string,
  schema: string
): TablesConfig => ({
  layout: 'catalog',
  catalog,
  schema
})
