import type { Engine, EngineSetup } from '../engines/index.js'

/**
 * The engine a profile names, loaded on demand: DuckDB's native addon and
 * the Databricks client are imported only by the commands that run them.
 * Each engine reads its settings from the profile and the environment
 * once, as it is built.
 */
export async function createEngine(setup: EngineSetup): Promise<Engine> {
  switch (setup.profile.engine) {
    case 'local': {
      const { createLocalEngineFor } = await import('../engines/local/index.js')
      return createLocalEngineFor(setup)
    }
    case 'databricks': {
      const { createDatabricksEngineFor } =
        await import('../engines/databricks/index.js')
      return createDatabricksEngineFor(setup)
    }
  }
}
