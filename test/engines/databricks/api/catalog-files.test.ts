import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { DatabricksClient } from '../../../../src/engines/databricks/api/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../../support/databricks-server/index.js'
import { clientFor, failure } from './helpers.js'

let server: DatabricksServer
let client: DatabricksClient

beforeAll(async () => {
  server = await startDatabricksServer()
  ;({ client } = await clientFor(server))
})
afterAll(() => server.close())

describe('Unity Catalog tables', () => {
  it('returns a table with its columns', async () => {
    server.catalog.putTable('sales_test.sales.stats', [
      { name: 'customer_id', type: 'bigint' },
      { name: 'total', type: 'decimal(18,2)' }
    ])
    const table = await client.catalog.tryGetTable('sales_test.sales.stats')
    expect(table).toMatchObject({
      name: 'stats',
      catalog_name: 'sales_test',
      schema_name: 'sales',
      full_name: 'sales_test.sales.stats',
      table_type: 'MANAGED',
      data_source_format: 'DELTA'
    })
    expect(
      table?.columns?.map((c) => [c.name, c.type_text, c.type_name, c.position])
    ).toEqual([
      ['customer_id', 'bigint', 'LONG', 0],
      ['total', 'decimal(18,2)', 'DECIMAL', 1]
    ])
  })

  it('answers undefined for a missing table, schema or catalog', async () => {
    server.catalog.createSchema('sales_test.empty')
    expect(
      await client.catalog.tryGetTable('sales_test.empty.t')
    ).toBeUndefined()
    expect(
      await client.catalog.tryGetTable('sales_test.nope.t')
    ).toBeUndefined()
    expect(await client.catalog.tryGetTable('nocat.nope.t')).toBeUndefined()
    const codes = server
      .requestsTo('GET', /unity-catalog\/tables/)
      .map((r) => r.status)
    expect(codes.slice(-3)).toEqual([404, 404, 404])
    const error = await failure(client.catalog.getTable('sales_test.empty.t'))
    expect(error).toMatchObject({
      errorCode: 'TABLE_DOES_NOT_EXIST',
      category: 'not-found'
    })
    expect(error.message).toContain('table sales_test.empty.t does not exist')
  })

  it('treats NOT_FOUND, which some workspaces answer, as missing too', async () => {
    const other = await startDatabricksServer({ missingTableCode: 'NOT_FOUND' })
    try {
      const { client: c } = await clientFor(other)
      other.catalog.createSchema('a.b')
      expect(await c.catalog.tryGetTable('a.b.c')).toBeUndefined()
    } finally {
      await other.close()
    }
  })

  it('throws on a missing privilege, naming the identity and the privileges', async () => {
    await client.scim.me()
    server.fault({
      path: '/api/2.1/unity-catalog/tables/sales_prod.sales.orders',
      status: 403,
      body: {
        error_code: 'PERMISSION_DENIED',
        message: "User does not have USE CATALOG on Catalog 'sales_prod'."
      }
    })
    const error = await failure(
      client.catalog.tryGetTable('sales_prod.sales.orders')
    )
    expect(error).toMatchObject({
      status: 403,
      category: 'permission-denied',
      exitCode: 3
    })
    expect(error.message).toContain(`for ${server.userName}`)
    expect(error.message).toContain('table sales_prod.sales.orders')
    expect(error.message).toContain('USE_CATALOG on sales_prod')
  })
})

describe('Files API and DBFS', () => {
  const volume = '/Volumes/sales_test/sales/landing'

  it('reports a file with its size, encoding each path segment', async () => {
    server.storage.putFile(`${volume}/2024 #1/orders 100%.csv`, 2048)
    const status = await client.files.tryGetFileStatus(
      `${volume}/2024 #1/orders 100%.csv`
    )
    expect(status).toMatchObject({
      path: `${volume}/2024 #1/orders 100%.csv`,
      content_length: 2048
    })
    expect(typeof status?.last_modified).toBe('string')
    const sent = server.requestsTo('HEAD', /^\/api\/2\.0\/fs\/files/).at(-1)
    expect(sent?.path).toBe(
      '/api/2.0/fs/files/Volumes/sales_test/sales/landing/2024%20%231/orders%20100%25.csv'
    )
  })

  it('answers undefined and false for paths that do not exist', async () => {
    expect(
      await client.files.tryGetFileStatus(`${volume}/none.csv`)
    ).toBeUndefined()
    expect(await client.files.directoryExists(`${volume}/none`)).toBe(false)
  })

  it('sees a table folder and lists it', async () => {
    server.storage.putDirectory(`${volume}/orders.parquet`)
    server.storage.putFile(`${volume}/orders.parquet/part-00000.parquet`, 10)
    expect(await client.files.directoryExists(`${volume}/orders.parquet`)).toBe(
      true
    )
    const page = await client.files.listDirectory(`${volume}/orders.parquet`)
    expect(page.contents).toEqual([
      expect.objectContaining({
        name: 'part-00000.parquet',
        is_directory: false,
        file_size: 10
      })
    ])
  })

  it('reads DBFS status for dbfs:/ and /… paths, undefined when absent', async () => {
    server.storage.putDirectory('/mnt/lake/orders.parquet')
    expect(
      await client.files.tryGetDbfsStatus('dbfs:/mnt/lake/orders.parquet')
    ).toMatchObject({ path: '/mnt/lake/orders.parquet', is_dir: true })
    expect(
      await client.files.tryGetDbfsStatus('/mnt/lake/none')
    ).toBeUndefined()
  })

  it("writes a task's path outputs where these checks find them", async () => {
    server.workspace.putNotebook(
      '/Shared/files/ingest',
      '# Databricks notebook source\n'
    )
    const { run_id } = await client.jobs.submitRun({
      tasks: [
        {
          task_key: 'ingest',
          notebook_task: {
            notebook_path: '/Shared/files/ingest',
            base_parameters: {
              orders_out: `${volume}/notebooks/ingest/orders.parquet`,
              legacy_out: 'dbfs:/mnt/lake/legacy.parquet'
            }
          }
        }
      ]
    })
    await server.runs.waitUntilDone(run_id)
    expect(
      await client.files.directoryExists(
        `${volume}/notebooks/ingest/orders.parquet`
      )
    ).toBe(true)
    expect(
      (await client.files.tryGetDbfsStatus('dbfs:/mnt/lake/legacy.parquet'))
        ?.is_dir
    ).toBe(true)
  })
})

describe('SCIM Me', () => {
  it('returns the caller', async () => {
    expect(await client.scim.me()).toMatchObject({ userName: server.userName })
  })
})
