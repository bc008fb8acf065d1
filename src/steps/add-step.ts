import { rm } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../io/index.js'
import { prepareStep } from './prepare-step.js'
import type { AddStepOptions, AddStepResult } from './types.js'

/**
 * `dtflw add STEP`: writes the step's notebook and inserts the step into the
 * manifest, keeping the manifest's comments, blank lines and quoting.
 * Refuses (exit 2, nothing written) an input that no earlier step writes and
 * no source declares, with a did-you-mean. The notebook is written first and
 * removed again if the manifest cannot be written, so a failure leaves
 * neither.
 */
export async function addStep(options: AddStepOptions): Promise<AddStepResult> {
  const prepared = await prepareStep(options)
  if (!prepared.ok) {
    return { exitCode: 2, diagnostics: prepared.diagnostics, written: [] }
  }
  const [notebook, manifest] = prepared.files
  const notebookFile = path.join(options.root, notebook.path)
  await writeFileAtomic(notebookFile, notebook.content)
  try {
    await writeFileAtomic(
      path.join(options.root, manifest.path),
      manifest.content
    )
  } catch (error) {
    await rm(notebookFile, { force: true })
    throw error
  }
  return {
    exitCode: 0,
    diagnostics: prepared.diagnostics,
    step: prepared.step,
    written: [notebook.path, manifest.path]
  }
}
