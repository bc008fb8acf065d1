// How a local step fails: `StepFailure` ends a step as failed with its
// error, and the hints turn what DuckDB or Python say (no such file, no such
// module) into what the user can do.
export { StepFailure } from './step-failure.js'
export { explainSqlError, missingModule } from './step-hints.js'
