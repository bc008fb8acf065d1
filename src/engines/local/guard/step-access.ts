import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { PlannedSource, PlannedStep } from '../../../flow/index.js'
import { filesOf } from './file-states.js'
import { copyInputs, copyTable } from './input-copies.js'
import type { CopiedFolder, InputCopy } from './input-copies.js'
import {
  globBase,
  isGlob,
  readExpression,
  resolveLocalTable
} from '../tables/index.js'
import type {
  PriorTable,
  StepInput,
  StepOutput,
  StepTables
} from '../tables/index.js'

/**
 * What a strict step must not see of the repository: the table root, the
 * sources it does not declare, and the files in the folder of a glob it
 * declares that the glob does not match (its inputs show through).
 */
export async function planHidden(
  root: string,
  tableRoot: string,
  sources: readonly PlannedSource[],
  step: PlannedStep
): Promise<{ hiddenFiles: string[]; hiddenFolders: string[] }> {
  const hiddenFiles: string[] = []
  const hiddenFolders = [tableRoot]
  const declared = new Set(
    step.inputs.filter((i) => i.isSource).map((i) => i.table)
  )
  for (const source of sources) {
    if (!source.location || source.location.kind !== 'path') continue
    const where = resolveLocalTable(root, source.location).path
    if (declared.has(source.name)) {
      if (isGlob(where)) hiddenFolders.push(globBase(where))
      continue
    }
    if (isGlob(where)) hiddenFiles.push(...(await filesOf(where)))
    else if (await isFolder(where)) hiddenFolders.push(where)
    else hiddenFiles.push(where)
  }
  return { hiddenFiles, hiddenFolders }
}

async function isFolder(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false
}

/** The files a step reads: its inputs' and the kept tables it rewrites. */
export async function readFiles(
  inputs: readonly StepInput[],
  prior: readonly (PriorTable | undefined)[]
): Promise<string[]> {
  const places = [
    ...inputs.map((i) => i.table.path),
    ...prior.flatMap((p) => (p?.table ? [p.table.path] : []))
  ]
  return (await Promise.all(places.map((p) => filesOf(p)))).flat()
}

/** What a SQL step reads instead of its tables' files. */
export interface SqlInputCopies {
  /** Its tables, inputs and kept tables read from the copies. */
  readonly tables: StepTables
  /** Each copied file, to check afterwards that the step left it alone. */
  readonly copies: readonly InputCopy[]
  /** The folders of copies, which the step may read but not write. */
  readonly folders: readonly CopiedFolder[]
}

/**
 * The tables a SQL step sees: its inputs, and the kept tables it rewrites,
 * read from copies in `dir`; the copies, to check afterwards.
 */
export async function copyForSql(
  inputs: readonly StepInput[],
  outputs: readonly StepOutput[],
  dir: string
): Promise<SqlInputCopies> {
  const copied = await copyInputs(inputs, dir)
  const copies = [...copied.copies]
  const folders = [...copied.folders]
  const held = await Promise.all(
    outputs.map(async (o, i): Promise<StepOutput> => {
      if (!o.prior?.table) return o
      const kept = await copyTable(
        o.prior.table,
        path.join(dir, `kept-${i}`),
        o.output.alias
      )
      copies.push(...kept.copies)
      folders.push(kept.folder)
      return {
        ...o,
        prior: { from: await readExpression(kept.table), table: kept.table }
      }
    })
  )
  return { tables: { inputs: copied.inputs, outputs: held }, copies, folders }
}
