import { describe, expect, it } from '@jest/globals'
import { mergeProfiles, parseProfileFile } from '../../src/profiles/index.js'
import type { MapNode, ProfileNode } from '../../src/profiles/index.js'
import { formatLine } from '../../src/diagnostics/index.js'

function file(name: string, text: string): MapNode {
  const parsed = parseProfileFile(text, `profiles/${name}.yaml`)
  expect(parsed.diagnostics).toEqual([])
  return parsed.tree as MapNode
}

function plain(node: ProfileNode): unknown {
  if (node.kind === 'scalar') return node.value
  if (node.kind === 'list') return node.items.map(plain)
  return Object.fromEntries([...node.entries].map(([k, v]) => [k, plain(v)]))
}

function at(node: MapNode, ...path: string[]): ProfileNode {
  let current: ProfileNode = node
  for (const key of path) {
    if (current.kind !== 'map') throw new Error(`no ${key}`)
    current = current.entries.get(key) as ProfileNode
  }
  return current
}

function lines(node: ProfileNode): string[] {
  return node.from.map(formatLine)
}

describe('mergeProfiles', () => {
  // datafaucet's utils.merge cases, with our rule for lists.
  it('merges maps deeply, the child winning', () => {
    const parent = file(
      'base',
      'engine:\n  type: spark\n  master: local[*]\n  conf: { a: 1, b: 2 }\n'
    )
    const child = file(
      'prod',
      'engine:\n  master: yarn\n  conf: { b: 3, c: 4 }\n'
    )
    expect(plain(mergeProfiles(parent, child))).toEqual({
      engine: { type: 'spark', master: 'yarn', conf: { a: 1, b: 3, c: 4 } }
    })
  })

  it('replaces lists instead of concatenating them (datafaucet concatenated)', () => {
    const parent = file('base', 'engine:\n  jars: [a.jar]\n')
    const child = file('prod', 'engine:\n  jars: [b.jar]\n')
    expect(plain(mergeProfiles(parent, child))).toEqual({
      engine: { jars: ['b.jar'] }
    })
  })

  it('replaces a scalar by a map and a map by a scalar', () => {
    const parent = file('base', 'a: 1\nb: { x: 1 }\n')
    const child = file('prod', 'a: { y: 2 }\nb: 2\n')
    expect(plain(mergeProfiles(parent, child))).toEqual({ a: { y: 2 }, b: 2 })
  })

  it('deletes a key set to null, at any depth, and drops nulls with nothing to delete', () => {
    const parent = file(
      'base',
      'workspace: { host: h, root: r }\ncompute: { serverless: true }\n'
    )
    const child = file(
      'prod',
      'workspace:\n  root: null\ncompute: ~\nextra: { gone: null, kept: 1 }\nnothing: null\n'
    )
    expect(plain(mergeProfiles(parent, child))).toEqual({
      workspace: { host: 'h' },
      extra: { kept: 1 }
    })
  })

  it('keeps the parent key order and appends new keys', () => {
    const merged = mergeProfiles(
      file('base', 'a: 1\nb: 2\n'),
      file('prod', 'c: 3\na: 4\n')
    )
    expect([...merged.entries.keys()]).toEqual(['a', 'b', 'c'])
  })

  it('puts the winner location first and keeps what it overrode', () => {
    const base = file(
      'base',
      'engine: local\ntables:\n  root: a\n  format: parquet\n'
    )
    const nonprod = file('nonprod', 'engine: databricks\n')
    const test = file(
      'test',
      '\ntables:\n  root: b\n  format: null\nengine: databricks\n'
    )
    const merged = mergeProfiles(mergeProfiles(base, nonprod), test)
    expect(lines(at(merged, 'engine'))).toEqual([
      'profiles/test.yaml:5',
      'profiles/nonprod.yaml:1',
      'profiles/base.yaml:1'
    ])
    expect(lines(at(merged, 'tables', 'root'))).toEqual([
      'profiles/test.yaml:3',
      'profiles/base.yaml:3'
    ])
    expect(lines(at(merged, 'tables'))).toEqual([
      'profiles/test.yaml:3',
      'profiles/base.yaml:3'
    ])
    expect(merged.keys.get('tables')?.map(formatLine)).toEqual([
      'profiles/test.yaml:2',
      'profiles/base.yaml:2'
    ])
  })

  it('does not change its inputs', () => {
    const parent = file('base', 'a: { b: 1 }\n')
    const child = file('prod', 'a: { b: 2 }\n')
    mergeProfiles(parent, child)
    expect(plain(parent)).toEqual({ a: { b: 1 } })
  })

  it('replaces tables when the layout changes, so path settings do not leak into a catalog', () => {
    const base = file(
      'base',
      'tables: { layout: path, root: ".dtflw/data", format: parquet }\n'
    )
    const test = file(
      'test',
      'tables: { layout: catalog, catalog: sales_test, schema: sales }\n'
    )
    const merged = mergeProfiles(base, test)
    expect(plain(at(merged, 'tables'))).toEqual({
      layout: 'catalog',
      catalog: 'sales_test',
      schema: 'sales'
    })
    expect(lines(at(merged, 'tables', 'layout'))).toEqual([
      'profiles/test.yaml:1',
      'profiles/base.yaml:1'
    ])
  })

  it('treats a missing layout as path when deciding', () => {
    const base = file('base', 'tables: { root: data }\n')
    expect(
      plain(
        mergeProfiles(
          base,
          file('a', 'tables: { layout: catalog, catalog: c, schema: s }\n')
        )
      )
    ).toEqual({ tables: { layout: 'catalog', catalog: 'c', schema: 's' } })
    expect(
      plain(
        mergeProfiles(
          base,
          file('b', 'tables: { layout: path, format: delta }\n')
        )
      )
    ).toEqual({
      tables: { root: 'data', layout: 'path', format: 'delta' }
    })
  })

  it('merges tables when the child does not change the layout', () => {
    const base = file(
      'base',
      'tables: { layout: catalog, catalog: dev, schema: s }\n'
    )
    const prod = file('prod', 'tables: { catalog: prod }\n')
    expect(plain(mergeProfiles(base, prod))).toEqual({
      tables: { layout: 'catalog', catalog: 'prod', schema: 's' }
    })
  })

  it('replaces a source that switches between path and table', () => {
    const base = file(
      'base',
      'sources:\n  raw_orders: { path: data/raw_orders.csv, format: csv }\n  other: { path: a.csv }\n'
    )
    const test = file(
      'test',
      'sources:\n  raw_orders: { table: shop_raw.exports.orders }\n  other: { format: csv }\n'
    )
    expect(plain(mergeProfiles(base, test))).toEqual({
      sources: {
        raw_orders: { table: 'shop_raw.exports.orders' },
        other: { path: 'a.csv', format: 'csv' }
      }
    })
  })

  it('replaces compute that switches from serverless to a cluster', () => {
    const base = file('base', 'compute: { serverless: true }\n')
    const prod = file('prod', 'compute: { existing_cluster_id: "0101-abc" }\n')
    expect(plain(mergeProfiles(base, prod))).toEqual({
      compute: { existing_cluster_id: '0101-abc' }
    })
  })
})
