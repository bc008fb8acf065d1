// Tables as local files: where a planned location lives and how DuckDB
// reads it, a step's inputs and outputs resolved (and their DuckDB views and
// exports planned), staging and promotion of outputs, the rows a rewritten
// table starts from, and reading the columns and rows of what was written.
export { toDuckdbType, toSparkType } from './columns.js'
export {
  createTableInspector,
  describeRelation,
  inspectQuery
} from './inspect.js'
export type { TableInspector } from './inspect.js'
export { planPriorTables } from './prior-tables.js'
export { discardStaging, promoteOutput, stageOutputs } from './staging.js'
export type { StagedOutput } from './staging.js'
export { resolveInputs, withStagedOutputs } from './step-inputs.js'
export { planDuckdbStepSql, planSqlParameters } from './step-tables.js'
export type {
  PriorTable,
  StepInput,
  StepOutput,
  StepTables
} from './step-tables.js'
export {
  WAREHOUSE_DIR,
  grantFor,
  readExpression,
  resolveLocalTable,
  tableExists
} from './tables.js'
export type { LocalTable, SandboxGrant } from './tables.js'
export { globBase, isGlob } from './globs.js'
