/**
 * The checks and derived defaults of the choices of `npm init
 * dtflw-pipeline`: each check returns `true`, or why the value is refused
 * and the rule it breaks.
 */

/** A check of one answer. */
export type Check = (value: unknown) => true | string

/** The Databricks clouds, recognised by the host, and a small node type on each. */
const NODE_TYPES = [
  { host: /\.azuredatabricks\.net$/, nodeType: 'Standard_D4ds_v5' },
  { host: /\.gcp\.databricks\.com$/, nodeType: 'n2-standard-4' },
  { host: /./, nodeType: 'm5d.large' }
]

/** A small node type on the cloud of `host` (AWS when unknown). */
export function nodeTypeFor(host: string): string {
  const hostname = /^https:\/\/([^/:]+)/.exec(host)?.[1] ?? ''
  return NODE_TYPES.find((n) => n.host.test(hostname))?.nodeType ?? 'm5d.large'
}

/** `sales-Pipeline 2` → `sales_pipeline_2`: a pipeline name from a folder name. */
export function identifierFrom(text: string): string {
  const id = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 64)
  return id || 'my_pipeline'
}

/**
 * A pipeline name names the npm package, the workspace folder and, as
 * `${pipeline}`, the Unity Catalog schema, so it is an identifier all three
 * accept without quoting.
 */
export function checkPipelineName(value: unknown): true | string {
  const rule =
    'A pipeline name starts with a lowercase letter and has only lowercase letters, digits and underscores, at most 64 (e.g. sales_orders)'
  const text = String(value ?? '')
  const bad = [...new Set(text.replace(/[a-zA-Z0-9_]/g, ''))]
  const reasons = [
    text === '' && 'it is empty',
    text.length > 64 && `it has ${text.length} characters`,
    /^[0-9_]/.test(text) && `it starts with "${text[0]}"`,
    /[A-Z]/.test(text) && 'it has uppercase letters',
    bad.length > 0 &&
      `${bad.map((c) => JSON.stringify(c)).join(' and ')} ${bad.length > 1 ? 'are' : 'is'} not allowed`
  ].filter(Boolean)
  const why = reasons.length > 0 ? reasons.join('; ') : undefined
  return why
    ? `pipeline name "${text}" is not a valid identifier: ${why}. ${rule}.`
    : true
}

/** A workspace URL, or empty for the DATABRICKS_HOST secret. */
export function checkHost(what: string): Check {
  return (value) => {
    const text = String(value ?? '')
    if (text === '') return true
    let url: URL | undefined
    try {
      url = new URL(text)
    } catch {
      url = undefined
    }
    const ok =
      url &&
      url.protocol === 'https:' &&
      (url.pathname === '/' || url.pathname === '') &&
      !url.search &&
      !url.username
    return ok
      ? true
      : `${what} "${text}" is not a workspace URL; write https://<workspace host>, e.g. https://adb-1234567890123456.7.azuredatabricks.net, or leave it empty to use the DATABRICKS_HOST secret.`
  }
}

/** A Unity Catalog catalog name. */
export function checkCatalog(what: string): Check {
  return (value) => {
    const text = String(value ?? '')
    return /^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(text)
      ? true
      : `${what} "${text}" is not a catalog name; use letters, digits and underscores, not starting with a digit (e.g. sales_test).`
  }
}

/** One of a row's values. */
export function oneOf(values: readonly string[], what: string): Check {
  return (value) =>
    values.includes(String(value))
      ? true
      : `${what} must be one of ${values.join(', ')}, got "${String(value)}".`
}

/** Options carry strings; prompts and defaults carry booleans. */
export function checkBoolean(value: unknown): true | string {
  return typeof value === 'boolean'
    ? true
    : `samples must be true or false, got "${String(value)}".`
}

/** An all-purpose cluster's id. */
export function checkClusterId(value: unknown): true | string {
  if (/^[0-9a-z][0-9a-z-]{5,}$/.test(String(value ?? ''))) return true
  return value
    ? `cluster id "${String(value)}" is not a cluster id; write one like 0123-456789-abcdefgh (lowercase letters, digits and dashes).`
    : 'compute existing-cluster needs a cluster id (--cluster-id, e.g. 0123-456789-abcdefgh).'
}

/** A node type id of the cloud. */
export function checkNodeType(value: unknown): true | string {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(String(value ?? ''))
    ? true
    : `node type "${String(value ?? '')}" is not a node type id (e.g. m5d.large, Standard_D4ds_v5).`
}

/** Where the tables of the path layout live. */
export function checkStorageRoot(value: unknown): true | string {
  const text = String(value ?? '')
  return /^(abfss|wasbs|s3|s3a|gs):\/\/[^/\s]+(\/[^\s]*)?$|^dbfs:\/[^\s]*$|^\/Volumes\/[^\s]+$/.test(
    text
  )
    ? true
    : `storage root "${text}" is not a storage location; use abfss://…, s3://…, gs://…, wasbs://…, dbfs:/… or /Volumes/….`
}

/** The description: one line of text. */
export function checkDescription(value: unknown): true | string {
  return typeof value === 'string' && value.trim() !== '' && !/\n/.test(value)
    ? true
    : 'the description is one line of text.'
}
