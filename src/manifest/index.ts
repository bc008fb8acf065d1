export type {
  Manifest,
  StepSpec,
  InputSpec,
  OutputSpec,
  ArgSpec,
  ColumnSpec,
  SourceSpec
} from './types.js'
export { parseManifest } from './parse.js'
export { isValidStepKey, STEP_KEY_RULE } from './step-key.js'
export type { ParsedManifest } from './parse.js'
export { loadManifest, readManifest } from './load.js'
export { formatPath, schemaErrorsToDiagnostics } from './schema-errors.js'
export type {
  PathSegment,
  SchemaErrorContext,
  SchemaValidator
} from './schema-errors.js'
