export type {
  Lineage,
  LineageStep,
  LineageTable,
  LineageTableKind,
  LineageEdge,
  LineageEdgeKind,
  LineageFlag,
  LineageFlagKind,
  LineageRun,
  LineageDiff,
  NodeChanges,
  DiffEdge
} from './types.js'
export { buildLineage } from './build.js'
export { stepId, tableId } from './registry.js'
export type { BuildLineageOptions } from './build.js'
export { diffLineage, hasChanges } from './diff.js'
export { renderMermaid, MERMAID_MAX_CHARS } from './mermaid.js'
export type { MermaidLevel, MermaidOptions, MermaidResult } from './mermaid.js'
export { renderMarkdown } from './markdown.js'
export type { MarkdownOptions } from './markdown.js'
export { renderLineageSummary, COMMENT_MAX_CHARS } from './summary.js'
export type { SummaryLevel, SummaryOptions, SummaryResult } from './summary.js'
export { buildOpenLineageEvents, renderOpenLineage } from './openlineage.js'
export type {
  OpenLineageEvent,
  OpenLineageDataset,
  OpenLineageFacet,
  OpenLineageOptions
} from './openlineage-context.js'
export { datasetName } from './datasets.js'
export type { DatasetName, DatasetNamingOptions } from './datasets.js'
export { renderLineageJson } from './json.js'
export {
  code,
  codeCell,
  escapeMermaidLabel,
  formatCount,
  formatDuration,
  safeUrl,
  utf8Length
} from './text.js'
export { STEP_STATUS_LABELS } from './markdown-tables.js'
