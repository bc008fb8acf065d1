import { describe, expect, it } from '@jest/globals'
import { createMasker, escapeText } from '../../src/diagnostics/index.js'

describe('createMasker', () => {
  it('masks a secret as it is, as JSON writes it, and as escapeText shows it', () => {
    const secret = 'p@ss"w\\rd\x1b'
    const masker = createMasker([secret])
    expect(masker.mask(`a ${secret} b`)).toBe('a *** b')
    expect(masker.mask(JSON.stringify({ v: secret }))).toBe('{"v":"***"}')
    expect(masker.mask(`shown: ${escapeText(secret)}`)).toBe('shown: ***')
  })

  it('masks each line of a secret of several lines, as logs are written line by line', () => {
    const masker = createMasker(['-----BEGIN KEY-----\nMIIEabcd\n-----END'])
    expect(masker.mask('log: MIIEabcd')).toBe('log: ***')
  })

  it('masks the longer of two secrets whole', () => {
    const masker = createMasker(['abcd', 'abcdefgh'])
    expect(masker.mask('abcdefgh abcd')).toBe('*** ***')
  })

  it('leaves values too short to mask alone', () => {
    const masker = createMasker(['abc'])
    expect(masker.active).toBe(false)
    expect(masker.mask('abc')).toBe('abc')
  })

  it('masks JSON inside its strings only, so a secret that reads like a literal never breaks it', () => {
    const masker = createMasker(['true', '2024', 'n123'])
    const text = JSON.stringify({
      lazy: true,
      year: 2024,
      flag: 'true',
      note: 'in 2024 it was true',
      line: '\n123',
      word: 'n123'
    })
    const masked = masker.maskJson(text)
    expect(JSON.parse(masked)).toEqual({
      lazy: true,
      year: 2024,
      flag: '***',
      note: 'in *** it was ***',
      line: '\n123',
      word: '***'
    })
  })
})
