import { UsageError } from '../../diagnostics/index.js'
import type { Location } from '../../diagnostics/index.js'
import type { Plan } from '../../flow/index.js'
import { previewSchema } from '../../flow/index.js'
import { DatabricksApiError } from './api/index.js'
import type { CallOptions, DatabricksClient } from './api/index.js'

/**
 * Where a profile's previews put their tables when dtflw places them
 * (catalog layout, `flow/preview.ts`): the environment's catalog and
 * schema, and where the profile sets the catalog, for messages.
 */
export interface PreviewPlacement {
  readonly catalog: string
  readonly schema: string
  /** `tables.catalog`'s `file:line`, when known. */
  readonly catalogAt?: Location
}

/** The schema dtflw makes for one preview's tables, and drops with it. */
export interface PreviewSchema {
  readonly catalog: string
  readonly name: string
  /** `catalog.schema`. */
  readonly fullName: string
  /** What the schema is created with; cleanup drops only schemas that carry it. */
  readonly comment: string
}

/** Every schema dtflw makes is created with a comment beginning so. */
const MARK = 'dtflw preview '

/** The schema of a preview: `sales` and `pr-42` → `<catalog>.sales__pr_42`. */
export function planPreviewSchema(
  placement: PreviewPlacement,
  preview: string
): PreviewSchema {
  const name = previewSchema(placement.schema, preview)
  return {
    catalog: placement.catalog,
    name,
    fullName: `${placement.catalog}.${name}`,
    comment: `${MARK}${preview}: the pull request's tables, made by dtflw; dtflw cleanup --preview ${preview} drops it.`
  }
}

/** Whether a step of the plan writes a table into the schema. */
export function writesInto(plan: Plan, schema: PreviewSchema): boolean {
  const prefix = `${schema.fullName.toLowerCase()}.`
  return plan.steps.some((step) =>
    step.outputs.some(
      (o) =>
        o.location.kind === 'table' &&
        o.location.name.toLowerCase().startsWith(prefix)
    )
  )
}

/**
 * Makes the preview's schema unless it exists (one GET when it does). A
 * catalog that does not exist is the profile's mistake (exit 2); anything
 * else the workspace refuses (a missing CREATE_SCHEMA) is a platform
 * failure (exit 3) that names the privilege.
 */
export async function ensurePreviewSchema(
  client: DatabricksClient,
  schema: PreviewSchema,
  placement: PreviewPlacement,
  options: CallOptions = {}
): Promise<'created' | 'exists'> {
  if (await client.catalog.trySchema(schema.fullName, options)) return 'exists'
  try {
    await client.catalog.createSchema(
      { catalog: schema.catalog, name: schema.name, comment: schema.comment },
      options
    )
    return 'created'
  } catch (error) {
    if (!(error instanceof DatabricksApiError)) throw error
    // Another run of the same preview made it in between.
    if (error.category === 'conflict') return 'exists'
    if (error.errorCode === 'CATALOG_DOES_NOT_EXIST')
      throw new UsageError(
        `the catalog "${schema.catalog}" (tables.catalog) does not exist in the workspace, or the identity cannot see it, so the preview's schema ${schema.fullName} cannot be made; create the catalog, grant USE_CATALOG on it, or point tables.catalog at one that exists.`,
        placement.catalogAt
      )
    throw error
  }
}

/**
 * Drops a preview's schema and its tables, but only one dtflw made (its
 * comment says so): a schema someone made by hand under the same name
 * is kept, and said to be.
 */
export async function dropPreviewSchema(
  client: DatabricksClient,
  schema: PreviewSchema,
  options: CallOptions = {}
): Promise<'dropped' | 'missing' | 'not-ours'> {
  const found = await client.catalog.trySchema(schema.fullName, options)
  if (!found) return 'missing'
  if (!(found.comment ?? '').startsWith(MARK)) return 'not-ours'
  try {
    await client.catalog.deleteSchema(schema.fullName, {
      ...options,
      force: true
    })
    return 'dropped'
  } catch (error) {
    if (error instanceof DatabricksApiError && error.category === 'not-found')
      return 'missing'
    throw error
  }
}
