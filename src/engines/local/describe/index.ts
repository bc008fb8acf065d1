// Learning a table's columns without running the flow (`dtflw add
// --template`, `learn-columns`): declared columns, a table an earlier run
// left, a source file, or a SQL step's statements described by DuckDB.
export { createTableDescriber } from './describe.js'
export type {
  TableDescriber,
  TableDescriberOptions,
  TableDescription
} from './describe.js'
