import { didYouMean } from '../diagnostics/index.js'
import type { Checker } from './checker.js'
import type { PathSegment, ProfileNode } from './node.js'

/**
 * What a field of a Jobs API cluster spec holds: a nested object of known
 * fields, a list of such objects, a free map (Spark conf, tags), an
 * integer, one of a set of words, or anything else (not judged).
 */
type FieldSpec =
  | { readonly object: Readonly<Record<string, FieldSpec>> }
  | { readonly listOf: Readonly<Record<string, FieldSpec>> }
  | 'map'
  | 'integer'
  | { readonly oneOf: readonly string[] }
  | 'any'

const ANY = 'any'
const fields = (...names: string[]): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((name) => [name, ANY]))

/**
 * The fields of `new_cluster` (`compute.ClusterSpec` of the Databricks
 * SDKs, v0.175): the Jobs API refuses a run whose cluster spec has any
 * other, but only at submit, after the deploy.
 */
const CLUSTER_SPEC: Readonly<Record<string, FieldSpec>> = {
  ...fields(
    'apply_policy_default_values',
    'cluster_name',
    'dependency_mode',
    'driver_instance_pool_id',
    'driver_node_type_flexibility',
    'driver_node_type_id',
    'enable_elastic_disk',
    'enable_local_disk_encryption',
    'instance_pool_id',
    'is_single_node',
    'kind',
    'node_type_id',
    'policy_id',
    'single_user_name',
    'spark_version',
    'ssh_public_keys',
    'use_ml_runtime',
    'worker_node_type_flexibility'
  ),
  autoscale: {
    object: { min_workers: 'integer', max_workers: 'integer' }
  },
  autotermination_minutes: 'integer',
  num_workers: 'integer',
  remote_disk_throughput: 'integer',
  total_initial_remote_disk_size: 'integer',
  custom_tags: 'map',
  spark_conf: 'map',
  spark_env_vars: 'map',
  data_security_mode: {
    oneOf: [
      'DATA_SECURITY_MODE_AUTO',
      'DATA_SECURITY_MODE_DEDICATED',
      'DATA_SECURITY_MODE_STANDARD',
      'LEGACY_PASSTHROUGH',
      'LEGACY_SINGLE_USER',
      'LEGACY_SINGLE_USER_STANDARD',
      'LEGACY_TABLE_ACL',
      'NONE',
      'SINGLE_USER',
      'USER_ISOLATION'
    ]
  },
  runtime_engine: { oneOf: ['NULL', 'PHOTON', 'STANDARD'] },
  aws_attributes: {
    object: fields(
      'availability',
      'ebs_volume_count',
      'ebs_volume_iops',
      'ebs_volume_size',
      'ebs_volume_throughput',
      'ebs_volume_type',
      'first_on_demand',
      'instance_profile_arn',
      'spot_bid_price_percent',
      'zone_id'
    )
  },
  azure_attributes: {
    object: fields(
      'availability',
      'capacity_reservation_group',
      'first_on_demand',
      'log_analytics_info',
      'spot_bid_max_price'
    )
  },
  gcp_attributes: {
    object: fields(
      'availability',
      'boot_disk_size',
      'confidential_compute_type',
      'first_on_demand',
      'google_service_account',
      'local_ssd_count',
      'use_preemptible_executors',
      'zone_id'
    )
  },
  docker_image: {
    object: {
      url: ANY,
      basic_auth: { object: fields('username', 'password') }
    }
  },
  workload_type: {
    object: { clients: { object: fields('jobs', 'notebooks') } }
  },
  cluster_log_conf: { object: fields('dbfs', 's3', 'volumes') },
  init_scripts: {
    listOf: fields('abfss', 'dbfs', 'file', 'gcs', 's3', 'volumes', 'workspace')
  }
}

/**
 * `compute.new_cluster` as the Jobs API reads it: every field is one it
 * knows (a misspelt one is reported at its key, with the closest name),
 * and the integer and enumerated ones hold what it accepts. A value left
 * unresolved offline is not judged.
 */
export function checkClusterSpec(c: Checker): void {
  const at = ['compute', 'new_cluster']
  const node = c.node(at)
  if (node?.kind === 'map') checkObject(c, node, at, CLUSTER_SPEC)
}

function checkObject(
  c: Checker,
  node: ProfileNode & { kind: 'map' },
  at: readonly PathSegment[],
  known: Readonly<Record<string, FieldSpec>>
): void {
  for (const [key, value] of node.entries) {
    const here = [...at, key]
    const spec = Object.hasOwn(known, key) ? known[key] : undefined
    if (spec === undefined) {
      const hint = didYouMean(key, Object.keys(known))
      c.reportKey(
        'unknown-cluster-field',
        `${dotted(here)} is not a field of a Databricks cluster spec, and the Jobs API would refuse the run at submit;${hint || ` its fields are: ${Object.keys(known).sort().join(', ')}`}`,
        here
      )
      continue
    }
    checkValue(c, value, here, spec)
  }
}

function checkValue(
  c: Checker,
  node: ProfileNode,
  at: readonly PathSegment[],
  spec: FieldSpec
): void {
  if (spec === 'any' || c.unresolved(at)) return
  if (node.kind === 'scalar' && node.value === null) return
  if (spec === 'map') {
    if (node.kind !== 'map')
      c.report(
        'cluster-field-type',
        `${dotted(at)} must be a mapping of names to values`,
        at
      )
    return
  }
  if (spec === 'integer') {
    if (node.kind !== 'scalar' || !Number.isInteger(node.value))
      c.report(
        'cluster-field-type',
        `${dotted(at)} must be a whole number, got ${c.shown(at)}`,
        at
      )
    return
  }
  if ('oneOf' in spec) {
    const value = node.kind === 'scalar' ? String(node.value) : ''
    if (!spec.oneOf.includes(value)) {
      const hint = didYouMean(value, spec.oneOf)
      c.report(
        'cluster-field-value',
        `${dotted(at)} ${c.shown(at)} is not one the Jobs API accepts;${hint || ` use one of ${spec.oneOf.join(', ')}`}`,
        at
      )
    }
    return
  }
  if ('object' in spec) {
    if (node.kind === 'map') checkObject(c, node, at, spec.object)
    else c.report('cluster-field-type', `${dotted(at)} must be a mapping`, at)
    return
  }
  if (node.kind !== 'list') {
    c.report('cluster-field-type', `${dotted(at)} must be a list`, at)
    return
  }
  node.items.forEach((item, index) => {
    if (item.kind === 'map') checkObject(c, item, [...at, index], spec.listOf)
  })
}

function dotted(at: readonly PathSegment[]): string {
  return at
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('')
}
