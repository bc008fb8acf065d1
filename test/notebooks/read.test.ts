import { describe, expect, it } from '@jest/globals'
import {
  MissingNotebookError,
  NotANotebookError,
  readNotebook
} from '../../src/notebooks/index.js'
import { fixturePath } from './fixture.js'

describe('readNotebook', () => {
  it('reads and parses a file, naming it by its display path', async () => {
    const notebook = await readNotebook(
      fixturePath('ingest_orders.py'),
      'notebooks/ingest_orders.py'
    )
    expect(notebook.path).toBe('notebooks/ingest_orders.py')
    expect(notebook.cells).toHaveLength(6)
  })

  it('says which notebook is missing', async () => {
    const reading = readNotebook(fixturePath('nope.py'), 'notebooks/nope.py')
    await expect(reading).rejects.toBeInstanceOf(MissingNotebookError)
    await expect(reading).rejects.toMatchObject({
      exitCode: 2,
      message:
        'notebook notebooks/nope.py does not exist; check the path and its extension.'
    })
  })

  it('rejects a file that is not a notebook', async () => {
    const reading = readNotebook(fixturePath('fabric.py'), 'nb/fabric.py')
    await expect(reading).rejects.toBeInstanceOf(NotANotebookError)
  })
})
