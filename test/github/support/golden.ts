import { expect } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/**
 * Compares text with `test/github/fixtures/<name>`. `UPDATE_GOLDEN=1`
 * rewrites the file instead; review the change with `git diff`, as the
 * fixture is the comment a reviewer reads.
 */
export async function expectGolden(name: string, text: string): Promise<void> {
  const file = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))
  if (process.env.UPDATE_GOLDEN === '1') await writeFile(file, text)
  expect(text).toBe(await readFile(file, 'utf8'))
}
