import { describe, expect, it } from '@jest/globals'
import { runCommand } from '../../src/commands/index.js'
import {
  dataOf,
  deps,
  HOST_ENV,
  request,
  summaries,
  useSalesProjects
} from './support.js'

const sales = useSalesProjects()

describe('dtflw validate', () => {
  it('accepts the sales example with a workspace configured: exit 0, nothing to say', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'validate'),
      deps({ env: HOST_ENV })
    )
    expect(result.exitCode).toBe(0)
    expect(result.diagnostics).toEqual([])
    expect(dataOf(result, 'validate')).toEqual({
      kind: 'validate',
      pipeline: 'sales',
      profiles: ['acceptance', 'base', 'development', 'production', 'test'],
      steps: 3,
      errors: 0,
      warnings: 0
    })
  })

  it('warns once about a variable every workspace profile inherits, where it is written', async () => {
    const { root } = await sales()
    const result = await runCommand(request(root, 'validate'), deps())
    expect(result.exitCode).toBe(0)
    expect(summaries(result)).toEqual([
      'warning: DATABRICKS_HOST is not set; deploy and run on profiles acceptance, production, test need it (workspace.host): set DATABRICKS_HOST in the environment or .env.'
    ])
    expect(result.diagnostics[0].location).toEqual({
      file: 'profiles/test.yaml',
      line: 5,
      column: 9
    })
  })

  it('reports problems of the manifest, a profile and a notebook in one pass, exit 2', async () => {
    const { root, read, write } = await sales()
    await write(
      'dtflw.yaml',
      (await read('dtflw.yaml'))
        .replace(
          'promotion: [test, acceptance, production]',
          'promotion: [test, staging, production]'
        )
        // The notebook still reads :year, which the step no longer passes.
        .replace('args: { year: "${var.year}" }', 'args: { yr: "${var.year}" }')
    )
    await write(
      'profiles/development.yaml',
      `${await read('profiles/development.yaml')}variables:\n  year: "\${var.nope}"\n`
    )
    const result = await runCommand(
      request(root, 'validate'),
      deps({ env: HOST_ENV })
    )
    expect(result.exitCode).toBe(2)
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['error', 'unknown-promotion-profile'],
      ['error', 'unpassed-parameter'],
      ['error', 'unknown-variable']
    ])
    expect(summaries(result)).toEqual([
      'error: promotion lists "staging", which has no profile file; add profiles/staging.yaml or remove it from promotion.',
      'error: notebook notebooks/calculate_sales_stats.sql reads parameter "year" without a default, and step "calculate_sales_stats" (dtflw.yaml:15) does not pass it: the run would fail there. Pass it (in the step\'s args, or an input or output of that name) or give the widget a default (CREATE WIDGET TEXT year DEFAULT \'…\', or dbutils.widgets.text("year", "…")).',
      'error: variables.year: ${var.nope} is not defined under variables; add nope to variables.'
    ])
    expect(dataOf(result, 'validate')).toMatchObject({ errors: 3, warnings: 0 })
  })

  it('still checks the profiles when the flow itself is broken', async () => {
    const { root, read, write } = await sales()
    await write(
      'dtflw.yaml',
      (await read('dtflw.yaml')).replace(
        'outputs: [sales_orders_silver, products_silver, customers_silver]',
        'outputs: [sales_orders_silver, products_bronze, customers_silver]'
      )
    )
    await write(
      'profiles/base.yaml',
      (await read('profiles/base.yaml')).replace(
        'engine: local',
        'engine: spark'
      )
    )
    const result = await runCommand(
      request(root, 'validate'),
      deps({ env: HOST_ENV })
    )
    expect(result.exitCode).toBe(2)
    const files = result.diagnostics.map((d) => d.location?.file)
    expect(files).toContain('dtflw.yaml')
    expect(files).toContain('profiles/base.yaml')
  })

  it('refuses the new_cluster fields the Jobs API would refuse at submit, at their line, with the closest name', async () => {
    const { root, read, write } = await sales()
    await write(
      'profiles/test.yaml',
      (await read('profiles/test.yaml')).replace(
        'compute: { serverless: true }',
        [
          'compute:',
          '  new_cluster:',
          '    spark_version: 15.4.x-scala2.12',
          '    node_type_id: i3.xlarge',
          '    num_worker: 2',
          '    autoscale: { min_workers: 1, max_worker: 4 }',
          '    data_security_mode: SINGLE_USR',
          '    autotermination_minutes: soon',
          '    spark_conf: { spark.speculation: "true" }'
        ].join('\n')
      )
    )
    const result = await runCommand(
      request(root, 'validate'),
      deps({ env: HOST_ENV })
    )
    expect(result.exitCode).toBe(2)
    expect(summaries(result)).toEqual([
      'error: compute.new_cluster.num_worker is not a field of a Databricks cluster spec, and the Jobs API would refuse the run at submit; did you mean "num_workers"?',
      'error: compute.new_cluster.autoscale.max_worker is not a field of a Databricks cluster spec, and the Jobs API would refuse the run at submit; did you mean "max_workers"?',
      'error: compute.new_cluster.data_security_mode "SINGLE_USR" is not one the Jobs API accepts; did you mean "SINGLE_USER"?',
      'error: compute.new_cluster.autotermination_minutes must be a whole number, got "soon"'
    ])
    expect(
      result.diagnostics.map((d) => [d.location?.file, d.location?.line])
    ).toEqual([
      ['profiles/test.yaml', 11],
      ['profiles/test.yaml', 12],
      ['profiles/test.yaml', 13],
      ['profiles/test.yaml', 14]
    ])
  })

  it('a manifest YAML cannot read: exit 2 at the line, and zero counts for --json', async () => {
    const { root, write } = await sales()
    await write('dtflw.yaml', 'pipeline: sales\nflow: [\n')
    const result = await runCommand(request(root, 'validate'), deps())
    expect(result.exitCode).toBe(2)
    expect(result.diagnostics.map((d) => d.location?.file)).toEqual([
      'dtflw.yaml'
    ])
    expect(dataOf(result, 'validate')).toEqual({
      kind: 'validate',
      profiles: [],
      steps: 0,
      errors: 1,
      warnings: 0
    })
  })
})
