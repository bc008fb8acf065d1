import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFlow, planFlow } from '../../src/flow/index.js'
import type { Plan } from '../../src/flow/index.js'
import { loadManifest } from '../../src/manifest/index.js'
import { loadProfile } from '../../src/profiles/index.js'

const EXAMPLE = fileURLToPath(new URL('../../examples/sales', import.meta.url))

/** A copy of examples/sales in a temporary folder that tests may edit. */
export interface SalesProject {
  readonly root: string
  plan(profile: string): Promise<Plan>
  read(file: string): Promise<string>
  write(file: string, text: string): Promise<void>
  remove(): Promise<void>
}

/** Copies examples/sales (without earlier run output) to a temp folder. */
export async function copySalesProject(): Promise<SalesProject> {
  const root = await mkdtemp(path.join(tmpdir(), 'dtflw-sales-'))
  await cp(EXAMPLE, root, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.dtflw`)
  })
  return {
    root,
    async plan(name) {
      const { manifest } = await loadManifest(
        path.join(root, 'dtflw.yaml'),
        root
      )
      const built = buildFlow(manifest)
      if (!built.flow) throw new Error(JSON.stringify(built.diagnostics))
      const profile = await loadProfile({
        root: manifest.root,
        profilesDir: manifest.profilesDir,
        name,
        context: {
          env: { DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' },
          pipeline: manifest.pipeline
        }
      })
      return planFlow(built.flow, profile, {})
    },
    read: (file) => readFile(path.join(root, file), 'utf8'),
    write: (file, text) => writeFile(path.join(root, file), text),
    remove: () => rm(root, { recursive: true, force: true })
  }
}
