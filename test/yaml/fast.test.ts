import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseDocument } from 'yaml'
import { parseYamlFast } from '../../src/yaml/fast.js'
import { composeYaml } from '../../src/yaml/compose.js'
import { repoRoot } from '../support/cli.js'
import { mutations } from '../support/mutate.js'

/** What the YAML library makes of a text, in dtflw's tree; undefined on errors. */
function viaLibrary(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false })
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined
  const { root, problems } = composeYaml(doc)
  return problems.length > 0 ? undefined : plain(root)
}

/** The tree as comparable data: maps as [key, keyOffset, value] lists. */
function plain(node: unknown): unknown {
  const n = node as {
    kind: string
    value?: unknown
    offset: number
    items?: unknown[]
    pairs?: Map<string, { key: string; keyOffset: number; value: unknown }>
  } | null
  if (n === null) return null
  if (n.kind === 'scalar')
    return ['scalar', Number.isNaN(n.value) ? 'NaN' : n.value, n.offset]
  if (n.kind === 'seq') return ['seq', n.offset, n.items!.map(plain)]
  return [
    'map',
    n.offset,
    [...n.pairs!.values()].map((p) => [p.key, p.keyOffset, plain(p.value)])
  ]
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return yamlFiles(full)
    return /\.ya?ml$/.test(name) ? [full] : []
  })
}

const corpus = [
  ...yamlFiles(path.join(repoRoot, 'examples')),
  ...yamlFiles(path.join(repoRoot, 'test/e2e'))
].map((f) => readFileSync(f, 'utf8'))

const shapes = [
  'a:\nb: 1\n',
  'a:   \nb: 1\n',
  'a: # c\nb: 1\n',
  'x:\n  a:\n  b: 1\n',
  '- a:\n  b: 1\n- c\n',
  'k: { a: , b: }\n',
  'k: { a:, b: 1 }\n',
  'k: [a, ]\n',
  'k: {"a":1}\n',
  '"q" : 1\n',
  "'a''b': c\n",
  'k: [ a b, c ]\n',
  ' a: 1\n b: 2\n',
  'a: 1\n  # c\nb: 2\n',
  'flow:\n- a\n- b\nc: 1\n',
  'n: [1, -2, +3, 0o17, 0x1F, 1.50, .5, 1e3, .inf, -.Inf, .nan, ~, Null, TRUE, false]\n',
  's: "tab\\tand \\u00e9 \\x41 \\"q\\""\n',
  'url: https://adb.net/x?y=1#frag\nhost: { h: https://a.b }\n',
  'a: b#c\nd: e #f\n',
  'a: b :c\n',
  '# only a comment\n',
  '',
  'a: [[1, [2]], {b: {c: [d]}}]\n',
  '- - a\n',
  'a: &x 1\nb: *x\n',
  'a: |\n  text\n',
  'a: b\n  c\n',
  'a: b: c\n',
  'a: 1\na: 2\n',
  '---\na: 1\n',
  'a: !tag x\n',
  'a: "unclosed\n',
  'k: {a:1}\n',
  '? a\n: b\n',
  '1: one\ntrue: yes\n',
  'a:\n  - x\n  - y\n b: 1\n'
]

describe('the fast YAML reader', () => {
  it('agrees with the YAML library on every text it accepts', () => {
    let accepted = 0
    for (const text of [...shapes, ...corpus]) {
      const fast = parseYamlFast(text)
      if (!fast) continue
      accepted++
      expect([text, plain(fast.root)]).toEqual([text, viaLibrary(text)])
    }
    expect(accepted).toBeGreaterThan(corpus.length)
  })

  it('agrees on thousands of mutations of the sample files', () => {
    let accepted = 0
    let checked = 0
    for (const text of mutations(corpus, 3000, 7)) {
      checked++
      const fast = parseYamlFast(text)
      if (!fast) continue
      accepted++
      const library = viaLibrary(text)
      // A text the library refuses must never be accepted.
      expect([text, plain(fast.root)]).toEqual([text, library])
    }
    expect(checked).toBe(3000)
    expect(accepted).toBeGreaterThan(1000)
  })

  it('takes the plain YAML of manifests and profiles', () => {
    for (const text of corpus) {
      if (viaLibrary(text) === undefined) continue
      expect([text, parseYamlFast(text) !== undefined]).toEqual([text, true])
    }
  })
})
