import { deleteIn, inline, setIn } from '../yaml-edit/index.js'
import type { Answers } from './choices.js'

/** The sample's job cluster: a current LTS runtime, one worker. */
const NEW_CLUSTER = {
  spark_version: '16.4.x-scala2.12',
  num_workers: 1,
  data_security_mode: 'DATA_SECURITY_MODE_AUTO'
}

/** What a profile reads when the answers name no host. */
const HOST_FROM_ENV = '${DATABRICKS_HOST}'

/** The `compute:` of the Databricks profiles. */
export function computeOf(answers: Answers): Record<string, unknown> {
  switch (answers.compute) {
    case 'existing-cluster':
      return { existing_cluster_id: answers.clusterId }
    case 'new-cluster':
      return {
        new_cluster: {
          spark_version: NEW_CLUSTER.spark_version,
          node_type_id: answers.nodeType,
          num_workers: NEW_CLUSTER.num_workers,
          data_security_mode: NEW_CLUSTER.data_security_mode
        }
      }
    default:
      return { serverless: true }
  }
}

/** A value of the Databricks environments, by profile name. */
function ofEnvironment(
  name: string,
  values: { test: string; acceptance: string; production: string }
): string | undefined {
  return name === 'test' || name === 'acceptance' || name === 'production'
    ? values[name]
    : undefined
}

/**
 * `profiles/<name>.yaml`: the host, compute, table layout and source
 * locations of each environment; without samples, no sources.
 * @param name The profile's name (file name without `.yaml`).
 */
export function patchProfile(
  name: string,
  text: string,
  answers: Answers
): string {
  let out = text
  if (name === 'base' && !answers.samples) {
    out = deleteIn(deleteIn(out, ['variables']), ['sources'])
  }
  const host = ofEnvironment(name, {
    test: answers.hostTest,
    acceptance: answers.hostAcceptance,
    production: answers.hostProduction
  })
  if (host === undefined) return out
  out = setIn(out, ['workspace', 'host'], host || HOST_FROM_ENV)
  const catalog = ofEnvironment(name, {
    test: answers.catalogTest,
    acceptance: answers.catalogAcceptance,
    production: answers.catalogProduction
  })
  if (answers.layout === 'catalog') {
    out = setIn(out, ['variables', 'catalog'], catalog)
  } else if (name === 'test') {
    out = setIn(out, ['variables'], { storage_root: answers.storageRoot })
    out = setIn(out, ['tables'], {
      layout: 'path',
      root: '${var.storage_root}/${pipeline}/${profile}',
      format: 'parquet'
    })
    if (answers.samples) {
      out = setIn(
        out,
        ['sources', 'raw_orders'],
        inline({
          path: '${var.storage_root}/landing/raw_orders.csv',
          format: 'csv'
        })
      )
    }
  } else {
    out = deleteIn(out, ['variables'])
  }
  if (name === 'test') {
    out = setIn(out, ['compute'], computeOf(answers))
    if (!answers.samples) out = deleteIn(out, ['sources'])
  }
  return out
}
