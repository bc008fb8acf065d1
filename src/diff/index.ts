export {
  quoteName,
  readKeyedDiff,
  renderCountQuery,
  renderKeyedDiffQuery
} from './query.js'
export type { ComparedColumn, KeyedDiffQuery, SqlDialect } from './query.js'
export { comparedColumns, diffColumns, missingKey } from './columns.js'
