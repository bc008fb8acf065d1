import type { ErrorObject } from 'ajv'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import { dedupeDiagnostics, didYouMean, errorAt } from '../diagnostics/index.js'
import { STEP_KEY_RULE } from './step-key.js'

/** A step into a document: a mapping key or a list index. */
export type PathSegment = string | number

/** A JSON Schema validator as ajv compiles it (or its standalone code). */
export interface SchemaValidator {
  (data: unknown): boolean
  errors?: ErrorObject[] | null
}

/** What the translator needs to know about the document it reports on. */
export interface SchemaErrorContext {
  /** The value that was validated, to read the offending values. */
  readonly value: unknown
  /** What the whole document is called in messages, e.g. `the manifest`. */
  readonly subject: string
  /** Where the value at `path` is written (or its closest parent). */
  locateValue(path: readonly PathSegment[]): Location | undefined
  /** Where the key at the end of `path` is written. */
  locateKey(path: readonly PathSegment[]): Location | undefined
  /**
   * How to show the value at `path` instead of echoing it, e.g. `a secret
   * value (from ${TOKEN})`; `undefined` to show it as it is.
   */
  describeValue?(path: readonly PathSegment[]): string | undefined
  /** True for a value that is not judged (a template left unresolved). */
  skip?(path: readonly PathSegment[]): boolean
}

/** `flow[2].outputs[0]`, `sources["a.b"].path`, for messages. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = ''
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else if (/^[A-Za-z0-9_-]+$/.test(s)) out += out ? `.${s}` : s
    else out += `[${JSON.stringify(s)}]`
  }
  return out
}

/**
 * ajv's errors as diagnostics at the offending key or value, the one
 * translation both the manifest and the profiles use. Each message says
 * what is wrong, where, and what is allowed; a repeated one is shown once.
 */
export function schemaErrorsToDiagnostics(
  errors: readonly ErrorObject[],
  context: SchemaErrorContext
): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const error of relevantErrors(errors, context.value)) {
    const path = pathOf(error.instancePath, context.value)
    if (context.skip?.(path)) continue
    const d = toDiagnostic(error, path, context)
    if (d) out.push(d)
  }
  return dedupeDiagnostics(out)
}

function pathOf(pointer: string, value: unknown): PathSegment[] {
  if (!pointer) return []
  const segments: PathSegment[] = []
  let node = value
  for (const raw of pointer.slice(1).split('/')) {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const segment = Array.isArray(node) ? Number(s) : s
    segments.push(segment)
    node = childOf(node, segment)
  }
  return segments
}

function childOf(node: unknown, segment: PathSegment): unknown {
  if (node === null || typeof node !== 'object') return undefined
  return Object.hasOwn(node, segment)
    ? (node as Record<PathSegment, unknown>)[segment]
    : undefined
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let node = value
  for (const s of path) node = childOf(node, s)
  return node
}

const isMapping = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * For `anyOf` (a table name, or a mapping with `name`), ajv reports the
 * failures of every branch. Keep the branch that matches the kind of value
 * the user wrote, so they read one message, not three. An error about a
 * property name is reported once, by its `propertyNames` error.
 */
function relevantErrors(
  errors: readonly ErrorObject[],
  value: unknown
): ErrorObject[] {
  const anyOfPaths = new Set(
    errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath)
  )
  return errors.filter((e) => {
    if (e.keyword === 'anyOf') return false
    if ((e as { propertyName?: string }).propertyName !== undefined)
      return false
    for (const p of anyOfPaths) {
      if (e.instancePath !== p && !e.instancePath.startsWith(`${p}/`)) continue
      const v = valueAt(value, pathOf(p, value))
      const branchIsObject = /\/anyOf\/1\b/.test(e.schemaPath)
      if (e.instancePath === p && e.keyword === 'type') {
        // The "must be string" of the mapping branch, or vice versa.
        return !isMapping(v) && !branchIsObject && typeof v !== 'string'
          ? e.params.type === 'string'
          : false
      }
      if (/\/anyOf\/\d+/.test(e.schemaPath) && isMapping(v) !== branchIsObject)
        return false
    }
    return true
  })
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  array: 'a list',
  object: 'a mapping',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'a boolean'
}

function describe(
  value: unknown,
  path: readonly PathSegment[],
  context: SchemaErrorContext
): string {
  const hidden = context.describeValue?.(path)
  if (hidden) return hidden
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return JSON.stringify(value)
  return String(value)
}

/** `a, b or c` */
function orList(words: readonly string[]): string {
  return words.length > 1
    ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`
    : (words[0] ?? '')
}

/** What a `pattern` asks for, by the schema rule it belongs to. */
function patternRule(schemaPath: string, pattern: string): string {
  if (/tableName|\/sources\/propertyNames/.test(schemaPath))
    return 'a plain table name: no spaces, "/", "\\", ".." or control characters'
  if (/\/key\//.test(schemaPath)) return STEP_KEY_RULE
  if (/\/pipeline\//.test(schemaPath))
    return 'a name of letters, digits, "_", "." and "-", starting with a letter or digit'
  return `text matching ${pattern}`
}

function toDiagnostic(
  e: ErrorObject,
  path: PathSegment[],
  context: SchemaErrorContext
): Diagnostic | undefined {
  const where = formatPath(path) || context.subject
  const extra = { path: formatPath(path) || undefined }
  const valueLocation = () => context.locateValue(path)
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty)
      const parent = e.parentSchema as { properties?: object } | undefined
      const known = Object.keys(parent?.properties ?? {})
      const inside = path.length > 0 ? ` in ${where}` : ''
      const hint = didYouMean(key, known)
      return errorAt(
        'unknown-key',
        `unknown key "${key}"${inside};${hint || ' remove it.'}`,
        context.locateKey([...path, key]),
        {
          detail: `the keys${inside} are: ${known.join(', ')}`,
          path: formatPath([...path, key])
        }
      )
    }
    case 'required':
      return errorAt(
        'missing-key',
        `${where} needs "${e.params.missingProperty}"; add it.`,
        valueLocation(),
        extra
      )
    case 'type': {
      const types = String(e.params.type)
        .split(',')
        .filter((t) => t !== 'null')
      // "true or false" reads well alone, "a boolean" in a list.
      const expected =
        types.length === 1 && types[0] === 'boolean'
          ? 'true or false'
          : orList(types.map((t) => TYPE_WORDS[t] ?? `a ${t}`))
      const tableHint = /\.(inputs|outputs)\[\d+\]$/.test(where)
        ? ' (a table name, or a mapping with "name")'
        : ''
      const got = describe(valueAt(context.value, path), path, context)
      return errorAt(
        'wrong-type',
        `${where} must be ${expected}${tableHint}, got ${got}.`,
        valueLocation(),
        extra
      )
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[])
        .filter((v) => v !== null)
        .map(String)
      const value = valueAt(context.value, path)
      const got = describe(value, path, context)
      const hidden = context.describeValue?.(path) !== undefined
      const hint = hidden ? '' : didYouMean(String(value), allowed)
      return errorAt(
        'invalid-value',
        `${where} must be one of ${allowed.join(', ')}, got ${got}${hint ? `;${hint}` : '.'}`,
        valueLocation(),
        extra
      )
    }
    case 'minLength':
      return errorAt(
        'empty-value',
        `${where} must not be empty.`,
        valueLocation(),
        extra
      )
    case 'pattern': {
      const got = describe(valueAt(context.value, path), path, context)
      const rule = patternRule(e.schemaPath, String(e.params.pattern))
      return errorAt(
        'invalid-name',
        `${where} must be ${rule}, got ${got}.`,
        valueLocation(),
        extra
      )
    }
    case 'propertyNames': {
      const key = String(e.params.propertyName)
      const rule = /variables/.test(e.schemaPath)
        ? `letters, digits and _ (it is written \${var.${key}})`
        : patternRule(e.schemaPath, '')
      return errorAt(
        'invalid-name',
        `${JSON.stringify(key)} in ${where} is not a valid name; use ${rule}.`,
        context.locateKey([...path, key]),
        { path: formatPath([...path, key]) }
      )
    }
    case 'uniqueItems':
      return errorAt(
        'duplicate-item',
        `${where} lists the same value twice (items ${e.params.j} and ${e.params.i}); remove one.`,
        valueLocation(),
        extra
      )
    default:
      return errorAt(
        'invalid-value',
        `${where} ${e.message ?? 'is not valid'}.`,
        valueLocation(),
        extra
      )
  }
}
