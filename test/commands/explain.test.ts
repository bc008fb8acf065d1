import { describe, expect, it } from '@jest/globals'
import { runCommand } from '../../src/commands/index.js'
import type { ExplainRow } from '../../src/profiles/index.js'
import {
  dataOf,
  deps,
  HOST_ENV,
  request,
  summaries,
  useSalesProjects
} from './support.js'

const sales = useSalesProjects()

const row = (rows: readonly ExplainRow[], path: string) =>
  rows.find((r) => r.path === path)

describe('dtflw explain', () => {
  it('names the file:line that won each value and what it overrode, through extends', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'explain', { profile: 'production' }),
      deps({ env: HOST_ENV })
    )
    expect(result.exitCode).toBe(0)
    const { profile, rows } = dataOf(result, 'explain')
    expect(profile).toBe('production')
    expect(rows.map((r) => r.path)).toEqual([...rows.map((r) => r.path)].sort())
    expect(row(rows, 'variables.year')).toEqual({
      path: 'variables.year',
      value: '2023',
      from: 'profiles/production.yaml:3',
      overrides: ['profiles/base.yaml:3'],
      secret: false
    })
    // Two levels up the chain: production → test → base.
    expect(row(rows, 'tables.layout')).toMatchObject({
      value: 'catalog',
      from: 'profiles/test.yaml:9',
      overrides: ['profiles/base.yaml:6']
    })
    expect(row(rows, 'workspace.host')).toEqual({
      path: 'workspace.host',
      value: 'https://adb-1.azuredatabricks.net',
      written: '${DATABRICKS_HOST}',
      from: 'profiles/test.yaml:5',
      overrides: [],
      secret: false
    })
  })

  it('works offline: an unset variable shows as written, marked unresolved', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'explain', { profile: 'test' }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    expect(row(dataOf(result, 'explain').rows, 'workspace.host')).toMatchObject(
      { value: '${DATABRICKS_HOST}', unresolved: true }
    )
  })

  it('fills ${preview} from --preview', async () => {
    const { root, read, write } = await sales()
    await write(
      'profiles/test.yaml',
      (await read('profiles/test.yaml')).replace(
        'root: /Workspace/Shared/dtflw/${pipeline}/${profile}',
        'root: /Workspace/Shared/dtflw/${pipeline}/${profile}/${preview}'
      )
    )
    const result = await runCommand(
      request(root, 'explain', { profile: 'test', preview: 'pr-7' }),
      deps({ env: HOST_ENV })
    )
    expect(row(dataOf(result, 'explain').rows, 'workspace.root')).toMatchObject(
      {
        value: '/Workspace/Shared/dtflw/sales/test/pr-7',
        written: '/Workspace/Shared/dtflw/${pipeline}/${profile}/${preview}'
      }
    )
  })

  it('shows *** for a value built from a variable the profile lists as secret', async () => {
    const { root, read, write } = await sales()
    const dsn = 'postgres://u:hunter2@db/shop'
    await write(
      'profiles/development.yaml',
      `${await read('profiles/development.yaml')}secrets: [WAREHOUSE_DSN]\nvariables:\n  dsn: "\${WAREHOUSE_DSN}"\n`
    )
    const masked: string[] = []
    const result = await runCommand(
      request(root, 'explain', { profile: 'development' }),
      deps({
        env: { WAREHOUSE_DSN: dsn },
        onSecret: (value) => masked.push(value)
      })
    )
    expect(result.exitCode).toBe(0)
    // The CLI's masker and the Action's setSecret learn it too, so no
    // message, progress line or log that quotes it can show it either.
    expect(masked).toContain(dsn)
    const rows = dataOf(result, 'explain').rows
    expect(row(rows, 'variables.dsn')).toMatchObject({
      value: '***',
      written: '${WAREHOUSE_DSN}',
      secret: true
    })
    expect(JSON.stringify(rows)).not.toContain('hunter2')
  })

  it('refuses a profile that does not exist, listing those that do', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'explain', { profile: 'prod' }),
      deps()
    )
    expect(result.exitCode).toBe(2)
    expect(summaries(result)).toEqual([
      'error: profile "prod" does not exist in profiles/; the profiles are: acceptance, base, development, production, test.'
    ])
  })
})
