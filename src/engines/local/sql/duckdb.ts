import { createRequire } from 'node:module'
import path from 'node:path'
import { UsageError } from '../../../diagnostics/index.js'

/**
 * Where `@duckdb/node-api` is: dtflw's own, else (the Action's bundle runs
 * with no `node_modules` beside it) the one installed in the pipeline
 * repository at `searchFrom`, which is where the SQL workers load it from.
 * Only resolved, never loaded: DuckDB runs in the workers, and this
 * process must not spend a tenth of a second loading a native addon it
 * does not use. Throws a usage error that says how to get DuckDB.
 */
export function findDuckDB(searchFrom: string): string {
  try {
    return createRequire(import.meta.url).resolve('@duckdb/node-api')
  } catch (first) {
    try {
      return createRequire(path.join(searchFrom, 'package.json')).resolve(
        '@duckdb/node-api'
      )
    } catch {
      throw new UsageError(
        `the local engine needs DuckDB (@duckdb/node-api), which is not installed here (${(first as Error).message.split('\n')[0]}); run the local engine with the dtflw command (npx dtflw run --profile development), or add create-dtflw-pipeline to the repository's devDependencies and run npm install.`
      )
    }
  }
}
