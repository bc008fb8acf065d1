// The YAML front end of dtflw.yaml and the profiles: text to a tree of
// values that remember their offsets, and offsets to `file:line:column`.
export { parseYamlSource, locateKey, locatePath } from './source.js'
export type { YamlSource } from './source.js'
export { yamlToPlain } from './tree.js'
export type {
  YamlNode,
  YamlMap,
  YamlSeq,
  YamlScalar,
  YamlPair,
  YamlScalarValue
} from './tree.js'
