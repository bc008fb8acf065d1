import type { Diagnostic } from '../diagnostics/index.js'
import { schemaErrorsToDiagnostics } from '../manifest/index.js'
import type { SchemaValidator } from '../manifest/index.js'
import type { MapNode, ProfileNode } from './node.js'
import { keyLocationAt, locationAt, nodeAt, toPlain } from './node.js'
import { validate } from './schema-validator.generated.js'

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
        schema: text('layout catalog: the schema inside the catalog.'),
        preview: nullable({
          description:
            "Where a preview (--preview NAME) writes its tables: isolated (default) beside the environment's own, under <root>/previews/<name> or in the schema <schema>__<name>; shared: over the environment's own tables.",
          enum: ['isolated', 'shared']
        })
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
        'Databricks engine: the run is cancelled after this many seconds; local engine: a step that runs longer fails (0 or absent: no timeout).'
    }),
    diff: {
      type: ['object', 'boolean', 'null'],
      description:
        "The data diff of a preview's run (--preview): each table it wrote compared with the environment's own; false: none.",
      additionalProperties: false,
      properties: {
        max_rows: {
          type: 'integer',
          minimum: 1,
          description:
            "Rows of a table's two sides together above which they are counted and their columns compared, but rows are not matched by key (default 100000000)."
        },
        timeout_seconds: {
          type: 'integer',
          minimum: 1,
          description:
            'Tables not begun after this many seconds of comparing are reported as not compared (default 600).'
        }
      }
    },
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
    }),
    secrets: nullable({
      type: 'array',
      description:
        'Environment variables whose values are secret though their names do not say so; names with TOKEN, SECRET, PASSWORD, KEY or CREDENTIAL always are. Their values are masked in every output.',
      items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }
    })
  }
}

// Compiled when dtflw is built (scripts/compile-schemas.mjs) from
// schemas/profile.schema.json, which a test keeps equal to PROFILE_SCHEMA.
const validateProfile = validate as unknown as SchemaValidator

/**
 * Checks a merged profile against `PROFILE_SCHEMA` and points each problem
 * at the YAML that wrote the offending value. A value left unresolved for
 * offline validation is not judged: its real value is not known. A secret
 * value is never echoed: the message names the variables it came from.
 */
export function checkProfileSchema(
  tree: MapNode,
  value: unknown = toPlain(tree)
): Diagnostic[] {
  if (validateProfile(value)) return []
  return schemaErrorsToDiagnostics(validateProfile.errors ?? [], {
    value,
    subject: 'the profile',
    locateValue: (path) => {
      const node = nodeAt(tree, path)
      return node?.from[0] ?? locationAt(tree, path)
    },
    locateKey: (path) => keyLocationAt(tree, path),
    describeValue: (path) => {
      const node = nodeAt(tree, path)
      return node ? secretDescription(node) : undefined
    },
    skip: (path) => {
      const node = nodeAt(tree, path)
      return node?.kind === 'scalar' && node.unresolved === true
    }
  })
}

/** `a secret value (from ${DATABRICKS_TOKEN})`, for a node built from secrets. */
export function secretDescription(node: ProfileNode): string | undefined {
  if (node.kind !== 'scalar' || !node.secret) return undefined
  const names = (node.env ?? []).map((n) => `\${${n}}`).join(', ')
  return names ? `a secret value (from ${names})` : 'a secret value'
}
