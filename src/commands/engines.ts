import type { Engine, EngineSetup } from '../engines/index.js'

/**
 * The engine a profile names, loaded on demand: DuckDB's native addon and
 * the Databricks client are imported only by the commands that run them.
 */
export async function createEngine(setup: EngineSetup): Promise<Engine> {
  switch (setup.profile.engine) {
    case 'local': {
      const { createLocalEngine } = await import('../engines/local/index.js')
      return createLocalEngine({ root: setup.root })
    }
    case 'databricks': {
      const { createDatabricksEngineFor } =
        await import('../engines/databricks/index.js')
      return createDatabricksEngineFor(setup)
    }
  }
}
