import { describe, expect, it } from '@jest/globals'
import { parseProfileFile, resolveProfile } from '../../src/profiles/index.js'
import { problems, rendered } from './support.js'

/** A Databricks profile whose compute.new_cluster is the given YAML block. */
const withCluster = (block: string) => ({
  test: `engine: databricks\ntables: { layout: catalog, catalog: c, schema: s }\ncompute:\n  new_cluster:\n${block
    .split('\n')
    .map((line) => (line ? `    ${line}` : line))
    .join('\n')}`
})

describe('compute.new_cluster, checked as the Jobs API reads it', () => {
  it('takes a spec the Jobs API takes, nested objects, lists and nulls included', () => {
    expect(
      problems(
        withCluster(
          [
            'spark_version: 15.4.x-scala2.12',
            'node_type_id: Standard_DS3_v2',
            'autoscale: { min_workers: 1, max_workers: 8 }',
            'autotermination_minutes: null',
            'data_security_mode: USER_ISOLATION',
            'runtime_engine: PHOTON',
            'azure_attributes: { availability: SPOT_WITH_FALLBACK_AZURE, first_on_demand: 1 }',
            'spark_conf: { spark.speculation: "true", any.key.at.all: x }',
            'custom_tags: { team: sales }',
            'init_scripts:',
            '  - workspace: { destination: /Shared/init.sh }',
            '  - volumes: { destination: /Volumes/c/s/v/init.sh }',
            'docker_image: { url: repo/image, basic_auth: { username: u, password: p } }',
            ''
          ].join('\n')
        )
      )
    ).toEqual([])
  })

  it('names the field it does not know at its key, listing the fields when none is close', () => {
    const [message] = problems(withCluster('zzz_unknown: 1\n'))
    expect(message).toMatch(
      /^profiles\/test\.yaml:5:5: error: compute\.new_cluster\.zzz_unknown is not a field of a Databricks cluster spec, and the Jobs API would refuse the run at submit; its fields are: apply_policy_default_values, autoscale, autotermination_minutes, aws_attributes, /
    )
    expect(message).toMatch(/, workload_type$/)
  })

  it('checks inside nested objects and each item of a list, at the line of the mistake', () => {
    expect(
      problems(
        withCluster(
          [
            'aws_attributes: { availabilty: SPOT }',
            'init_scripts:',
            '  - workspace: { destination: /a.sh }',
            '  - workspce: { destination: /b.sh }',
            'docker_image: { basic_auth: { user: u } }',
            ''
          ].join('\n')
        )
      )
    ).toEqual([
      'profiles/test.yaml:5:23: error: compute.new_cluster.aws_attributes.availabilty is not a field of a Databricks cluster spec, and the Jobs API would refuse the run at submit; did you mean "availability"?',
      'profiles/test.yaml:8:9: error: compute.new_cluster.init_scripts[1].workspce is not a field of a Databricks cluster spec, and the Jobs API would refuse the run at submit; did you mean "workspace"?',
      expect.stringMatching(
        /^profiles\/test\.yaml:9:35: error: compute\.new_cluster\.docker_image\.basic_auth\.user is not a field of a Databricks cluster spec, and the Jobs API would refuse the run at submit;/
      )
    ])
  })

  it('refuses values of the wrong shape: a fraction for a count, a word it does not accept, a list or a map as something else', () => {
    expect(
      problems(
        withCluster(
          [
            'num_workers: 2.5',
            'runtime_engine: TURBO',
            'spark_conf: [a, b]',
            'autoscale: 4',
            'init_scripts: { workspace: { destination: /a.sh } }',
            ''
          ].join('\n')
        )
      )
    ).toEqual([
      'profiles/test.yaml:5:18: error: compute.new_cluster.num_workers must be a whole number, got 2.5',
      'profiles/test.yaml:6:21: error: compute.new_cluster.runtime_engine "TURBO" is not one the Jobs API accepts; use one of NULL, PHOTON, STANDARD',
      'profiles/test.yaml:7:5: error: compute.new_cluster.spark_conf must be a mapping of names to values',
      'profiles/test.yaml:8:16: error: compute.new_cluster.autoscale must be a mapping',
      'profiles/test.yaml:9:5: error: compute.new_cluster.init_scripts must be a list'
    ])
  })

  it('does not judge a value dtflw validate cannot know offline', () => {
    const text = withCluster(
      'num_workers: ${WORKERS}\ndata_security_mode: ${MODE}\n'
    ).test
    const file = parseProfileFile(text, 'profiles/test.yaml')
    const offline = resolveProfile({
      name: 'test',
      lookup: () => file,
      names: ['test'],
      context: { env: {}, pipeline: 'sales' },
      allowUnsetEnv: true
    })
    expect(rendered(offline.diagnostics)).toEqual([])
    // With the environment set, the same values are judged.
    const online = resolveProfile({
      name: 'test',
      lookup: () => file,
      names: ['test'],
      context: {
        env: { WORKERS: 'many', MODE: 'SINGLE_USR' },
        pipeline: 'sales'
      }
    })
    expect(rendered(online.diagnostics)).toEqual([
      'profiles/test.yaml:5:18: error: compute.new_cluster.num_workers must be a whole number, got "many"',
      'profiles/test.yaml:6:25: error: compute.new_cluster.data_security_mode "SINGLE_USR" is not one the Jobs API accepts; did you mean "SINGLE_USER"?'
    ])
  })
})
