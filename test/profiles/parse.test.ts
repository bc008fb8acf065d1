import { describe, expect, it } from '@jest/globals'
import { parseProfileFile } from '../../src/profiles/index.js'
import type { MapNode } from '../../src/profiles/index.js'
import { rendered } from './support.js'

const FILE = 'profiles/test.yaml'

function tree(text: string): MapNode {
  const parsed = parseProfileFile(text, FILE)
  expect(rendered(parsed.diagnostics)).toEqual([])
  return parsed.tree as MapNode
}

describe('parseProfileFile', () => {
  it('keeps file, line and column on every map, list and scalar', () => {
    const root = tree(
      'engine: local\ntables:\n  root: data\nworkspace: { host: "h" }\nlist: [a, b]\n'
    )
    const tables = root.entries.get('tables') as MapNode
    expect(root.entries.get('engine')?.from).toEqual([
      { file: FILE, line: 1, column: 9 }
    ])
    expect(root.keys.get('tables')).toEqual([
      { file: FILE, line: 2, column: 1 }
    ])
    expect(tables.entries.get('root')?.from).toEqual([
      { file: FILE, line: 3, column: 9 }
    ])
    const workspace = root.entries.get('workspace') as MapNode
    expect(workspace.entries.get('host')?.from[0]).toMatchObject({
      line: 4,
      column: 20
    })
    const list = root.entries.get('list')
    expect(list?.kind).toBe('list')
    expect(list?.from[0]).toMatchObject({ line: 5, column: 7 })
  })

  it('takes extends out of the tree: one name or a list', () => {
    const one = parseProfileFile('extends: base\nengine: local\n', FILE)
    expect(one.extends).toEqual([
      { name: 'base', location: { file: FILE, line: 1, column: 10 } }
    ])
    expect([...(one.tree?.entries.keys() ?? [])]).toEqual(['engine'])
    const two = parseProfileFile('extends: [base, nonprod]\n', FILE)
    expect(two.extends.map((e) => e.name)).toEqual(['base', 'nonprod'])
    expect(two.name).toBe('test')
  })

  it('rejects an extends that is not a name', () => {
    const parsed = parseProfileFile('extends: { a: 1 }\n', FILE)
    expect(rendered(parsed.diagnostics)).toEqual([
      'profiles/test.yaml:1:10: error: extends takes a profile name or a list of names, e.g. extends: [base, nonprod]'
    ])
  })

  it('reads an empty file as an empty profile', () => {
    expect(tree('# nothing yet\n').entries.size).toBe(0)
  })

  it('refuses a document that is not a mapping', () => {
    const parsed = parseProfileFile('- a\n- b\n', FILE)
    expect(rendered(parsed.diagnostics)).toEqual([
      'profiles/test.yaml:1:1: error: a profile is a mapping of settings (engine, tables, sources, …), found a list'
    ])
  })

  it('resolves aliases to the anchored node', () => {
    const root = tree('a: &x { k: 1 }\nb: *x\n')
    const b = root.entries.get('b') as MapNode
    expect(b.entries.get('k')?.from[0]).toMatchObject({ line: 1, column: 12 })
  })
})

describe('YAML syntax errors', () => {
  it('give file:line:column', () => {
    const parsed = parseProfileFile('engine: local\nengine: databricks\n', FILE)
    expect(parsed.tree).toBeUndefined()
    expect(rendered(parsed.diagnostics)).toEqual([
      'profiles/test.yaml:2:1: error: a key is written twice in this mapping; keep one'
    ])
  })

  it('ask for one profile per file', () => {
    const parsed = parseProfileFile('engine: local\n---\nengine: x\n', FILE)
    expect(rendered(parsed.diagnostics)).toEqual([
      'profiles/test.yaml:2:1: error: this file holds more than one YAML document (a --- line); keep one document per file'
    ])
  })

  it('explain an unquoted ${…} inside a { … } flow mapping', () => {
    const parsed = parseProfileFile(
      'engine: databricks\ntables: { layout: catalog, catalog: sales_test, schema: ${pipeline} }\n',
      FILE
    )
    expect(rendered(parsed.diagnostics)).toEqual([
      'profiles/test.yaml:2:57: error: ${pipeline} inside a { … } flow mapping must be quoted; write schema: "${pipeline}"\n' +
        '  In { … } and [ … ] YAML reads the braces of ${…} as structure, so the value needs quotes.'
    ])
  })

  it('quote the whole value when ${…} is part of it', () => {
    const parsed = parseProfileFile(
      'tables: { root: .dtflw/${profile}/x, format: parquet }\n',
      FILE
    )
    expect(parsed.diagnostics.map((d) => d.summary)).toEqual([
      '.dtflw/${profile}/x inside a { … } flow mapping must be quoted; write root: ".dtflw/${profile}/x"'
    ])
  })

  it('explain an unquoted ${…} in a [ … ] flow sequence and on a later line', () => {
    const parsed = parseProfileFile(
      'a: [${X}, b]\ntables:\n  b: { c: 1,\n    d: ${Y} }\n',
      FILE
    )
    expect(rendered(parsed.diagnostics).map((l) => l.split('\n')[0])).toEqual([
      'profiles/test.yaml:1:5: error: ${X} inside a [ … ] flow sequence must be quoted; write "${X}"',
      'profiles/test.yaml:4:8: error: ${Y} inside a { … } flow mapping must be quoted; write d: "${Y}"'
    ])
  })

  it('accept ${…} unquoted in block style and quoted in flow style', () => {
    const root = tree(
      'workspace:\n  host: ${DATABRICKS_HOST}\ntables: { schema: "${pipeline}" }\n'
    )
    expect(root.entries.get('workspace')?.kind).toBe('map')
  })
})
