import { describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
  buildLineage,
  buildOpenLineageEvents,
  datasetName,
  renderOpenLineage
} from '../../src/lineage/index.js'
import type {
  OpenLineageEvent,
  OpenLineageFacet
} from '../../src/lineage/index.js'
import { expectGolden } from './support/golden.js'
import { prScenario, samplePlan, sampleReport } from './support/sample.js'

const SCHEMAS = fileURLToPath(
  new URL('./fixtures/openlineage/', import.meta.url)
)
const OWN_FACETS = fileURLToPath(
  new URL('../../schemas/openlineage/', import.meta.url)
)
const CORE = 'https://openlineage.io/spec/2-0-2/OpenLineage.json'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The official schemas in Ajv's 2020-12 mode. Ajv knows no formats without
 * ajv-formats, so the three the schemas use are defined here, strictly.
 */
async function loadValidator(): Promise<{
  event: ValidateFunction
  facet: (schemaURL: string) => ValidateFunction | undefined
}> {
  // strictRequired would lint the official schema itself: its JobEvent says
  // `not: { required: ['run'] }`, a property it need not define to forbid.
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allErrors: true
  })
  ajv.addKeyword('example')
  ajv.addFormat('uuid', UUID)
  ajv.addFormat('uri', {
    validate: (s: string) =>
      /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s) && URL.canParse(s)
  })
  ajv.addFormat('date-time', {
    validate: (s: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(
        s
      ) && !Number.isNaN(Date.parse(s))
  })
  ajv.addSchema(
    JSON.parse(await readFile(`${SCHEMAS}OpenLineage.json`, 'utf8'))
  )
  for (const file of await readdir(`${SCHEMAS}facets`)) {
    ajv.addSchema(
      JSON.parse(await readFile(`${SCHEMAS}facets/${file}`, 'utf8'))
    )
  }
  // dtflw's own facets, as published with the Action.
  for (const file of await readdir(OWN_FACETS)) {
    ajv.addSchema(JSON.parse(await readFile(`${OWN_FACETS}${file}`, 'utf8')))
  }
  return {
    event: ajv.getSchema(CORE)!,
    facet: (url) => ajv.getSchema(url)
  }
}

/** Every facet of an event, with where it sits. */
function facetsOf(event: OpenLineageEvent): [string, OpenLineageFacet][] {
  const found: [string, OpenLineageFacet][] = []
  const add = (
    where: string,
    facets?: Readonly<Record<string, OpenLineageFacet>>
  ) => {
    for (const [k, v] of Object.entries(facets ?? {}))
      found.push([`${where}.${k}`, v])
  }
  add('run', event.run?.facets)
  add('job', event.job.facets)
  for (const d of [...(event.inputs ?? []), ...(event.outputs ?? [])]) {
    add('dataset', d.facets)
    add('input', d.inputFacets)
    add('output', d.outputFacets)
  }
  return found
}

async function expectValid(events: readonly OpenLineageEvent[]): Promise<void> {
  const { event, facet } = await loadValidator()
  for (const e of events) {
    // Through JSON, as a consumer receives it.
    const wire = JSON.parse(JSON.stringify(e))
    expect({ valid: event(wire), errors: event.errors ?? null }).toEqual({
      valid: true,
      errors: null
    })
    for (const [where, f] of facetsOf(wire)) {
      const validate = facet(f._schemaURL)
      expect({ where, known: validate !== undefined }).toEqual({
        where,
        known: true
      })
      expect({
        where,
        valid: validate!(f),
        errors: validate!.errors ?? null
      }).toEqual({
        where,
        valid: true,
        errors: null
      })
    }
  }
}

const OPTIONS = {
  baseDir: '/repo',
  repositoryUrl: 'https://github.com/acme/sales-pipeline'
}

describe('OpenLineage events', () => {
  it('renders the sample run as JSON Lines (golden file)', async () => {
    const { head, report } = prScenario()
    await expectGolden(
      'sample-openlineage.jsonl',
      renderOpenLineage(head, report, OPTIONS)
    )
  })

  it("carry what a preview did to an output's data, valid against dtflw's facet schema", async () => {
    const { head, report } = prScenario()
    const written = report.steps.flatMap((s) => s.writes)[0]
    const withDiff = {
      ...report,
      dataDiff: {
        against: 'test',
        tables: [
          {
            table: written.table,
            head: 'c.s__pr_7.t',
            base: 'c.s.t',
            status: 'compared' as const,
            rows: { base: 10, head: 12 },
            columns: {
              added: [{ name: 'channel', type: 'string' }],
              removed: [],
              retyped: []
            },
            keyed: {
              key: ['id'],
              added: 2,
              removed: 0,
              changed: 3,
              unchanged: 7,
              byColumn: { amount: 3 },
              examples: { added: ['11'], removed: [], changed: ['4'] }
            }
          }
        ]
      }
    }
    const events = buildOpenLineageEvents(head, withDiff, OPTIONS)
    await expectValid(events)
    const facets = events.flatMap((e) =>
      (e.outputs ?? []).flatMap((o) =>
        o.outputFacets?.dtflw_dataDiff ? [o.outputFacets.dtflw_dataDiff] : []
      )
    )
    expect(facets).toEqual([
      expect.objectContaining({
        against: 'test',
        baseDataset: 'c.s.t',
        rowCountBefore: 10,
        rowCountAfter: 12,
        columnsAdded: ['channel'],
        rowsAdded: 2,
        rowsChanged: 3,
        changedByColumn: { amount: 3 }
      })
    ])
  })

  it('validate against the official 2-0-2 schema and facet schemas', async () => {
    const { head, report } = prScenario()
    const plan = samplePlan('test')
    const failing = sampleReport(plan, {
      import_data: {
        status: 'failed',
        error: {
          kind: 'notebook',
          message: 'ZeroDivisionError: division by zero',
          detail: 'Traceback …'
        },
        writes: []
      },
      calculate_sales_stats: {
        status: 'skipped',
        skippedBecause: 'import_data',
        startedAt: undefined,
        finishedAt: undefined,
        reads: [],
        writes: []
      }
    })
    const cancelled = sampleReport(plan, {
      calculate_sales_stats: { status: 'cancelled', writes: [] }
    })
    const cases = [
      buildOpenLineageEvents(head, report, OPTIONS),
      buildOpenLineageEvents(buildLineage(plan, failing), failing, {
        workspaceHost: 'https://adb-1.azuredatabricks.net/'
      }),
      buildOpenLineageEvents(buildLineage(plan, cancelled), {
        ...cancelled,
        status: 'cancelled'
      }),
      buildOpenLineageEvents(buildLineage(plan), undefined, {
        now: '2026-03-01T09:00:00Z'
      })
    ]
    for (const events of cases) await expectValid(events)

    const [, failed, aborted, declared] = cases
    expect(failed.map((e) => `${e.eventType ?? 'JOB'} ${e.job.name}`)).toEqual([
      'JOB sales',
      'JOB sales.ingest_data',
      'JOB sales.import_data',
      'JOB sales.calculate_sales_stats',
      'START sales',
      'START sales.ingest_data',
      'COMPLETE sales.ingest_data',
      'START sales.import_data',
      'FAIL sales.import_data',
      'FAIL sales'
    ])
    const fail = failed.find(
      (e) => e.eventType === 'FAIL' && e.job.name === 'sales.import_data'
    )!
    expect(fail.run?.facets?.errorMessage).toMatchObject({
      message: 'ZeroDivisionError: division by zero',
      programmingLanguage: 'PYTHON',
      stackTrace: 'Traceback …'
    })
    expect(fail.outputs).toEqual([])
    expect(failed[1].inputs).toEqual([
      {
        namespace: 'databricks://adb-1.azuredatabricks.net',
        name: 'shop_raw.exports.orders'
      },
      {
        namespace: 'databricks://adb-1.azuredatabricks.net',
        name: 'shop_raw.exports.products'
      }
    ])
    expect(
      aborted.filter((e) => e.eventType === 'ABORT').map((e) => e.job.name)
    ).toEqual(['sales.calculate_sales_stats', 'sales'])
    expect(
      declared.every(
        (e) => e.run === undefined && e.eventTime === '2026-03-01T09:00:00Z'
      )
    ).toBe(true)
  })

  it('are checked by a validator that does refuse broken events', async () => {
    const { event, facet } = await loadValidator()
    const { head, report } = prScenario()
    const [job, , , , start] = JSON.parse(
      JSON.stringify(buildOpenLineageEvents(head, report, OPTIONS))
    )
    expect(event(job)).toBe(true)
    const { job: _job, ...noJob } = job
    expect(event(noJob)).toBe(false)
    expect(event({ ...start, run: {} })).toBe(false)
    expect(event({ ...start, run: { runId: 'run-1' } })).toBe(false)
    expect(event({ ...start, eventTime: 'yesterday' })).toBe(false)
    const { _producer: _, ...noProducer } = job.job.facets.jobType
    const jobType = facet(job.job.facets.jobType._schemaURL)!
    expect(jobType(job.job.facets.jobType)).toBe(true)
    expect(jobType(noProducer)).toBe(false)
  })

  it('gives every run a START and one end, with stable UUIDs tied to the parent run', () => {
    const { head, report } = prScenario()
    const events = buildOpenLineageEvents(head, report, OPTIONS)
    const runs = new Map<string, string[]>()
    for (const e of events) {
      if (e.run)
        runs.set(e.run.runId, [...(runs.get(e.run.runId) ?? []), e.eventType!])
    }
    expect([...runs.values()]).toEqual([
      ['START', 'COMPLETE'],
      ['START', 'COMPLETE'],
      ['START', 'COMPLETE'],
      ['START', 'COMPLETE']
    ])
    for (const id of runs.keys()) expect(id).toMatch(UUID)
    for (const id of runs.keys()) expect(id[14]).toBe('8')
    const pipelineRun = events.find((e) => e.eventType === 'START')!.run!.runId
    const steps = events.filter((e) => e.run && e.job.name !== 'sales')
    for (const e of steps) {
      expect(e.run?.facets?.parent).toMatchObject({
        job: { namespace: 'dtflw-development', name: 'sales' },
        run: { runId: pipelineRun }
      })
    }
    const again = buildOpenLineageEvents(head, report, OPTIONS)
    expect(again).toEqual(events)
    const otherRun = buildOpenLineageEvents(
      head,
      { ...report, runId: 'another' },
      OPTIONS
    )
    expect(otherRun.find((e) => e.run)?.run?.runId).not.toBe(pipelineRun)
  })

  it('carries declared lineage on JobEvents and observed rows on RunEvents', () => {
    const { head, report } = prScenario()
    const events = buildOpenLineageEvents(head, report, OPTIONS)
    const job = events.find(
      (e) => !e.run && e.job.name === 'sales.calculate_sales_stats'
    )!
    expect(job.outputs?.[1]).toEqual({
      namespace: 'file',
      name: '/repo/.dtflw/data/development/notebooks/calculate_sales_stats/sales_stats_by_product_gold.parquet',
      facets: {
        schema: expect.objectContaining({
          fields: [
            { name: 'product_id', type: 'bigint' },
            { name: 'product_name', type: 'string' },
            { name: 'revenue', type: 'decimal(18,2)' }
          ]
        })
      }
    })
    expect(job.job.facets?.sourceCodeLocation).toMatchObject({
      type: 'git',
      url: 'https://github.com/acme/sales-pipeline/blob/0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c/notebooks/calculate_sales_stats.sql',
      version: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c'
    })
    const complete = events.find(
      (e) => e.eventType === 'COMPLETE' && e.job.name === 'sales.ingest_data'
    )!
    expect(
      complete.outputs?.map((o) => [
        o.name,
        o.outputFacets?.outputStatistics?.rowCount
      ])
    ).toEqual([
      [
        '/repo/.dtflw/data/development/notebooks/ingest_data/sales_orders_bronze.parquet',
        1204
      ],
      [
        '/repo/.dtflw/data/development/notebooks/ingest_data/products_bronze.parquet',
        48
      ]
    ])
  })
})

describe('datasetName', () => {
  it.each([
    [
      { kind: 'path', uri: 'data/raw.csv', format: 'csv' },
      { baseDir: '/repo' },
      'file',
      '/repo/data/raw.csv'
    ],
    [
      { kind: 'path', uri: '/data/x/../raw.csv', format: 'csv' },
      {},
      'file',
      '/data/raw.csv'
    ],
    [
      { kind: 'path', uri: 'file:///data/a%20b.csv', format: 'csv' },
      {},
      'file',
      '/data/a b.csv'
    ],
    [
      {
        kind: 'path',
        uri: 'abfss://lake@acme.dfs.core.windows.net/sales/orders.parquet',
        format: 'parquet'
      },
      {},
      'abfss://lake@acme.dfs.core.windows.net',
      'sales/orders.parquet'
    ],
    [
      {
        kind: 'path',
        uri: 'wasbs://raw@acme.blob.core.windows.net/in/x.csv',
        format: 'csv'
      },
      {},
      'wasbs://raw@acme.blob.core.windows.net',
      'in/x.csv'
    ],
    [
      { kind: 'path', uri: 's3://bucket/key/x.parquet', format: 'parquet' },
      {},
      's3://bucket',
      'key/x.parquet'
    ],
    [
      { kind: 'path', uri: 'dbfs:/mnt/raw/x.csv', format: 'csv' },
      {},
      'dbfs',
      '/mnt/raw/x.csv'
    ],
    [
      { kind: 'path', uri: '/Volumes/main/sales/raw/x.csv', format: 'csv' },
      {},
      'dbfs',
      '/Volumes/main/sales/raw/x.csv'
    ],
    [
      { kind: 'table', name: 'sales_test.sales.orders' },
      {},
      'databricks',
      'sales_test.sales.orders'
    ],
    [
      { kind: 'table', name: 'sales_test.sales.orders' },
      { workspaceHost: 'https://adb-1.azuredatabricks.net' },
      'databricks://adb-1.azuredatabricks.net',
      'sales_test.sales.orders'
    ]
  ] as const)('%j → %s', (location, options, namespace, name) => {
    expect(datasetName(location, options)).toEqual({ namespace, name })
  })
})
