import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { temporarySibling, writeFileAtomic } from '../../src/io/index.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dtflw-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('creates missing folders and leaves only the target behind', async () => {
    const target = path.join(dir, 'runs', 'r1', 'report.json')
    await writeFileAtomic(target, '{"status":"succeeded"}\n')
    expect(await readFile(target, 'utf8')).toBe('{"status":"succeeded"}\n')
    expect(await readdir(path.dirname(target))).toEqual(['report.json'])
  })

  it('replaces old content whole, bytes as well as text', async () => {
    const target = path.join(dir, 'state.bin')
    await writeFileAtomic(target, 'a much longer first version of the file')
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]))
    expect([...(await readFile(target))]).toEqual([1, 2, 3])
    expect(await readdir(dir)).toEqual(['state.bin'])
  })

  it('never shows a reader half a file while it is being replaced', async () => {
    const target = path.join(dir, 'big.txt')
    // Large enough that a plain writeFile would be seen part-written.
    const before = 'a'.repeat(8 * 1024 * 1024)
    const after = 'b'.repeat(8 * 1024 * 1024)
    await writeFile(target, before)
    let finished = false
    const writing = writeFileAtomic(target, after).finally(() => {
      finished = true
    })
    const seen = new Set<string>()
    while (!finished) {
      const text = await readFile(target, 'utf8')
      seen.add(
        text === before ? 'old' : text === after ? 'new' : `${text.length}`
      )
    }
    await writing
    seen.add((await readFile(target, 'utf8')) === after ? 'new' : 'other')
    expect([...seen].filter((s) => s !== 'old' && s !== 'new')).toEqual([])
    expect(seen.has('new')).toBe(true)
  })

  it('a write that fails half-way keeps the old content and no temporary file', async () => {
    const target = path.join(dir, 'report.json')
    await writeFile(target, 'old report')
    // A source that breaks after its first chunk stands in for a disk that
    // fills up mid-write: part of the new content has reached the disk.
    async function* halfThenFail(): AsyncGenerator<string> {
      yield 'new rep'
      throw new Error('ENOSPC: no space left on device')
    }
    await expect(
      writeFileAtomic(target, halfThenFail() as unknown as Uint8Array)
    ).rejects.toThrow('ENOSPC')
    expect(await readFile(target, 'utf8')).toBe('old report')
    expect(await readdir(dir)).toEqual(['report.json'])
  })

  it('a rename that fails removes the temporary file and leaves the target alone', async () => {
    // A folder where the file should go: the write succeeds, the rename not.
    const target = path.join(dir, 'out')
    await mkdir(target)
    await writeFile(path.join(target, 'keep.txt'), 'kept')
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/)
    })
    expect(await readdir(dir)).toEqual(['out'])
    expect(await readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('kept')
  })
})

describe('temporarySibling', () => {
  it('names a hidden file in the same folder, different on every call', () => {
    const target = path.join(dir, 'sub', 'report.json')
    const first = temporarySibling(target)
    const second = temporarySibling(target)
    // Same folder, so the rename never crosses a file system.
    expect(path.dirname(first)).toBe(path.dirname(target))
    expect(path.basename(first)).toMatch(/^\.report\.json\.[0-9a-f]{12}\.tmp$/)
    expect(second).not.toBe(first)
  })
})
