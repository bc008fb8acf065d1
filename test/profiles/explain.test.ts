import { afterEach, describe, expect, it } from '@jest/globals'
import {
  explainProfile,
  loadProfile,
  renderExplain
} from '../../src/profiles/index.js'
import type { ExplainRow } from '../../src/profiles/index.js'
import { BASE_YAML, TEST_YAML, makeRepo, removeRepo } from './support.js'

const repos: string[] = []

afterEach(async () => {
  await Promise.all(repos.splice(0).map(removeRepo))
})

async function explain(
  files: Record<string, string>,
  name: string,
  env: Record<string, string> = {},
  allowUnsetEnv = false
): Promise<ExplainRow[]> {
  const root = await makeRepo(files)
  repos.push(root)
  const profile = await loadProfile({
    root,
    profilesDir: 'profiles',
    name,
    context: { env, pipeline: 'sales', gitSha: 'abc1234' },
    allowUnsetEnv
  })
  return explainProfile(profile)
}

const WITH_TOKEN = `extends: test
variables:
  auth: "Bearer \${API_TOKEN}"
`

describe('explainProfile', () => {
  it('gives each value, its winning file:line and what it overrode', async () => {
    const rows = await explain(
      { 'profiles/base.yaml': BASE_YAML, 'profiles/test.yaml': TEST_YAML },
      'test',
      { DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' }
    )
    expect(rows.find((r) => r.path === 'engine')).toEqual({
      path: 'engine',
      value: 'databricks',
      from: 'profiles/test.yaml:2',
      overrides: ['profiles/base.yaml:2'],
      secret: false
    })
    expect(rows.find((r) => r.path === 'workspace.host')).toEqual({
      path: 'workspace.host',
      value: 'https://adb-1.azuredatabricks.net',
      written: '${DATABRICKS_HOST}',
      from: 'profiles/test.yaml:4',
      overrides: [],
      secret: false
    })
    // The layout switch replaced base's tables: root and format are gone.
    expect(
      rows.filter((r) => r.path.startsWith('tables.')).map((r) => r.path)
    ).toEqual(['tables.catalog', 'tables.layout', 'tables.schema'])
  })

  it('masks values from secret-looking variables, and shows the variable name', async () => {
    const rows = await explain(
      {
        'profiles/base.yaml': BASE_YAML,
        'profiles/test.yaml': TEST_YAML,
        'profiles/ci.yaml': WITH_TOKEN
      },
      'ci',
      { DATABRICKS_HOST: 'h', API_TOKEN: 'dapi-very-secret' }
    )
    const row = rows.find((r) => r.path === 'variables.auth')
    expect(row).toMatchObject({
      value: '***',
      written: 'Bearer ${API_TOKEN}',
      secret: true
    })
    expect(JSON.stringify(rows)).not.toContain('dapi-very-secret')
    expect(renderExplain(rows)).not.toContain('dapi-very-secret')
  })

  it('shows defaults and inferred values with their origin', async () => {
    const rows = await explain(
      {
        'profiles/dev.yaml':
          'tables: { root: ".dtflw/${profile}" }\nsources:\n  raw: { path: data/raw.csv }\n'
      },
      'dev'
    )
    expect(rows.map((r) => [r.path, r.value, r.from])).toEqual([
      ['engine', 'local', '(default)'],
      ['sources.raw.format', 'csv', '(inferred from .csv)'],
      ['sources.raw.path', 'data/raw.csv', 'profiles/dev.yaml:3'],
      ['tables.format', 'parquet', '(default)'],
      ['tables.layout', 'path', '(default)'],
      ['tables.root', '.dtflw/dev', 'profiles/dev.yaml:1']
    ])
  })
})

describe('renderExplain', () => {
  it('aligns path, value, location and notes', async () => {
    const rows = await explain(
      { 'profiles/base.yaml': BASE_YAML, 'profiles/test.yaml': TEST_YAML },
      'test',
      { DATABRICKS_HOST: 'https://h' }
    )
    expect(renderExplain(rows)).toBe(
      [
        'compute.serverless        true                                profiles/test.yaml:6',
        'engine                    databricks                          profiles/test.yaml:2  overrides profiles/base.yaml:2',
        'sources.raw_orders.table  shop_raw.exports.orders             profiles/test.yaml:9',
        'tables.catalog            sales_test                          profiles/test.yaml:7',
        'tables.layout             catalog                             profiles/test.yaml:7  overrides profiles/base.yaml:3',
        'tables.schema             sales                               profiles/test.yaml:7  written as ${pipeline}',
        'variables.year            2022                                profiles/base.yaml:1',
        'workspace.host            https://h                           profiles/test.yaml:4  written as ${DATABRICKS_HOST}',
        'workspace.root            /Workspace/Shared/dtflw/sales/test  profiles/test.yaml:5  written as /Workspace/Shared/dtflw/${pipeline}/${profile}'
      ].join('\n')
    )
  })

  it('marks values left unset when loaded offline', async () => {
    const rows = await explain(
      {
        'profiles/base.yaml': BASE_YAML,
        'profiles/test.yaml': TEST_YAML,
        'profiles/ci.yaml': WITH_TOKEN
      },
      'ci',
      {},
      true
    )
    const text = renderExplain(
      rows.filter((r) => /^(workspace|variables)\./.test(r.path))
    )
    expect(text.split('\n').map((l) => l.replace(/ +/g, ' '))).toEqual([
      'variables.auth *** profiles/ci.yaml:3 not set',
      'variables.year 2022 profiles/base.yaml:1',
      'workspace.host ${DATABRICKS_HOST} profiles/test.yaml:4 not set',
      'workspace.root /Workspace/Shared/dtflw/sales/ci profiles/test.yaml:5 written as /Workspace/Shared/dtflw/${pipeline}/${profile}'
    ])
  })

  it('renders nothing for no rows', () => {
    expect(renderExplain([])).toBe('')
  })
})
