import type { Diagnostic } from '../diagnostics/index.js'
import {
  schemaErrorsToDiagnostics,
  type SchemaValidator
} from './schema-errors.js'
import { validate } from './schema-validator.generated.js'
import type { YamlSource } from '../yaml/index.js'
import { locateKey, locatePath } from '../yaml/index.js'

// Compiled when dtflw is built (scripts/compile-schemas.mjs), not per run.
const validateManifest = validate as unknown as SchemaValidator

/**
 * Checks the manifest's shape against the published JSON Schema and turns
 * the errors into diagnostics at the offending key or value.
 */
export function validateManifestShape(
  value: unknown,
  source: YamlSource
): Diagnostic[] {
  if (validateManifest(value)) return []
  return schemaErrorsToDiagnostics(validateManifest.errors ?? [], {
    value,
    subject: 'the manifest',
    locateValue: (path) => locatePath(source, path),
    locateKey: (path) => locateKey(source, path)
  })
}
