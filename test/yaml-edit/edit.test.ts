import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  deleteIn,
  inline,
  insertItem,
  setIn
} from '../../src/yaml-edit/index.js'

// A profile as users write it: comments, blank lines, quotes, flow maps.
const PROFILE = `# The test workspace.
extends: base   # inherits the sources
variables:
  catalog: 'sales_test'

workspace:
  host: "\${DATABRICKS_HOST}"
  root: /Workspace/Shared/dtflw/\${pipeline}
compute:
  serverless: true
sources:
  raw: { table: "\${var.catalog}.landing.raw" }
`

/** The lines of `after` that are not in `before`, and the reverse. */
function lineDiff(before: string, after: string) {
  const a = before.split('\n')
  const b = after.split('\n')
  let start = 0
  while (start < a.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) }
}

describe('setIn', () => {
  it('replaces a scalar in place, keeping its quotes and everything else', () => {
    const out = setIn(PROFILE, ['variables', 'catalog'], 'sales_acc')
    expect(lineDiff(PROFILE, out)).toEqual({
      removed: ["  catalog: 'sales_test'"],
      added: ["  catalog: 'sales_acc'"]
    })
    const host = setIn(PROFILE, ['workspace', 'host'], 'https://adb-1.2.net')
    expect(lineDiff(PROFILE, host).added).toEqual([
      '  host: "https://adb-1.2.net"'
    ])
  })

  it('writes a block map over a block map, and a flow map over a flow map', () => {
    const out = setIn(
      setIn(PROFILE, ['compute'], { existing_cluster_id: '0123-456789-abc' }),
      ['sources', 'raw'],
      inline({ path: '${var.root}/raw.csv', format: 'csv' })
    )
    expect(out).toBe(
      PROFILE.replace(
        'serverless: true',
        'existing_cluster_id: 0123-456789-abc'
      ).replace(
        '{ table: "${var.catalog}.landing.raw" }',
        '{ path: "${var.root}/raw.csv", format: csv }'
      )
    )
    expect(parse(out).sources.raw.path).toBe('${var.root}/raw.csv')
  })

  it('adds a missing key at the end of its map, and missing parents', () => {
    const out = setIn(PROFILE, ['workspace', 'profile'], 'dev')
    expect(lineDiff(PROFILE, out)).toEqual({
      removed: [],
      added: ['  profile: dev']
    })
    expect(parse(out).workspace).toEqual({
      host: '${DATABRICKS_HOST}',
      root: '/Workspace/Shared/dtflw/${pipeline}',
      profile: 'dev'
    })
    const nested = setIn('a: 1\n', ['tables', 'layout'], 'path')
    expect(nested).toBe('a: 1\ntables:\n  layout: path\n')
  })

  it('replaces a block sequence by an empty flow one, and back', () => {
    const text = 'pipeline: p\nflow:\n  - notebook: a.sql\n# end\n'
    const empty = setIn(text, ['flow'], [])
    expect(empty).toBe('pipeline: p\nflow: []\n# end\n')
    expect(insertItem(empty, ['flow'], 0, { notebook: 'b.sql' })).toBe(
      'pipeline: p\nflow:\n  - notebook: b.sql\n# end\n'
    )
  })
})

describe('deleteIn', () => {
  it('removes a pair and its block, nothing else', () => {
    const out = deleteIn(PROFILE, ['variables'])
    expect(lineDiff(PROFILE, out)).toEqual({
      removed: ['variables:', "  catalog: 'sales_test'"],
      added: []
    })
    expect(deleteIn(PROFILE, ['nothing'])).toBe(PROFILE)
  })
})

describe('insertItem', () => {
  const MANIFEST = `pipeline: p
flow:
  # ingest
  - notebook: notebooks/a.sql   # first
    outputs: [a]

  # the second step
  - notebook: notebooks/b.sql
    inputs: [a]
    outputs: ["b"]
`
  const step = { notebook: 'notebooks/c.sql', inputs: ['a'], outputs: ['c'] }

  it('goes after the previous item, before the comment of the next one', () => {
    const out = insertItem(MANIFEST, ['flow'], 1, step)
    expect(out).toBe(
      MANIFEST.replace(
        '\n\n  # the second step',
        '\n\n  - notebook: notebooks/c.sql\n    inputs: [a]\n    outputs: [c]\n\n  # the second step'
      )
    )
  })

  it('appends at the end and prepends at the start', () => {
    const end = insertItem(MANIFEST, ['flow'], 2, step)
    expect(end).toBe(
      `${MANIFEST}\n  - notebook: notebooks/c.sql\n    inputs: [a]\n    outputs: [c]\n`
    )
    const start = insertItem(MANIFEST, ['flow'], 0, step)
    expect(
      parse(start).flow.map((s: { notebook: string }) => s.notebook)
    ).toEqual(['notebooks/c.sql', 'notebooks/a.sql', 'notebooks/b.sql'])
  })

  it('keeps CRLF line ends and the items’ indentation', () => {
    const crlf = 'flow:\r\n- notebook: a.sql\r\n'
    expect(insertItem(crlf, ['flow'], 1, { notebook: 'b.sql' })).toBe(
      'flow:\r\n- notebook: a.sql\r\n- notebook: b.sql\r\n'
    )
  })

  it('quotes what would not read back as the same string', () => {
    const out = insertItem('flow: []\n', ['flow'], 0, {
      notebook: 'notebooks/x: y.sql',
      outputs: ['a,b', 'true']
    })
    expect(parse(out).flow[0]).toEqual({
      notebook: 'notebooks/x: y.sql',
      outputs: ['a,b', 'true']
    })
  })
})
