import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../support/cli.js'

describe('dist/', () => {
  // `npm test` builds first (pretest), so a committed dist/ that is not the
  // build of the committed src/ shows up as a change here, as
  // actions/typescript-action's check-dist job finds it.
  it('is the build of src/ (commit the rebuilt dist/ with the change)', () => {
    const changed = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'dist', 'action.yml'],
      { cwd: repoRoot, encoding: 'utf8' }
    )
    expect(changed).toBe('')
  })

  // A runner has no node_modules and no src/: the Databricks engine of a
  // bundle deploys the data diff notebook it finds beside its chunks.
  it.each(['dist/action', 'dist/cli'])(
    '%s carries the data diff notebook a preview deploys',
    (bundle) => {
      const read = (file: string) =>
        readFileSync(path.join(repoRoot, file), 'utf8')
      expect(read(`${bundle}/chunks/python/dtflw_data_diff.py`)).toBe(
        read('src/diff/python/dtflw_data_diff.py')
      )
    }
  )
})
