import { createExpander } from '../../src/profiles/index.js'
import type {
  ResolvedProfile,
  SourceLocationConfig,
  TablesConfig,
  VariableValue
} from '../../src/profiles/index.js'

/** A resolved profile built by hand, for planner tests that need no files. */
export function profileOf(
  tables: TablesConfig,
  options: {
    name?: string
    variables?: Record<string, string>
    sources?: Record<string, SourceLocationConfig>
    /** What `${NAME}` in step arguments sees. */
    env?: Record<string, string>
    gitSha?: string
  } = {}
): ResolvedProfile {
  const name = options.name ?? 'test'
  const variables = options.variables ?? {}
  const values = new Map<string, VariableValue>(
    Object.entries(variables).map(([key, text]) => [
      key,
      { text, env: [], secret: false, secrets: [], unresolved: false }
    ])
  )
  return {
    name,
    files: [`profiles/${name}.yaml`],
    engine: 'local',
    variables,
    tables,
    sources: options.sources ?? {},
    values: {},
    leaves: [],
    secretValues: [],
    expand: createExpander(
      {
        env: options.env ?? {},
        profile: name,
        pipeline: 'p',
        gitSha: options.gitSha,
        isSecretName: () => false
      },
      values
    ),
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
