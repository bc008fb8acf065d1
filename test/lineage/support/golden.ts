import { expect } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/**
 * Compares text with `test/lineage/fixtures/<name>`. `UPDATE_GOLDEN=1`
 * rewrites the file instead; review the change with `git diff` before
 * committing it, as the fixture is the expected output read by eye.
 */
export async function expectGolden(name: string, text: string): Promise<void> {
  const file = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))
  if (process.env.UPDATE_GOLDEN === '1') await writeFile(file, text)
  expect(text).toBe(await readFile(file, 'utf8'))
}
