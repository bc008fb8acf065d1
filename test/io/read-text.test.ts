import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  readTextFile,
  tryReadText,
  UnreadableFileError
} from '../../src/io/index.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dtflw-io-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function problem(file: string): Promise<string> {
  try {
    await readTextFile(path.join(dir, file), file)
  } catch (error) {
    if (error instanceof UnreadableFileError) return error.message
    throw error
  }
  return 'read'
}

describe('readTextFile', () => {
  it('keeps a byte-order mark and reads UTF-8', async () => {
    await writeFile(path.join(dir, 'bom.txt'), '\uFEFFcafé')
    expect(await readTextFile(path.join(dir, 'bom.txt'))).toBe('\uFEFFcafé')
  })

  it('says what a path is when it is not a file', async () => {
    await mkdir(path.join(dir, 'folder'))
    execFileSync('mkfifo', [path.join(dir, 'pipe')])
    expect(await problem('folder')).toBe('folder is a folder, not a file.')
    expect(await problem('pipe')).toBe(
      'pipe is a named pipe (FIFO), not a file; dtflw never reads from pipes, since a read would wait for a writer.'
    )
    expect(await problem('nope')).toBe('nope does not exist.')
  })

  it('points at the first byte that is not UTF-8', async () => {
    await writeFile(
      path.join(dir, 'latin1.txt'),
      Buffer.from('ok\nnaïve\n', 'latin1')
    )
    expect(await problem('latin1.txt')).toBe(
      'latin1.txt is not valid UTF-8: byte 0xEF at line 2, column 3 (a file saved as Latin-1 or Windows-1252?); save it as UTF-8.'
    )
  })
})

describe('tryReadText', () => {
  it('gives undefined for a missing file and refuses a folder', async () => {
    expect(await tryReadText(path.join(dir, 'missing'))).toBeUndefined()
    await expect(tryReadText(dir)).rejects.toBeInstanceOf(UnreadableFileError)
  })
})
