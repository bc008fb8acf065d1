import { describe, expect, it } from '@jest/globals'
import { parseDuration, parseWait } from '../../../src/commands/index.js'

describe('parseDuration', () => {
  it('reads a whole number and a unit', () => {
    expect(parseDuration('90s')).toBe(90_000)
    expect(parseDuration('5m')).toBe(300_000)
    expect(parseDuration('2h')).toBe(7_200_000)
    expect(parseDuration(' 7d ')).toBe(604_800_000)
  })

  it('gives undefined for anything else, so callers can name the input', () => {
    for (const text of ['0s', '1.5h', '5', 'm', '10 m', '-1d', '3w', '05m']) {
      expect([text, parseDuration(text)]).toEqual([text, undefined])
    }
  })
})

describe('parseWait', () => {
  it('reads a bare number as seconds, as the run lock message writes it', () => {
    expect(parseWait('30')).toBe(30_000)
    expect(parseWait('5m')).toBe(300_000)
    expect(parseWait('0')).toBeUndefined()
    expect(parseWait('1.5')).toBeUndefined()
  })
})
