import { ApiFailure, invalid } from './respond.js'

const TASK_KEY = /^[\w-]+$/

/** The fields of a cluster spec (`compute.ClusterSpec`, SDK v0.175). */
const CLUSTER_FIELDS = new Set([
  'apply_policy_default_values',
  'autoscale',
  'autotermination_minutes',
  'aws_attributes',
  'azure_attributes',
  'cluster_log_conf',
  'cluster_name',
  'custom_tags',
  'data_security_mode',
  'dependency_mode',
  'docker_image',
  'driver_instance_pool_id',
  'driver_node_type_flexibility',
  'driver_node_type_id',
  'enable_elastic_disk',
  'enable_local_disk_encryption',
  'gcp_attributes',
  'init_scripts',
  'instance_pool_id',
  'is_single_node',
  'kind',
  'node_type_id',
  'num_workers',
  'policy_id',
  'remote_disk_throughput',
  'runtime_engine',
  'single_user_name',
  'spark_conf',
  'spark_env_vars',
  'spark_version',
  'ssh_public_keys',
  'total_initial_remote_disk_size',
  'use_ml_runtime',
  'worker_node_type_flexibility',
  'workload_type'
])

/** Tasks one job or one-time run may hold. */
const MAX_TASKS = 1000

/** Checks a submit body as the Jobs service does. */
export function validateSubmit(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null)
    throw new ApiFailure(
      400,
      'MALFORMED_REQUEST',
      'Could not parse request object: expected a JSON object.'
    )
  const request = body as Record<string, unknown>
  if (request.job_clusters !== undefined)
    throw invalid(
      'job_clusters is not supported in runs/submit; give each task a new_cluster or existing_cluster_id.'
    )
  const token = request.idempotency_token
  if (token !== undefined && (typeof token !== 'string' || token.length > 64))
    throw invalid(
      'idempotency_token must be a string of at most 64 characters.'
    )
  const list = request.tasks
  if (!Array.isArray(list) || list.length === 0)
    throw invalid('At least one task is required.')
  if (list.length > MAX_TASKS)
    throw invalid(
      `A job can have at most ${MAX_TASKS} tasks, got ${list.length}.`
    )
  const keys = new Set<string>()
  for (const raw of list) {
    const task = (raw ?? {}) as Record<string, unknown>
    const key = task.task_key
    if (typeof key !== 'string' || key === '')
      throw invalid('Task key is required for every task.')
    if (!TASK_KEY.test(key) || key.length > 100)
      throw invalid(
        `Invalid task key '${key}': a task key must match ^[\\w\\-]+$ and be at most 100 characters.`
      )
    if (keys.has(key))
      throw invalid(`Task key '${key}' is used by more than one task.`)
    keys.add(key)
    const cluster = task.new_cluster
    if (
      cluster !== undefined &&
      typeof cluster === 'object' &&
      cluster !== null
    )
      for (const field of Object.keys(cluster))
        if (!CLUSTER_FIELDS.has(field))
          throw new ApiFailure(
            400,
            'MALFORMED_REQUEST',
            `Could not parse request object: Unrecognized field "${field}" in new_cluster of task ${key}.`
          )
    if (task.job_cluster_key !== undefined)
      throw invalid(
        `Task ${key}: job_cluster_key is not supported in runs/submit.`
      )
    const notebook = task.notebook_task as Record<string, unknown> | undefined
    if (notebook === undefined)
      throw invalid(
        `Task ${key}: the loopback server runs notebook tasks only (notebook_task is missing).`
      )
    const path = notebook.notebook_path
    if (typeof path !== 'string' || path === '')
      throw invalid(`Task ${key}: notebook_task.notebook_path is required.`)
    if (
      notebook.source !== 'GIT' &&
      request.git_source === undefined &&
      !path.startsWith('/')
    )
      throw invalid(
        `Task ${key}: the notebook path ${path} must be absolute for a WORKSPACE source.`
      )
    const params = notebook.base_parameters
    if (params !== undefined) {
      if (
        typeof params !== 'object' ||
        params === null ||
        Array.isArray(params)
      )
        throw new ApiFailure(
          400,
          'MALFORMED_REQUEST',
          `Could not parse request object: base_parameters of task ${key} must be a map of strings.`
        )
      for (const [name, value] of Object.entries(params))
        if (typeof value !== 'string')
          throw new ApiFailure(
            400,
            'MALFORMED_REQUEST',
            `Could not parse request object: base_parameters.${name} of task ${key} must be a string.`
          )
    }
  }
  for (const raw of list) {
    const task = raw as Record<string, unknown>
    const dependsOn = task.depends_on
    if (dependsOn === undefined) continue
    if (!Array.isArray(dependsOn))
      throw invalid(`Task ${task.task_key}: depends_on must be a list.`)
    for (const dep of dependsOn) {
      const target = (dep as { task_key?: unknown })?.task_key
      if (typeof target !== 'string' || !keys.has(target))
        throw invalid(
          `Task ${task.task_key} depends on ${String(target)}, which is not a task of this run.`
        )
      if (target === task.task_key)
        throw invalid(`Task ${target} depends on itself.`)
    }
  }
  const cycle = findCycle(list as Record<string, unknown>[])
  if (cycle !== undefined)
    throw invalid(`The tasks form a cycle: ${cycle.join(' -> ')}.`)
  return request
}

function findCycle(
  list: readonly Record<string, unknown>[]
): string[] | undefined {
  const edges = new Map<string, string[]>(
    list.map((t) => [
      t.task_key as string,
      ((t.depends_on as { task_key: string }[] | undefined) ?? []).map(
        (d) => d.task_key
      )
    ])
  )
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (key: string): string[] | undefined => {
    if (state.get(key) === 'done') return undefined
    if (state.get(key) === 'visiting')
      return [...stack.slice(stack.indexOf(key)), key]
    state.set(key, 'visiting')
    stack.push(key)
    for (const dep of edges.get(key) ?? []) {
      const found = visit(dep)
      if (found) return found
    }
    stack.pop()
    state.set(key, 'done')
    return undefined
  }
  for (const key of edges.keys()) {
    const found = visit(key)
    if (found) return found
  }
  return undefined
}
