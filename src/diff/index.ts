export {
  quoteName,
  readKeyedDiff,
  renderCountQuery,
  renderKeyedDiffQuery
} from './query.js'
export type { ComparedColumn, KeyedDiffQuery, SqlDialect } from './query.js'
export { comparedColumns, diffColumns, missingKey } from './columns.js'
export {
  DEFAULT_DIFF_BUDGET,
  onlyWritten,
  placeOf,
  planBeforeDiff,
  planDataDiff,
  reportLine,
  readDiffBudget
} from './plan.js'
export type { DataDiffPlan, DiffBudget, DiffTarget } from './plan.js'
export { compareTables } from './compare.js'
export type { DiffSource } from './compare.js'
export { DATA_DIFF_NOTEBOOK, dataDiffNotebookPath } from './notebook-file.js'
