// DuckDB for the local engine: binding and quoting of notebook SQL, the
// statements a step may not run, the SQL worker processes and their job
// protocol (DuckDB never loads in the engine's own process), and the SQL
// step itself (`executeSqlStep`).
export { findDuckDB } from './duckdb.js'
export { planShapeStatements } from './shape-statements.js'
export { localSqlWorkers } from './sql-child.js'
export type { SqlWorker } from './sql-child.js'
export { checkSqlStatement } from './sql-guard.js'
export { COPY_SOURCE } from './sql-job.js'
export type { SqlJob, SqlJobStatement } from './sql-job.js'
export {
  bindSql,
  quoteIdentifier,
  quoteLiteral,
  renderQualifiedName,
  splitSql
} from './sql-params.js'
export type { BoundSql, SqlParameter, SqlStatement } from './sql-params.js'
export { executeSqlStep } from './sql-step.js'
export type { DuckdbStepSql, OutputExport } from './step-sql.js'
