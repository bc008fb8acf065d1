import type { Engine, EngineSetup } from '../engines/index.js'

/**
 * The engine a profile names, loaded on demand: DuckDB's native addon and
 * the Databricks client are imported only by the commands that run them.
 */
export async function createEngine(setup: EngineSetup): Promise<Engine> {
  switch (setup.profile.engine) {
    case 'local': {
      const { createLocalEngine, WAREHOUSE_DIR } =
        await import('../engines/local/index.js')
      const { python, sandbox } = setup.profile.values
      const timeout = setup.profile.values.timeout_seconds
      const tables = setup.profile.tables
      return createLocalEngine({
        root: setup.root,
        env: setup.env,
        // Catalog layout keeps a profile's tables under its catalog's folder.
        tablesRoot:
          tables.layout === 'path'
            ? tables.root
            : `${WAREHOUSE_DIR}/${tables.catalog}`,
        ...(typeof python === 'string' ? { python } : {}),
        ...(setup.waitMs ? { waitMs: setup.waitMs } : {}),
        ...(sandbox === 'strict' || sandbox === 'standard' ? { sandbox } : {}),
        // Databricks cancels a run after it; locally each step gets it.
        ...(typeof timeout === 'number' && timeout > 0
          ? { timeoutSeconds: timeout }
          : {})
      })
    }
    case 'databricks': {
      const { createDatabricksEngineFor } =
        await import('../engines/databricks/index.js')
      return createDatabricksEngineFor(setup)
    }
  }
}
