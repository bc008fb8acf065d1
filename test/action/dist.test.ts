import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
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
})
