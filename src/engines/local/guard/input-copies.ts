import path from 'node:path'
import { mapLimit, toPosixRelative } from '../../../io/index.js'
import { filesOf, readState } from './file-states.js'
import type { FileState } from './file-states.js'
import { StepFailure } from '../failure/index.js'
import { globBase, isGlob, readExpression } from '../tables/index.js'
import type { LocalTable, StepInput } from '../tables/index.js'
import { cloneFile } from './vault.js'

/** A file a SQL step reads in place of a table's file. */
export interface InputCopy {
  readonly original: string
  readonly copy: string
  /** The table or source it belongs to. */
  readonly table: string
  readonly state: FileState
}

/** Where a table's copy lives: `copy` stands for the folder `original`. */
export interface CopiedFolder {
  readonly copy: string
  readonly original: string
}

/** Files copied at once. */
const COPIES_AT_ONCE = 8

/**
 * DuckDB lets a statement write every file it may read, so a SQL step
 * never reads the files of its tables: each input (and each kept table a
 * step rewrites) is copied into `dir`, a folder of the step's own, with
 * the layout under its folder kept (a glob's matches, a folder's part
 * files and their `key=value` folders), and the step's DuckDB may reach
 * only that folder and its staging. A write to a copy changes nothing but
 * the copy, and `checkInputCopies` finds it. The copy is a copy-on-write
 * clone where the file system offers one (APFS, Btrfs, XFS): no bytes are
 * copied. A glob gives exactly the files it matches now.
 */
export async function copyTable(
  table: LocalTable,
  dir: string,
  name: string
): Promise<{ table: LocalTable; copies: InputCopy[]; folder: CopiedFolder }> {
  const base = isGlob(table.path)
    ? globBase(table.path)
    : path.dirname(table.path)
  const files = await filesOf(table.path)
  const copies = await mapLimit(files, COPIES_AT_ONCE, async (original) => {
    const copy = path.join(dir, path.relative(base, original))
    await cloneFile(original, copy)
    return { original, copy, table: name, state: (await readState(copy))! }
  })
  return {
    table: { ...table, path: path.join(dir, path.relative(base, table.path)) },
    copies,
    folder: { copy: dir, original: base }
  }
}

/** Each input with its files copied under `dir`, read from there. */
export async function copyInputs(
  inputs: readonly StepInput[],
  dir: string
): Promise<{
  inputs: StepInput[]
  copies: InputCopy[]
  folders: CopiedFolder[]
}> {
  const copied = await Promise.all(
    inputs.map(async (input, i) => {
      const { table, copies, folder } = await copyTable(
        input.table,
        path.join(dir, String(i)),
        input.input.table
      )
      const copiedInput: StepInput = {
        ...input,
        table,
        reader: await readExpression(table),
        grant: { paths: [], directories: [] }
      }
      return { input: copiedInput, copies, folder }
    })
  )
  return {
    inputs: copied.map((c) => c.input),
    copies: copied.flatMap((c) => c.copies),
    folders: copied.map((c) => c.folder)
  }
}

/**
 * Fails the step when it wrote a copy of an input: the table is as it
 * was, but the notebook tried to write what it may only read.
 */
export async function checkInputCopies(
  root: string,
  copies: readonly InputCopy[]
): Promise<void> {
  const states = await mapLimit(copies, COPIES_AT_ONCE, (c) =>
    readState(c.copy)
  )
  const written = copies.filter((c, i) => states[i]?.id !== c.state.id)
  if (written.length === 0) return
  const first = written[0]
  const where = [
    ...new Set(written.map((c) => toPosixRelative(root, c.original)))
  ].join(', ')
  throw new StepFailure({
    kind: 'undeclared-write',
    table: first.table,
    message: `the notebook wrote its input "${first.table}" (${where}), which a step may only read: it was given a copy, and the file is unchanged; a SQL step writes only its declared outputs (CREATE OR REPLACE TABLE IDENTIFIER(:name_out) AS …).`
  })
}
