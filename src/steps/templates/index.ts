export {
  findTemplate,
  listTemplates,
  planTemplate,
  templateNames
} from './catalog.js'
export { knownColumns } from './columns.js'
export type { DescribeTable, TableDescription } from './columns.js'
export {
  fillTemplate,
  readTemplate,
  rewrapMarkdown,
  wrapWords
} from './fill.js'
export { PYTHON_TABLE_HELPERS } from './python-helpers.js'
export { capitalized, output } from './support.js'
export type {
  EtlTemplate,
  KnownColumn,
  Language,
  ListedTable,
  NotebookTemplate,
  Planned,
  TemplatePlan,
  UnknownColumns
} from './types.js'
