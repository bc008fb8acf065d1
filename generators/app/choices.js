// @ts-check
import { URL } from 'node:url'
/**
 * The one table of choices of `npm init dtflw-pipeline`: each row is a prompt
 * and a command-line option, with its default and its check, so the prompts,
 * the options and `--yes` can never disagree.
 */

/** @typedef {'serverless' | 'existing-cluster' | 'new-cluster'} Compute */
/** @typedef {'catalog' | 'path'} Layout */
/** @typedef {'sql' | 'python'} Language */
/** @typedef {'oauth-m2m' | 'github-oidc' | 'pat'} Auth */

/**
 * Everything the scaffold is made from, checked.
 * @typedef {object} Answers
 * @property {string} name
 * @property {string} description
 * @property {string} hostTest Empty: the profile reads `${DATABRICKS_HOST}`.
 * @property {string} hostAcceptance
 * @property {string} hostProduction
 * @property {Auth} auth How the workflows sign in to Databricks.
 * @property {Compute} compute
 * @property {string} clusterId With `existing-cluster`.
 * @property {string} nodeType With `new-cluster`.
 * @property {Layout} layout
 * @property {string} catalogTest With `catalog`.
 * @property {string} catalogAcceptance
 * @property {string} catalogProduction
 * @property {string} storageRoot With `path`.
 * @property {Language} language
 * @property {boolean} samples
 */

/**
 * One row: `name` is the answer's key and the Yeoman option; `option` the
 * kebab-case flag of `create-dtflw-pipeline`.
 * @typedef {object} Choice
 * @property {keyof Answers} name
 * @property {string} option
 * @property {'input' | 'select' | 'confirm'} type
 * @property {string} message
 * @property {readonly { value: string, name: string }[]} [choices]
 * @property {(a: Partial<Answers>, directory: string) => string | boolean} default
 * @property {(a: Partial<Answers>) => boolean} [when] Asked and checked only then.
 * @property {(value: any, a: Partial<Answers>) => true | string} validate
 *   `true`, or why the value is refused and the rule it breaks.
 */

/** The Databricks clouds, recognised by the host, and a small node type on each. */
const NODE_TYPES = [
  { host: /\.azuredatabricks\.net$/, nodeType: 'Standard_D4ds_v5' },
  { host: /\.gcp\.databricks\.com$/, nodeType: 'n2-standard-4' },
  { host: /./, nodeType: 'm5d.large' }
]

/** A small node type on the cloud of `host` (AWS when unknown). */
function nodeTypeFor(/** @type {string} */ host) {
  const hostname = /^https:\/\/([^/:]+)/.exec(host)?.[1] ?? ''
  return NODE_TYPES.find((n) => n.host.test(hostname))?.nodeType ?? 'm5d.large'
}

/**
 * `sales-Pipeline 2` → `sales_pipeline_2`: a pipeline name from a folder name.
 * @param {string} text
 */
export function identifierFrom(text) {
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
 * @param {unknown} value
 * @returns {true | string}
 */
export function checkPipelineName(value) {
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

/**
 * @param {string} what
 * @returns {(value: unknown) => true | string}
 */
function checkHost(what) {
  return (value) => {
    const text = String(value ?? '')
    if (text === '') return true
    let url
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

/**
 * @param {string} what
 * @returns {(value: unknown) => true | string}
 */
function checkCatalog(what) {
  return (value) => {
    const text = String(value ?? '')
    return /^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(text)
      ? true
      : `${what} "${text}" is not a catalog name; use letters, digits and underscores, not starting with a digit (e.g. sales_test).`
  }
}

/**
 * @param {readonly string[]} values
 * @param {string} what
 * @returns {(value: unknown) => true | string}
 */
function oneOf(values, what) {
  return (value) =>
    values.includes(String(value))
      ? true
      : `${what} must be one of ${values.join(', ')}, got "${String(value)}".`
}

/** Options carry strings; prompts and defaults carry booleans. */
function checkBoolean(/** @type {unknown} */ value) {
  return typeof value === 'boolean'
    ? true
    : `samples must be true or false, got "${String(value)}".`
}

const COMPUTE = [
  { value: 'serverless', name: 'Serverless (no cluster to manage)' },
  { value: 'existing-cluster', name: 'An existing all-purpose cluster' },
  { value: 'new-cluster', name: 'A new job cluster for each run' }
]
const AUTHS = [
  {
    value: 'oauth-m2m',
    name: 'A service principal with an OAuth secret (client id and secret)'
  },
  {
    value: 'github-oidc',
    name: 'A service principal through GitHub OIDC federation (nothing stored)'
  },
  { value: 'pat', name: 'A personal access token' }
]
const LAYOUTS = [
  { value: 'catalog', name: 'Unity Catalog: a catalog per environment' },
  { value: 'path', name: 'Files under a storage root (dtflw path layout)' }
]
const LANGUAGES = [
  { value: 'sql', name: 'SQL' },
  { value: 'python', name: 'Python (PySpark)' }
]

const values = (/** @type {readonly {value: string}[]} */ list) =>
  list.map((c) => c.value)

/** @type {readonly Choice[]} */
export const CHOICES = [
  {
    name: 'name',
    option: 'name',
    type: 'input',
    message: 'Pipeline name',
    default: (_a, directory) => identifierFrom(directory),
    validate: checkPipelineName
  },
  {
    name: 'description',
    option: 'description',
    type: 'input',
    message: 'Description',
    default: () =>
      'A Databricks notebook pipeline, tested on every pull request and promoted from test to acceptance to production.',
    validate: (value) =>
      typeof value === 'string' && value.trim() !== '' && !/\n/.test(value)
        ? true
        : 'the description is one line of text.'
  },
  {
    name: 'hostTest',
    option: 'host-test',
    type: 'input',
    message:
      'Databricks workspace URL of test (empty: the DATABRICKS_HOST secret)',
    default: () => '',
    validate: checkHost('the test host')
  },
  {
    name: 'hostAcceptance',
    option: 'host-acceptance',
    type: 'input',
    message: 'Databricks workspace URL of acceptance',
    default: (a) => a.hostTest ?? '',
    validate: checkHost('the acceptance host')
  },
  {
    name: 'hostProduction',
    option: 'host-production',
    type: 'input',
    message: 'Databricks workspace URL of production',
    default: (a) => a.hostAcceptance ?? '',
    validate: checkHost('the production host')
  },
  {
    name: 'auth',
    option: 'auth',
    type: 'select',
    message: 'How GitHub Actions signs in to Databricks',
    choices: AUTHS,
    default: () => 'oauth-m2m',
    validate: oneOf(values(AUTHS), 'auth')
  },
  {
    name: 'compute',
    option: 'compute',
    type: 'select',
    message: 'Compute for the notebooks on Databricks',
    choices: COMPUTE,
    default: () => 'serverless',
    validate: oneOf(values(COMPUTE), 'compute')
  },
  {
    name: 'clusterId',
    option: 'cluster-id',
    type: 'input',
    message: 'Cluster id (Compute → the cluster → JSON: cluster_id)',
    when: (a) => a.compute === 'existing-cluster',
    default: () => '',
    validate: (value) =>
      /^[0-9a-z][0-9a-z-]{5,}$/.test(String(value ?? ''))
        ? true
        : value
          ? `cluster id "${String(value)}" is not a cluster id; write one like 0123-456789-abcdefgh (lowercase letters, digits and dashes).`
          : 'compute existing-cluster needs a cluster id (--cluster-id, e.g. 0123-456789-abcdefgh).'
  },
  {
    name: 'nodeType',
    option: 'node-type',
    type: 'input',
    message: 'Node type of the job cluster',
    when: (a) => a.compute === 'new-cluster',
    default: (a) => nodeTypeFor(a.hostTest ?? ''),
    validate: (value) =>
      /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(String(value ?? ''))
        ? true
        : `node type "${String(value ?? '')}" is not a node type id (e.g. m5d.large, Standard_D4ds_v5).`
  },
  {
    name: 'layout',
    option: 'layout',
    type: 'select',
    message: 'Where the tables live on Databricks',
    choices: LAYOUTS,
    default: () => 'catalog',
    validate: oneOf(values(LAYOUTS), 'layout')
  },
  {
    name: 'catalogTest',
    option: 'catalog-test',
    type: 'input',
    message: 'Catalog of test',
    when: (a) => a.layout === 'catalog',
    default: (a) => `${a.name}_test`,
    validate: checkCatalog('the test catalog')
  },
  {
    name: 'catalogAcceptance',
    option: 'catalog-acceptance',
    type: 'input',
    message: 'Catalog of acceptance',
    when: (a) => a.layout === 'catalog',
    default: (a) => `${a.name}_acceptance`,
    validate: checkCatalog('the acceptance catalog')
  },
  {
    name: 'catalogProduction',
    option: 'catalog-production',
    type: 'input',
    message: 'Catalog of production',
    when: (a) => a.layout === 'catalog',
    default: (a) => `${a.name}_production`,
    validate: checkCatalog('the production catalog')
  },
  {
    name: 'storageRoot',
    option: 'storage-root',
    type: 'input',
    message: 'Storage root of the tables (each environment gets a folder)',
    when: (a) => a.layout === 'path',
    default: () => '/Volumes/main/default/dtflw',
    validate: (value) => {
      const text = String(value ?? '')
      return /^(abfss|wasbs|s3|s3a|gs):\/\/[^/\s]+(\/[^\s]*)?$|^dbfs:\/[^\s]*$|^\/Volumes\/[^\s]+$/.test(
        text
      )
        ? true
        : `storage root "${text}" is not a storage location; use abfss://…, s3://…, gs://…, wasbs://…, dbfs:/… or /Volumes/….`
    }
  },
  {
    name: 'language',
    option: 'language',
    type: 'select',
    message: 'Language of the sample notebooks',
    choices: LANGUAGES,
    default: () => 'sql',
    validate: oneOf(values(LANGUAGES), 'language')
  },
  {
    name: 'samples',
    option: 'samples',
    type: 'confirm',
    message: 'Add the sample notebooks and data',
    default: () => true,
    validate: checkBoolean
  }
]
