import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import type { Diagnostic } from '../diagnostics/index.js'
import { didYouMean, errorAt } from '../diagnostics/index.js'
import schema from '../../schemas/dtflw.schema.json' with { type: 'json' }
import { locateKey, locatePath, type YamlSource } from './yaml-source.js'

let compiled: ValidateFunction | undefined

function validator(): ValidateFunction {
  compiled ??= new Ajv({
    allErrors: true,
    strict: false,
    verbose: true
  }).compile(schema)
  return compiled
}

/** The published JSON Schema of `dtflw.yaml`. */
export const manifestSchema = schema

/**
 * Checks the manifest's shape against the published JSON Schema and turns
 * ajv's errors into diagnostics at the offending key or value.
 */
export function validateManifestShape(
  value: unknown,
  source: YamlSource
): Diagnostic[] {
  const validate = validator()
  if (validate(value)) return []
  const errors = relevantErrors(validate.errors ?? [], value)
  const seen = new Set<string>()
  const diagnostics: Diagnostic[] = []
  for (const e of errors) {
    const d = toDiagnostic(e, value, source)
    const id = `${d.location?.line}:${d.location?.column}:${d.summary}`
    if (seen.has(id)) continue
    seen.add(id)
    diagnostics.push(d)
  }
  return diagnostics
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return []
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

/** `flow[2].outputs[0]` for messages. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('')
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value
  for (const s of path) v = (v as Record<string | number, unknown>)?.[s]
  return v
}

/**
 * For `anyOf` (a table name, or a mapping with `name`), ajv reports the
 * failures of every branch. Keep the branch that matches the kind of value
 * the user wrote, so they read one message, not three.
 */
function relevantErrors(errors: ErrorObject[], value: unknown): ErrorObject[] {
  const anyOfPaths = new Set(
    errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath)
  )
  return errors.filter((e) => {
    if (e.keyword === 'anyOf') return false
    for (const p of anyOfPaths) {
      if (e.instancePath !== p && !e.instancePath.startsWith(`${p}/`)) continue
      const v = valueAt(value, pathOf(p))
      const isObject = typeof v === 'object' && v !== null && !Array.isArray(v)
      const branchIsObject = /\/anyOf\/1\b/.test(e.schemaPath)
      if (e.instancePath === p && e.keyword === 'type') {
        // The "must be string" of the mapping branch, or vice versa.
        return !isObject && !branchIsObject && typeof v !== 'string'
          ? e.params.type === 'string'
          : false
      }
      if (/\/anyOf\/\d+/.test(e.schemaPath) && isObject !== branchIsObject) {
        return false
      }
    }
    return true
  })
}

function toDiagnostic(
  e: ErrorObject,
  value: unknown,
  source: YamlSource
): Diagnostic {
  const path = pathOf(e.instancePath)
  const where = formatPath(path) || 'the manifest'
  const at = locatePath(source, path)
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty)
      const parentSchema = e.parentSchema as { properties?: object }
      const known = Object.keys(parentSchema?.properties ?? {})
      return errorAt(
        'unknown-key',
        `unknown key "${key}" in ${where};${didYouMean(key, known) || ` the keys are: ${known.join(', ')}.`}`,
        locateKey(source, [...path, key]),
        { path: formatPath([...path, key]) }
      )
    }
    case 'required':
      return errorAt(
        'missing-key',
        `${where} needs "${e.params.missingProperty}"; add it.`,
        at,
        { path: where }
      )
    case 'type': {
      const got = describe(valueAt(value, path))
      const expected = String(e.params.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? `a ${t}`)
        .join(' or ')
      const tableHint = /\.(inputs|outputs)\[\d+\]$/.test(where)
        ? ' (a table name, or a mapping with "name")'
        : ''
      return errorAt(
        'wrong-type',
        `${where} must be ${expected}${tableHint}, got ${got}.`,
        at,
        { path: where }
      )
    }
    case 'minLength':
      return errorAt('empty-name', `${where} must not be empty.`, at, {
        path: where
      })
    case 'pattern': {
      const got = JSON.stringify(valueAt(value, path))
      const rule = /tableName/.test(e.schemaPath)
        ? 'a table name without spaces'
        : /key/.test(e.schemaPath)
          ? 'letters, digits, "_" and "-" only'
          : `match ${e.params.pattern}`
      return errorAt('bad-name', `${where} must be ${rule}, got ${got}.`, at, {
        path: where
      })
    }
    case 'uniqueItems':
      return errorAt(
        'duplicate-item',
        `${where} lists the same value twice (items ${e.params.j} and ${e.params.i}); remove one.`,
        at,
        { path: where }
      )
    default:
      return errorAt('schema', `${where} ${e.message ?? 'is not valid'}.`, at, {
        path: where
      })
  }
}

const TYPE_WORDS: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty'
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  return `${typeof v} ${JSON.stringify(v)}`
}
