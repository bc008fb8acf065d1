import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { UsageError } from '../../diagnostics/index.js'

/** The `@duckdb/node-api` module. */
export type DuckDBModule = typeof import('@duckdb/node-api')

let loaded: Promise<DuckDBModule> | undefined

/**
 * Loads DuckDB's native addon the first time a local run needs it, never
 * at start-up: `validate`, `plan` and the Action's bundle (which runs with
 * no `node_modules` beside it) must not pay for it or need it. When dtflw
 * itself has no DuckDB (the Action's bundle), the one installed in the
 * pipeline repository at `searchFrom` is used.
 */
export function loadDuckDB(searchFrom?: string): Promise<DuckDBModule> {
  loaded ??= importDuckDB(searchFrom).catch((error: unknown) => {
    loaded = undefined
    throw error
  })
  return loaded
}

async function importDuckDB(searchFrom?: string): Promise<DuckDBModule> {
  try {
    return await import('@duckdb/node-api')
  } catch (first) {
    if (searchFrom) {
      try {
        const require = createRequire(path.join(searchFrom, 'package.json'))
        const entry = require.resolve('@duckdb/node-api')
        return (await import(pathToFileURL(entry).href)) as DuckDBModule
      } catch {
        // Not installed in the repository either: say how to get it.
      }
    }
    throw new UsageError(
      `the local engine needs DuckDB (@duckdb/node-api), which is not installed here (${(first as Error).message.split('\n')[0]}); run the local engine with the dtflw command (npx dtflw run --profile development), or add create-dtflw-pipeline to the repository's devDependencies and run npm install.`
    )
  }
}
