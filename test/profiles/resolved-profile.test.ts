import { describe, expect, it } from '@jest/globals'
import { inferFormat } from '../../src/profiles/index.js'
import { BASE_YAML, TEST_YAML, problems, resolveInMemory } from './support.js'

describe('buildResolvedProfile', () => {
  it('types the DESIGN example profiles', () => {
    const { profile, errors } = resolveInMemory({
      base: BASE_YAML,
      test: TEST_YAML
    })
    expect(errors).toEqual([])
    expect(profile).toMatchObject({
      name: 'test',
      files: ['profiles/base.yaml', 'profiles/test.yaml'],
      engine: 'databricks',
      variables: { year: '2022' },
      tables: { layout: 'catalog', catalog: 'sales_test', schema: 'sales' },
      sources: { raw_orders: { table: 'shop_raw.exports.orders' } }
    })
    expect(profile?.values).toMatchObject({
      workspace: {
        host: 'https://h',
        root: '/Workspace/Shared/dtflw/sales/test'
      },
      compute: { serverless: true }
    })
    expect(profile?.locate('tables.schema')).toEqual({
      file: 'profiles/test.yaml',
      line: 7,
      column: 57
    })
    expect(profile?.locate('tables')).toMatchObject({ line: 7, column: 1 })
    expect(profile?.locate('nope')).toBeUndefined()
    expect(Object.isFrozen(profile?.values)).toBe(true)
  })

  it('applies defaults: engine local, layout path, format parquet, source format from its extension', () => {
    const { profile } = resolveInMemory({
      test: 'variables: { n: 3, b: true }\ntables: { root: data }\nsources:\n  a: { path: in/a.csv.gz }\n  b: { path: in/b.parquet, options: { header: true } }\n'
    })
    expect(profile).toMatchObject({
      engine: 'local',
      variables: { n: '3', b: 'true' },
      tables: { layout: 'path', root: 'data', format: 'parquet' },
      sources: {
        a: { path: 'in/a.csv.gz', format: 'csv' },
        b: {
          path: 'in/b.parquet',
          format: 'parquet',
          options: { header: 'true' }
        }
      }
    })
  })

  it('requires a tables section', () => {
    expect(problems({ test: 'engine: local\n' })).toEqual([
      'profiles/test.yaml:1:1: error: profile "test" has no tables section; add tables: { layout: path, root: … } or tables: { layout: catalog, catalog: …, schema: … }'
    ])
  })

  it('requires root with layout path, and catalog and schema with layout catalog', () => {
    expect(problems({ test: 'tables: { format: csv }\n' })).toEqual([
      'profiles/test.yaml:1:1: error: profile "test": tables.root is required with layout: path; add root: …'
    ])
    expect(
      problems({ test: '\ntables:\n  layout: catalog\n  catalog: c\n' })
    ).toEqual([
      'profiles/test.yaml:2:1: error: profile "test": tables.schema is required with layout: catalog; add schema: …'
    ])
  })

  it('refuses a setting of the other layout', () => {
    expect(
      problems({
        test: 'tables: { layout: catalog, catalog: c, schema: s, root: r }\n'
      })
    ).toEqual([
      'profiles/test.yaml:1:51: error: tables.root belongs to layout: path, and this profile uses layout: catalog; remove root or change layout'
    ])
  })

  it('checks each source: path or table, not both, and a known format', () => {
    expect(
      problems({
        test: 'tables: { root: d }\nsources:\n  a: { path: x.csv, table: t }\n  b: { format: csv }\n  c: { path: data/x.txt }\n  d: { table: t, format: csv }\n'
      })
    ).toEqual([
      'profiles/test.yaml:3:3: error: source "a" sets both path and table; keep path for a file or table for a catalog table',
      'profiles/test.yaml:4:3: error: profile "test": source "b" needs path (a file) or table (a catalog table)',
      'profiles/test.yaml:5:14: error: cannot tell the format of source "c" from "data/x.txt"; add format: csv, parquet or json',
      'profiles/test.yaml:6:18: error: source "d" is a table; format applies to path sources only, remove it'
    ])
  })

  it('refuses two kinds of compute', () => {
    expect(
      problems({
        test: 'tables: { root: d }\ncompute:\n  serverless: true\n  existing_cluster_id: "0101"\n'
      })
    ).toEqual([
      'profiles/test.yaml:4:24: error: compute sets serverless and existing_cluster_id; keep one'
    ])
  })

  it('reports every problem at once', () => {
    expect(
      problems({
        test: 'engine: spark\ntables: { layout: catalog }\nworkspace: { host: "${NOPE}" }\n'
      })
    ).toHaveLength(4)
  })
})

describe('inferFormat', () => {
  it.each([
    ['data/a.csv', 'csv'],
    ['data/a.CSV', 'csv'],
    ['data/a.csv.gz', 'csv'],
    ['data/a.parquet', 'parquet'],
    ['data/folder.parquet/', 'parquet'],
    ['data/a.jsonl', 'json'],
    ['data/a.txt', undefined],
    ['data/a', undefined],
    ['data.d/a', undefined]
  ])('%s → %s', (path, format) => {
    expect(inferFormat(path)).toBe(format)
  })
})
