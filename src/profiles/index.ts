// The public API of profiles: load, validate and explain; the building
// blocks below them are exported for tests and for `dtflw validate`.
export type {
  EngineName,
  ProvenancedValue,
  ResolvedProfile,
  SourceLocationConfig,
  TablesConfig,
  TemplateContext
} from './types.js'
export {
  listProfiles,
  loadProfile,
  openProfiles,
  validateProfiles
} from './load.js'
export type {
  LoadProfileOptions,
  ProfileSet,
  ProfilesLocation,
  ValidateProfilesOptions
} from './load.js'
export { resolveProfile } from './resolve.js'
export type { MergedProfile, ResolveProfileInput } from './resolve.js'
export { explainProfile, renderExplain } from './explain.js'
export type { ExplainRow } from './explain.js'
export { parseProfileFile } from './parse.js'
export type { ExtendsRef, ProfileFile } from './parse.js'
export type {
  ListNode,
  MapNode,
  PathSegment,
  ProfileNode,
  ScalarNode,
  ScalarValue
} from './node.js'
export { mergeProfiles } from './merge.js'
export { interpolateProfile, createExpander } from './template.js'
export type { TemplateScope, ExpanderScope, VariableValue } from './template.js'
export { evaluateTemplate, MAX_TEMPLATE_LENGTH } from './template-eval.js'
export type {
  Evaluated,
  EvaluationScope,
  TemplateSite
} from './template-eval.js'
export { isSecretName, maskSecrets } from './secrets.js'
export { splitTemplate, parseReference } from './template-syntax.js'
export type { TemplatePart, TemplateReference } from './template-syntax.js'
export { parseDotenv, loadDotenv } from './dotenv.js'
export type { Dotenv } from './dotenv.js'
export { PROFILE_SCHEMA } from './schema.js'
export {
  inferFormat,
  isRemoteLocation,
  KNOWN_FORMATS,
  LOCAL_FORMATS,
  LOCAL_CSV_OPTIONS,
  IGNORED_CSV_OPTIONS
} from './formats.js'
