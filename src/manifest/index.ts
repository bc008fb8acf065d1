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
export type { ParsedManifest } from './parse.js'
export { loadManifest, readManifest } from './load.js'
export { manifestSchema, formatPath } from './schema.js'
export {
  parseYamlSource,
  locateNode,
  locateKey,
  locatePath,
  locateOffset,
  nodeAt
} from './yaml-source.js'
export type { YamlSource } from './yaml-source.js'
