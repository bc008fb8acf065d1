import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  hashFile,
  sha256,
  stableHash,
  stableStringify
} from '../../src/io/index.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dtflw-hash-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// FIPS 180-2's test vector, so a deploy state written by another SHA-256
// implementation (the Databricks CLI's, a shell's sha256sum) agrees.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'

describe('sha256 and hashFile', () => {
  it('is the standard hex SHA-256, the same for text and its UTF-8 bytes', () => {
    expect(sha256('abc')).toBe(ABC)
    expect(sha256(new TextEncoder().encode('abc'))).toBe(ABC)
    expect(sha256('café')).toBe(sha256(Buffer.from('café', 'utf8')))
    expect(sha256('café')).not.toBe(sha256(Buffer.from('café', 'latin1')))
  })

  it('hashes a file by its bytes, so a one-byte edit changes the hash', async () => {
    const file = path.join(dir, 'notebook.sql')
    await writeFile(file, 'abc')
    expect(await hashFile(file)).toBe(ABC)
    await writeFile(file, 'abc\n')
    expect(await hashFile(file)).not.toBe(ABC)
  })

  it('rejects a missing file rather than hashing nothing', async () => {
    await expect(hashFile(path.join(dir, 'gone.sql'))).rejects.toMatchObject({
      code: 'ENOENT'
    })
  })
})

describe('stableHash and stableStringify', () => {
  it('do not depend on the order keys were added in, at any depth', () => {
    const a = { step: 'b', params: { year: '2022', catalog: 'x' }, n: 1 }
    const b = { n: 1, params: { catalog: 'x', year: '2022' }, step: 'b' }
    expect(stableStringify(a)).toBe(
      '{"n":1,"params":{"catalog":"x","year":"2022"},"step":"b"}'
    )
    expect(stableHash(a)).toBe(stableHash(b))
  })

  it('keep array order, which carries meaning', () => {
    expect(stableHash({ inputs: ['a', 'b'] })).not.toBe(
      stableHash({ inputs: ['b', 'a'] })
    )
  })

  it('treat an undefined field as absent, as JSON does', () => {
    expect(stableHash({ a: 1, b: undefined })).toBe(stableHash({ a: 1 }))
    expect(stableStringify([null, 'x', { z: [1, { y: true }] }])).toBe(
      '[null,"x",{"z":[1,{"y":true}]}]'
    )
  })

  it('tell a value from its string spelling', () => {
    expect(stableHash({ year: 2022 })).not.toBe(stableHash({ year: '2022' }))
  })
})
