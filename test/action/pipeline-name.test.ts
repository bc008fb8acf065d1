import { describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipelineNameOf } from '../../src/action/pipeline-name.js'

async function folderWith(manifest: string | undefined): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'checkout-'))
  if (manifest !== undefined)
    await writeFile(path.join(dir, 'dtflw.yaml'), manifest)
  return dir
}

describe('the pipeline a failed run reports on', () => {
  it("is the manifest's, even when the manifest does not validate", async () => {
    const dir = await folderWith('pipeline: sales\nflow:\n  - notebok: x.sql\n')
    expect(pipelineNameOf(dir, undefined)).toBe('sales')
  })

  it('is read from its line when the file is not YAML at all', async () => {
    const dir = await folderWith('pipeline: sales # the shop\nflow: [\n')
    expect(pipelineNameOf(dir, undefined)).toBe('sales')
  })

  it('is the folder only when there is no manifest to read', async () => {
    const dir = await folderWith(undefined)
    expect(pipelineNameOf(dir, undefined)).toBe(path.basename(dir))
  })
})
