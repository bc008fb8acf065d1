import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseNotebook, type Notebook } from '../../src/notebooks/index.js'

/** Absolute path of a file in `test/notebooks/fixtures/`. */
export function fixturePath(name: string): string {
  return path.join(import.meta.dirname, 'fixtures', name)
}

/** A fixture's text, exactly as on disk. */
export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8')
}

/** A fixture parsed as if it sat at `notebooks/<name>` in a repository. */
export function parseFixture(name: string): Notebook {
  return parseNotebook(fixtureText(name), `notebooks/${name}`)
}
