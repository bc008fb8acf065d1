import { describe, expect, it } from '@jest/globals'
import { loadDotenv, parseDotenv } from '../../src/profiles/index.js'
import { makeRepo, removeRepo, rendered } from './support.js'

describe('parseDotenv', () => {
  it('reads KEY=VALUE, export, comments, blanks and spaces around =', () => {
    const { values, diagnostics } = parseDotenv(
      '# settings\n\nA=1\nexport B=two words\nC = spaced  # a comment\nD=x#not-a-comment\nE=\n'
    )
    expect(diagnostics).toEqual([])
    expect(values).toEqual({
      A: '1',
      B: 'two words',
      C: 'spaced',
      D: 'x#not-a-comment',
      E: ''
    })
  })

  it('reads double quotes with escapes and single quotes literally', () => {
    const { values } = parseDotenv(
      'A="line\\nnext \\"q\\" # kept"  # comment\nB=\'raw \\n ${X}\'\nC="${Y}"\n'
    )
    expect(values).toEqual({
      A: 'line\nnext "q" # kept',
      B: 'raw \\n ${X}',
      C: '${Y}'
    })
  })

  it('reads quoted values over several lines, and CRLF files', () => {
    const { values } = parseDotenv(
      'KEY="-----BEGIN\r\nabc\r\n-----END"\r\nNEXT=1\r\n'
    )
    expect(values).toEqual({ KEY: '-----BEGIN\nabc\n-----END', NEXT: '1' })
  })

  it('lets a later line win', () => {
    expect(parseDotenv('A=1\nA=2\n').values).toEqual({ A: '2' })
  })

  it('reports bad lines without echoing them (they may hold secrets)', () => {
    const { values, diagnostics } = parseDotenv(
      'GOOD=1\nDATABRICKS_TOKEN dapi123\nQ="open\n'
    )
    expect(values).toEqual({ GOOD: '1' })
    expect(rendered(diagnostics)).toEqual([
      '.env:2:1: error: .env line 2 is not KEY=VALUE; fix or remove it (a comment starts with #)',
      '.env:3:1: error: .env line 3: the value of Q opens " and never closes it'
    ])
    expect(rendered(diagnostics).join('\n')).not.toContain('dapi123')
  })
})

describe('loadDotenv', () => {
  it('reads .env at the repository root, and nothing when there is none', async () => {
    const root = await makeRepo({ '.env': 'A=1\n' })
    const empty = await makeRepo({})
    try {
      expect((await loadDotenv(root)).values).toEqual({ A: '1' })
      expect((await loadDotenv(empty)).values).toEqual({})
    } finally {
      await removeRepo(root)
      await removeRepo(empty)
    }
  })
})
