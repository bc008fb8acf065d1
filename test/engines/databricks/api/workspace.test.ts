import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DatabricksApiError,
  type DatabricksClient
} from '../../../../src/engines/databricks/api/index.js'
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

const NOTEBOOK = '# Databricks notebook source\nprint("hi")\n'

describe('Workspace API', () => {
  it('creates folders, imports a SOURCE notebook and reads it back', async () => {
    await client.workspace.mkdirs('/Workspace/Shared/ws1/notebooks')
    await client.workspace.import({
      path: '/Workspace/Shared/ws1/notebooks/ingest',
      format: 'SOURCE',
      language: 'PYTHON',
      content: NOTEBOOK
    })
    const status = await client.workspace.getStatus(
      '/Workspace/Shared/ws1/notebooks/ingest'
    )
    expect(status).toMatchObject({
      object_type: 'NOTEBOOK',
      language: 'PYTHON',
      path: '/Shared/ws1/notebooks/ingest'
    })
    expect(typeof status.object_id).toBe('number')
    const exported = await client.workspace.export(
      '/Shared/ws1/notebooks/ingest'
    )
    expect(exported.content.toString('utf8')).toBe(NOTEBOOK)
    expect(exported.file_type).toBe('py')
    const sent = server.requestsTo('POST', '/api/2.0/workspace/import')[0]
    expect(sent.body).toMatchObject({
      format: 'SOURCE',
      language: 'PYTHON',
      overwrite: false,
      content: Buffer.from(NOTEBOOK).toString('base64')
    })
  })

  it('imports an .ipynb as JUPYTER with the language from its metadata', async () => {
    await client.workspace.mkdirs('/Shared/ws2')
    const ipynb = JSON.stringify({
      cells: [],
      metadata: {
        'application/vnd.databricks.v1+notebook': { language: 'sql' }
      },
      nbformat: 4,
      nbformat_minor: 0
    })
    await client.workspace.import({
      path: '/Shared/ws2/report',
      format: 'JUPYTER',
      content: Buffer.from(ipynb)
    })
    expect(
      await client.workspace.getStatus('/Shared/ws2/report')
    ).toMatchObject({ object_type: 'NOTEBOOK', language: 'SQL' })
    const back = await client.workspace.export('/Shared/ws2/report', {
      format: 'JUPYTER'
    })
    expect(back.content.toString('utf8')).toBe(ipynb)
  })

  it('refuses an import into a missing folder, naming the path and mkdirs', async () => {
    const error = await failure(
      client.workspace.import({
        path: '/Shared/missing/folder/nb',
        format: 'SOURCE',
        language: 'SQL',
        content: '-- Databricks notebook source\nSELECT 1'
      })
    )
    expect(error).toBeInstanceOf(DatabricksApiError)
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      category: 'not-found',
      exitCode: 3
    })
    expect(error.message).toContain('/Shared/missing/folder/nb does not exist')
    expect(error.message).toContain('create it with mkdirs first')
  })

  it('refuses to replace an object without overwrite, once, and replaces it with overwrite', async () => {
    await client.workspace.mkdirs('/Shared/ws3')
    const first = {
      path: '/Shared/ws3/a',
      format: 'SOURCE',
      language: 'PYTHON'
    } as const
    await client.workspace.import({ ...first, content: NOTEBOOK })
    server.clearRequests()
    const error = await failure(
      client.workspace.import({ ...first, content: `${NOTEBOOK}# two\n` })
    )
    expect(error).toMatchObject({
      status: 400,
      errorCode: 'RESOURCE_ALREADY_EXISTS',
      category: 'conflict'
    })
    expect(error.message).toContain('import it with overwrite')
    expect(server.requestsTo('POST', '/api/2.0/workspace/import')).toHaveLength(
      1
    )
    await client.workspace.import({
      ...first,
      content: `${NOTEBOOK}# two\n`,
      overwrite: true
    })
    expect(server.workspace.read('/Shared/ws3/a')).toBe(`${NOTEBOOK}# two\n`)
  })

  it('lists a folder (empty folders have no objects key) and refuses a missing one', async () => {
    await client.workspace.mkdirs('/Shared/ws4/empty')
    expect(await client.workspace.list('/Shared/ws4/empty')).toEqual([])
    server.workspace.putNotebook('/Shared/ws4/b', NOTEBOOK)
    server.workspace.putFile('/Shared/ws4/a.json', '{}')
    const listed = await client.workspace.list('/Workspace/Shared/ws4')
    expect(listed.map((o) => [o.path, o.object_type])).toEqual([
      ['/Shared/ws4/a.json', 'FILE'],
      ['/Shared/ws4/b', 'NOTEBOOK'],
      ['/Shared/ws4/empty', 'DIRECTORY']
    ])
    expect(listed[0].size).toBe(2)
    const error = await failure(client.workspace.list('/Shared/nope'))
    expect(error).toMatchObject({ category: 'not-found' })
    expect(error.message).toContain('/Shared/nope does not exist')
  })

  it('deletes a non-empty folder only when recursive', async () => {
    server.workspace.putNotebook('/Shared/ws5/x/nb', NOTEBOOK)
    const error = await failure(client.workspace.delete('/Shared/ws5'))
    expect(error).toMatchObject({
      errorCode: 'DIRECTORY_NOT_EMPTY',
      category: 'conflict'
    })
    expect(error.message).toContain('delete it with recursive')
    await client.workspace.delete('/Shared/ws5', { recursive: true })
    expect(await client.workspace.tryGetStatus('/Shared/ws5')).toBeUndefined()
    expect(server.workspace.get('/Shared/ws5/x/nb')).toBeUndefined()
  })

  it('sees objects changed behind its back; try* answer undefined for missing ones', async () => {
    await client.workspace.mkdirs('/Shared/ws6')
    await client.workspace.import({
      path: '/Shared/ws6/state.json',
      format: 'AUTO',
      content: '{"v":1}',
      overwrite: true
    })
    expect(
      (
        await client.workspace.export('/Shared/ws6/state.json', {
          format: 'AUTO'
        })
      ).content.toString()
    ).toBe('{"v":1}')
    server.workspace.delete('/Shared/ws6')
    expect(
      await client.workspace.tryGetStatus('/Shared/ws6/state.json')
    ).toBeUndefined()
    expect(
      await client.workspace.tryExport('/Shared/ws6/state.json', {
        format: 'AUTO'
      })
    ).toBeUndefined()
  })

  it('AUTO turns a headed .py into a notebook without its extension', async () => {
    await client.workspace.mkdirs('/Shared/ws7')
    await client.workspace.import({
      path: '/Shared/ws7/clean.py',
      format: 'AUTO',
      content: NOTEBOOK
    })
    expect(server.workspace.get('/Shared/ws7/clean')).toMatchObject({
      kind: 'NOTEBOOK',
      language: 'PYTHON'
    })
  })
})
