import { describe, expect, it } from '@jest/globals'
import { tokenizeSql } from '../../src/notebooks/index.js'

const valueOf = (sql: string): string | undefined => tokenizeSql(sql)[0].value

describe('the SQL lexer', () => {
  it("decodes E'…' strings as DuckDB does, so a path spelled with escapes is the path DuckDB opens", () => {
    expect(valueOf(String.raw`E'\x2fdata\x2fraw.csv'`)).toBe('/data/raw.csv')
    expect(valueOf(String.raw`e'\057data\057raw.csv'`)).toBe('/data/raw.csv')
    expect(valueOf(String.raw`E'\u002fx'`)).toBe('/x')
    expect(valueOf(String.raw`E'\xc3\xa9'`)).toBe('é')
    expect(valueOf(String.raw`E'a\'b''c'`)).toBe("a'b'c")
    expect(valueOf(String.raw`E'\n\t\q\\'`)).toBe('\n\tq\\')
    expect(valueOf(String.raw`E'\x2'`)).toBe('\u0002')
    expect(valueOf(String.raw`E'\1012'`)).toBe('A2')
  })

  it('keeps backslashes plain in standard strings', () => {
    expect(valueOf(String.raw`'\x2f'`)).toBe('\\x2f')
  })
})
