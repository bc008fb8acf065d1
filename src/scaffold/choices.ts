import {
  checkBoolean,
  checkCatalog,
  checkClusterId,
  checkDescription,
  checkHost,
  checkNodeType,
  checkPipelineName,
  checkStorageRoot,
  identifierFrom,
  nodeTypeFor,
  oneOf
} from './checks.js'
import type { Check } from './checks.js'

/**
 * The one table of choices of `npm init dtflw-pipeline`: each row is a prompt
 * and a command-line option, with its default and its check, so the prompts,
 * the options and `--yes` can never disagree.
 */

const COMPUTES = [
  { value: 'serverless', name: 'Serverless (no cluster to manage)' },
  { value: 'existing-cluster', name: 'An existing all-purpose cluster' },
  { value: 'new-cluster', name: 'A new job cluster for each run' }
] as const
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
] as const
const LAYOUTS = [
  { value: 'catalog', name: 'Unity Catalog: a catalog per environment' },
  { value: 'path', name: 'Files under a storage root (dtflw path layout)' }
] as const
const LANGUAGES = [
  { value: 'sql', name: 'SQL' },
  { value: 'python', name: 'Python (PySpark)' }
] as const

/** Where the notebooks run on Databricks. */
export type Compute = (typeof COMPUTES)[number]['value']
/** How the tables are named and placed on Databricks. */
export type Layout = (typeof LAYOUTS)[number]['value']
/** The language of the sample notebooks. */
export type Language = (typeof LANGUAGES)[number]['value']
/** How the workflows sign in to Databricks. */
export type Auth = (typeof AUTHS)[number]['value']

/** The values of a select row, in the table's order. */
export const COMPUTE_VALUES: readonly Compute[] = COMPUTES.map((c) => c.value)
/** The ways to sign in, in the table's order. */
export const AUTH_VALUES: readonly Auth[] = AUTHS.map((c) => c.value)
/** The table layouts, in the table's order. */
export const LAYOUT_VALUES: readonly Layout[] = LAYOUTS.map((c) => c.value)
/** The languages, in the table's order. */
export const LANGUAGE_VALUES: readonly Language[] = LANGUAGES.map(
  (c) => c.value
)

/** Everything the scaffold is made from, checked. */
export interface Answers {
  readonly name: string
  readonly description: string
  /** Empty: the profile reads `${DATABRICKS_HOST}`. */
  readonly hostTest: string
  readonly hostAcceptance: string
  readonly hostProduction: string
  readonly auth: Auth
  readonly compute: Compute
  /** With `existing-cluster`. */
  readonly clusterId: string
  /** With `new-cluster`. */
  readonly nodeType: string
  readonly layout: Layout
  /** With `catalog`. */
  readonly catalogTest: string
  readonly catalogAcceptance: string
  readonly catalogProduction: string
  /** With `path`. */
  readonly storageRoot: string
  readonly language: Language
  readonly samples: boolean
}

/** The answers so far (given, asked or defaulted), not yet checked. */
export type SeenAnswers = Readonly<Partial<Record<keyof Answers, unknown>>>

/**
 * One row: `name` is the answer's key and the Yeoman option; `option` the
 * kebab-case flag of `create-dtflw-pipeline`.
 */
export interface Choice {
  readonly name: keyof Answers
  readonly option: string
  readonly type: 'input' | 'select' | 'confirm'
  readonly message: string
  readonly choices?: readonly {
    readonly value: string
    readonly name: string
  }[]
  readonly default: (a: SeenAnswers, directory: string) => string | boolean
  /** Asked and checked only then. */
  readonly when?: (a: SeenAnswers) => boolean
  /** `true`, or why the value is refused and the rule it breaks. */
  readonly validate: Check
}

/** The row of the catalog of one environment, with the catalog layout. */
function catalogRow(
  name: 'catalogTest' | 'catalogAcceptance' | 'catalogProduction',
  environment: string
): Choice {
  return {
    name,
    option: `catalog-${environment}`,
    type: 'input',
    message: `Catalog of ${environment}`,
    when: (a) => a.layout === 'catalog',
    default: (a) => `${String(a.name)}_${environment}`,
    validate: checkCatalog(`the ${environment} catalog`)
  }
}

/** The rows, in the order they are asked and defaulted. */
export const CHOICES: readonly Choice[] = [
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
    validate: checkDescription
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
    default: (a) => String(a.hostTest ?? ''),
    validate: checkHost('the acceptance host')
  },
  {
    name: 'hostProduction',
    option: 'host-production',
    type: 'input',
    message: 'Databricks workspace URL of production',
    default: (a) => String(a.hostAcceptance ?? ''),
    validate: checkHost('the production host')
  },
  {
    name: 'auth',
    option: 'auth',
    type: 'select',
    message: 'How GitHub Actions signs in to Databricks',
    choices: AUTHS,
    default: () => 'oauth-m2m',
    validate: oneOf(AUTH_VALUES, 'auth')
  },
  {
    name: 'compute',
    option: 'compute',
    type: 'select',
    message: 'Compute for the notebooks on Databricks',
    choices: COMPUTES,
    default: () => 'serverless',
    validate: oneOf(COMPUTE_VALUES, 'compute')
  },
  {
    name: 'clusterId',
    option: 'cluster-id',
    type: 'input',
    message: 'Cluster id (Compute → the cluster → JSON: cluster_id)',
    when: (a) => a.compute === 'existing-cluster',
    default: () => '',
    validate: checkClusterId
  },
  {
    name: 'nodeType',
    option: 'node-type',
    type: 'input',
    message: 'Node type of the job cluster',
    when: (a) => a.compute === 'new-cluster',
    default: (a) => nodeTypeFor(String(a.hostTest ?? '')),
    validate: checkNodeType
  },
  {
    name: 'layout',
    option: 'layout',
    type: 'select',
    message: 'Where the tables live on Databricks',
    choices: LAYOUTS,
    default: () => 'catalog',
    validate: oneOf(LAYOUT_VALUES, 'layout')
  },
  catalogRow('catalogTest', 'test'),
  catalogRow('catalogAcceptance', 'acceptance'),
  catalogRow('catalogProduction', 'production'),
  {
    name: 'storageRoot',
    option: 'storage-root',
    type: 'input',
    message: 'Storage root of the tables (each environment gets a folder)',
    when: (a) => a.layout === 'path',
    default: () => '/Volumes/main/default/dtflw',
    validate: checkStorageRoot
  },
  {
    name: 'language',
    option: 'language',
    type: 'select',
    message: 'Language of the sample notebooks',
    choices: LANGUAGES,
    default: () => 'sql',
    validate: oneOf(LANGUAGE_VALUES, 'language')
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
