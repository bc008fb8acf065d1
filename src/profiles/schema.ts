import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { didYouMean, errorAt } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import type { MapNode, PathSegment, ProfileNode } from './node.js'
import {
  formatPath,
  keyLocationAt,
  locationAt,
  nodeAt,
  toPlain
} from './node.js'

type Schema = Record<string, unknown>

/** In a file `null` deletes what a parent set, so every setting allows it. */
function nullable(schema: Schema): Schema {
  if (Array.isArray(schema.enum)) {
    return { ...schema, enum: [...schema.enum, null] }
  }
  const type = schema.type as string | string[]
  return { ...schema, type: [...(Array.isArray(type) ? type : [type]), 'null'] }
}

const text = (description: string, extra: Schema = {}): Schema =>
  nullable({ type: 'string', minLength: 1, description, ...extra })

const scalarMap = (description: string): Schema =>
  nullable({
    type: 'object',
    description,
    additionalProperties: nullable({ type: ['string', 'number', 'boolean'] })
  })

/**
 * The JSON Schema of one profile file, published as
 * `schemas/profile.schema.json` for editor completion. It describes a
 * single file, so nothing is required here: a value may come from a parent.
 * What a merged profile needs is checked in `buildResolvedProfile`.
 */
export const PROFILE_SCHEMA: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'dtflw profile',
  description:
    'One environment of a dtflw pipeline (profiles/<name>.yaml). Values may use ${ENV}, ${ENV:-default}, ${var.name}, ${profile}, ${pipeline}, ${git.sha} and ${preview}; inside { … } quote them.',
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: {
      description:
        'Parent profiles, merged in order before this one: maps merge, scalars and lists replace, null deletes.',
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 } }
      ]
    },
    variables: nullable({
      type: 'object',
      description:
        'Values referenced as ${var.name} in this profile and in dtflw.yaml.',
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      additionalProperties: nullable({ type: ['string', 'number', 'boolean'] })
    }),
    engine: nullable({
      description: 'Where the flow runs (default local).',
      enum: ['local', 'databricks']
    }),
    tables: nullable({
      type: 'object',
      description: 'How logical table names become physical locations.',
      additionalProperties: false,
      properties: {
        layout: nullable({
          description:
            'path: <root>/<notebook>/<table>.<format>; catalog: <catalog>.<schema>.<table> (default path).',
          enum: ['path', 'catalog']
        }),
        root: text(
          'layout path: dbfs:/…, abfss://…, wasbs://…, s3://…, /Volumes/… or a local folder.'
        ),
        format: text(
          'File format of the tables (layout path: default parquet).',
          {
            examples: ['parquet', 'delta', 'csv', 'json']
          }
        ),
        catalog: text('layout catalog: the Unity Catalog catalog.'),
        schema: text('layout catalog: the schema inside the catalog.')
      }
    }),
    sources: nullable({
      type: 'object',
      description:
        'Where each source of dtflw.yaml lives in this environment: { path, format } or { table }.',
      additionalProperties: nullable({
        type: 'object',
        additionalProperties: false,
        properties: {
          path: text(
            'A file or folder; relative paths are under the repository.'
          ),
          format: text(
            'csv, parquet or json; inferred from the extension when absent.',
            {
              examples: ['csv', 'parquet', 'json']
            }
          ),
          options: scalarMap('Reader options, e.g. { header: true }.'),
          table: text('A catalog table: <catalog>.<schema>.<table>.')
        }
      })
    }),
    workspace: nullable({
      type: 'object',
      description:
        'The Databricks workspace (engine databricks). Credentials never live here: use DATABRICKS_* environment variables.',
      additionalProperties: false,
      properties: {
        host: text('https://<workspace>; DATABRICKS_HOST when absent.'),
        root: text(
          'Folder the notebooks are deployed to, e.g. /Workspace/Shared/dtflw/${pipeline}/${profile}.'
        ),
        profile: text('A profile of ~/.databrickscfg to authenticate with.')
      }
    }),
    compute: nullable({
      type: 'object',
      description:
        'Compute for notebook tasks: one of serverless, existing_cluster_id or new_cluster.',
      additionalProperties: false,
      properties: {
        serverless: nullable({ type: 'boolean' }),
        existing_cluster_id: text('Run on this all-purpose cluster.'),
        new_cluster: nullable({
          type: 'object',
          description:
            'A Jobs API cluster spec (spark_version, node_type_id, …).'
        })
      }
    }),
    python: text(
      'Local engine: the Python interpreter for Python notebooks (default python3, resolved once per run; DTFLW_PYTHON wins).'
    ),
    sandbox: nullable({
      description:
        'Local engine: how Python steps are isolated. standard: clean environment, undeclared table writes fail the step; strict: also a bwrap mount namespace where only the repository and the inputs are readable and only the outputs writable (default standard).',
      enum: ['standard', 'strict']
    }),
    timeout_seconds: nullable({
      type: 'integer',
      minimum: 0,
      description:
        'Databricks engine: the run is cancelled after this many seconds (0 or absent: no timeout).'
    }),
    promotion: nullable({
      type: 'object',
      description:
        "For an environment after the first of the manifest's promotion chain: how builds reach it.",
      additionalProperties: false,
      properties: {
        direct: nullable({
          type: 'boolean',
          description:
            'Allow plain deploy and run here (default false: only dtflw promote, with what passed the previous environment).'
        }),
        from_branches: nullable({
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description:
            'A promoted commit must be reachable from one of these branches, e.g. [main].'
        })
      }
    })
  }
}

let validator: ValidateFunction | undefined

/** Compiled on first use, never at import time (R3). */
function compiled(): ValidateFunction {
  validator ??= new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true
  }).compile(PROFILE_SCHEMA)
  return validator
}

/**
 * Checks a merged profile against `PROFILE_SCHEMA` and points each problem
 * at the YAML that wrote the offending value. A value left unresolved for
 * offline validation is not judged: its real value is not known.
 */
export function checkProfileSchema(tree: MapNode): Diagnostic[] {
  const validate = compiled()
  if (validate(toPlain(tree))) return []
  const out: Diagnostic[] = []
  for (const error of validate.errors ?? []) {
    const d = toDiagnostic(tree, error)
    if (d) out.push(d)
  }
  return out
}

function segmentsOf(tree: MapNode, pointer: string): PathSegment[] {
  const segments: PathSegment[] = []
  for (const raw of pointer.split('/').slice(1)) {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const parent = nodeAt(tree, segments)
    segments.push(parent?.kind === 'list' ? Number(s) : s)
  }
  return segments
}

const shown = (node: ProfileNode | undefined): string => {
  if (!node) return 'nothing'
  if (node.kind === 'map') return 'a mapping'
  if (node.kind === 'list') return 'a list'
  const v = node.value
  return typeof v === 'string' ? JSON.stringify(v) : String(v)
}

function toDiagnostic(
  tree: MapNode,
  error: ErrorObject
): Diagnostic | undefined {
  const segments = segmentsOf(tree, error.instancePath)
  const node = nodeAt(tree, segments)
  const where = formatPath(segments)
  const path = where || undefined
  if (node?.kind === 'scalar' && node.unresolved) return undefined
  const valueAt = node?.from[0] ?? locationAt(tree, segments)
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty)
      const known = Object.keys(
        (error.parentSchema?.properties as Schema | undefined) ?? {}
      )
      const inside = where ? ` in ${where}` : ''
      return errorAt(
        'unknown-key',
        `unknown key "${key}"${inside};${didYouMean(key, known) || ` remove it.`}`,
        keyLocationAt(tree, [...segments, key]),
        {
          detail: `the keys${inside} are: ${known.join(', ')}`,
          path: formatPath([...segments, key])
        }
      )
    }
    case 'propertyNames': {
      const key = String(error.params.propertyName)
      return errorAt(
        'invalid-name',
        `"${key}" in ${where} is not a valid name; use letters, digits and _ (it is written \${var.${key}})`,
        keyLocationAt(tree, [...segments, key]),
        { path: formatPath([...segments, key]) }
      )
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[])
        .filter((v) => v !== null)
        .map(String)
      const value = node?.kind === 'scalar' ? String(node.value) : ''
      const hint = didYouMean(value, allowed)
      return errorAt(
        'invalid-value',
        `${where} must be one of ${allowed.join(', ')}, got ${shown(node)}${hint ? `;${hint}` : ''}`,
        valueAt,
        { path }
      )
    }
    case 'type': {
      const types = String(error.params.type)
        .split(',')
        .filter((t) => t !== 'null')
        .map((t) =>
          t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`
        )
      const expected =
        types.length > 1
          ? `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}`
          : types[0]
      return errorAt(
        'invalid-type',
        `${where || 'the profile'} must be ${expected}, got ${shown(node)}`,
        valueAt,
        { path }
      )
    }
    case 'minLength':
      return errorAt('empty-value', `${where} must not be empty`, valueAt, {
        path
      })
    case 'pattern':
    case 'anyOf':
      // `pattern` only guards propertyNames, reported above; `anyOf` only
      // guards `extends`, which the loader takes out of the tree.
      return undefined
    default:
      return errorAt(
        'invalid-value',
        `${where || 'the profile'} ${error.message ?? 'is invalid'}`,
        valueAt,
        { path }
      )
  }
}
