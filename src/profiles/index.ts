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
  validateProfiles,
  resolveProfile
} from './load.js'
export type {
  LoadProfileOptions,
  ProfilesLocation,
  ResolveProfileInput,
  ValidateProfilesOptions
} from './load.js'
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
export { interpolateProfile, isSecretName } from './template.js'
export { splitTemplate } from './template-syntax.js'
export type { TemplatePart } from './template-syntax.js'
export type { TemplateScope } from './template.js'
export { parseDotenv, loadDotenv } from './dotenv.js'
export type { Dotenv } from './dotenv.js'
export { PROFILE_SCHEMA } from './schema.js'
export { inferFormat } from './resolved-profile.js'
