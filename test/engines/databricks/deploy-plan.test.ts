import { describe, expect, it } from '@jest/globals'
import type { DeployFile } from '../../../src/engines/databricks/deploy-files.js'
import {
  foldersToList,
  nextDeployState,
  pendingDeployState,
  planDeploy
} from '../../../src/engines/databricks/deploy-plan.js'
import type {
  DeployState,
  RemoteObject
} from '../../../src/engines/databricks/deploy-plan.js'

// The deploy decided from literals: what the repository holds (content
// hashes), what the last deploy recorded, and what the workspace listing
// shows. Listings answer without the `/Workspace` prefix.
const ROOT = '/Workspace/Shared/dtflw/sales/test'
const LISTED = '/Shared/dtflw/sales/test'

function file(repoPath: string, hash: string): DeployFile {
  return {
    repoPath,
    format: repoPath.endsWith('.ipynb') ? 'JUPYTER' : 'SOURCE',
    language: repoPath.endsWith('.sql') ? 'SQL' : 'PYTHON',
    content: Buffer.from(hash),
    hash
  }
}

function state(
  files: DeployState['files'],
  pending?: DeployState['pending']
): DeployState {
  return {
    version: 1,
    tool: 'dtflw 0.1.0',
    deployedAt: '2026-12-01T08:00:00.000Z',
    gitSha: 'abc123',
    files,
    ...(pending ? { pending } : {})
  }
}

/** A workspace listing: workspace path (as listed) → its object. */
function listing(
  objects: Record<string, { objectId?: number; modifiedAt?: number }>
): Map<string, RemoteObject> {
  return new Map(
    Object.entries(objects).map(([p, o]) => [
      `${LISTED}/${p}`,
      { path: `${LISTED}/${p}`, ...o }
    ])
  )
}

/** What a user reads of a plan: each upload with its reason, removals, the rest. */
function decided(plan: ReturnType<typeof planDeploy>) {
  return {
    upload: plan.upload.map((u) => [u.file.repoPath, u.reason, u.remotePath]),
    remove: plan.remove.map((r) => [r.repoPath, r.remotePath]),
    unchanged: plan.unchanged,
    folders: plan.folders,
    settle: plan.settle
  }
}

describe('planDeploy', () => {
  it('uploads everything on a first deploy, each under the root without its extension, creating its folders', () => {
    const plan = planDeploy(
      ROOT,
      [
        file('notebooks/import_data.py', 'h1'),
        file('notebooks/stats.sql', 'h2'),
        file('lib/setup.py', 'h3')
      ],
      undefined,
      new Map()
    )
    expect(decided(plan)).toEqual({
      upload: [
        ['notebooks/import_data.py', 'new', `${ROOT}/notebooks/import_data`],
        ['notebooks/stats.sql', 'new', `${ROOT}/notebooks/stats`],
        ['lib/setup.py', 'new', `${ROOT}/lib/setup`]
      ],
      remove: [],
      unchanged: [],
      folders: [`${ROOT}/lib`, `${ROOT}/notebooks`],
      settle: false
    })
  })

  it('uploads nothing when the hashes and the workspace times are the ones recorded, as from a fresh CI checkout', () => {
    const plan = planDeploy(
      ROOT,
      [file('notebooks/a.py', 'h1'), file('notebooks/b.sql', 'h2')],
      state({
        'notebooks/a.py': { hash: 'h1', objectId: 1, modifiedAt: 100 },
        'notebooks/b.sql': { hash: 'h2', objectId: 2, modifiedAt: 200 }
      }),
      listing({
        'notebooks/a': { objectId: 1, modifiedAt: 100 },
        'notebooks/b': { objectId: 2, modifiedAt: 200 }
      })
    )
    expect(decided(plan)).toEqual({
      upload: [],
      remove: [],
      unchanged: ['notebooks/a.py', 'notebooks/b.sql'],
      folders: [],
      settle: false
    })
  })

  it('says why each notebook goes up: changed here, missing there, or edited there', () => {
    const plan = planDeploy(
      ROOT,
      [
        file('notebooks/changed.py', 'new-hash'),
        file('notebooks/deleted.py', 'h2'),
        file('notebooks/edited.py', 'h3'),
        file('notebooks/same.py', 'h4')
      ],
      state({
        'notebooks/changed.py': { hash: 'old-hash', modifiedAt: 100 },
        'notebooks/deleted.py': { hash: 'h2', modifiedAt: 100 },
        'notebooks/edited.py': { hash: 'h3', modifiedAt: 100 },
        'notebooks/same.py': { hash: 'h4', modifiedAt: 100 }
      }),
      listing({
        'notebooks/changed': { modifiedAt: 100 },
        'notebooks/edited': { modifiedAt: 555 },
        'notebooks/same': { modifiedAt: 100 }
      })
    )
    expect(decided(plan).upload).toEqual([
      ['notebooks/changed.py', 'changed', `${ROOT}/notebooks/changed`],
      [
        'notebooks/deleted.py',
        'missing in the workspace',
        `${ROOT}/notebooks/deleted`
      ],
      [
        'notebooks/edited.py',
        'changed in the workspace',
        `${ROOT}/notebooks/edited`
      ]
    ])
    expect(plan.unchanged).toEqual(['notebooks/same.py'])
  })

  it('does not call a notebook edited when either side has no time to compare', () => {
    const plan = planDeploy(
      ROOT,
      [file('a.py', 'h1'), file('b.py', 'h2')],
      state({ 'a.py': { hash: 'h1' }, 'b.py': { hash: 'h2', modifiedAt: 1 } }),
      listing({ a: { modifiedAt: 9 }, b: {} })
    )
    expect(decided(plan).upload).toEqual([])
    expect(plan.unchanged).toEqual(['a.py', 'b.py'])
  })

  it('removes, sorted, the notebooks that left the manifest and are still there; one already gone is left alone', () => {
    const plan = planDeploy(
      ROOT,
      [file('notebooks/kept.py', 'h1')],
      state({
        'notebooks/kept.py': { hash: 'h1', modifiedAt: 1 },
        'notebooks/z_dropped.sql': { hash: 'h2', modifiedAt: 1 },
        'notebooks/a_dropped.py': { hash: 'h3', modifiedAt: 1 },
        'notebooks/gone.py': { hash: 'h4', modifiedAt: 1 }
      }),
      listing({
        'notebooks/kept': { modifiedAt: 1 },
        'notebooks/z_dropped': { modifiedAt: 1 },
        'notebooks/a_dropped': { modifiedAt: 1 }
      })
    )
    expect(decided(plan)).toEqual({
      upload: [],
      remove: [
        ['notebooks/a_dropped.py', `${ROOT}/notebooks/a_dropped`],
        ['notebooks/z_dropped.sql', `${ROOT}/notebooks/z_dropped`]
      ],
      unchanged: ['notebooks/kept.py'],
      folders: [],
      settle: false
    })
  })

  it('adopts what a killed deploy uploaded: a pending upload whose workspace time moved is done', () => {
    // The killed deploy was giving a.py hash h1-new (done: the time moved
    // from 100 to 150) and b.py hash h2-new (not done: still 100).
    const killed = state(
      {
        'a.py': { hash: 'h1-old', modifiedAt: 100 },
        'b.py': { hash: 'h2-old', modifiedAt: 100 }
      },
      {
        'a.py': { hash: 'h1-new', was: 100 },
        'b.py': { hash: 'h2-new', was: 100 }
      }
    )
    const plan = planDeploy(
      ROOT,
      [file('a.py', 'h1-new'), file('b.py', 'h2-new')],
      killed,
      listing({ a: { modifiedAt: 150 }, b: { modifiedAt: 100 } })
    )
    expect(decided(plan)).toEqual({
      upload: [['b.py', 'changed', `${ROOT}/b`]],
      remove: [],
      unchanged: ['a.py'],
      folders: [ROOT],
      // Even with nothing to upload, the pending records must be settled.
      settle: true
    })
  })

  it('counts a notebook the killed deploy created first as new only if its upload did not happen', () => {
    const killed = state(
      {},
      { 'new.py': { hash: 'h1' }, 'later.py': { hash: 'h2' } }
    )
    const plan = planDeploy(
      ROOT,
      [file('new.py', 'h1'), file('later.py', 'h2')],
      killed,
      listing({ new: { modifiedAt: 10 } })
    )
    expect(decided(plan).upload).toEqual([['later.py', 'new', `${ROOT}/later`]])
    expect(plan.unchanged).toEqual(['new.py'])
  })

  it('removes a notebook a killed deploy uploaded for a step that has since left the manifest', () => {
    const plan = planDeploy(
      ROOT,
      [],
      state({}, { 'dropped.py': { hash: 'h1' } }),
      listing({ dropped: { modifiedAt: 10 } })
    )
    expect(decided(plan).remove).toEqual([['dropped.py', `${ROOT}/dropped`]])
  })
})

describe('the deploy state around a plan', () => {
  const local = [file('a.py', 'h1-new'), file('b.py', 'h2')]
  const previous = state({
    'a.py': { hash: 'h1-old', objectId: 1, modifiedAt: 100 },
    'b.py': { hash: 'h2', objectId: 2, modifiedAt: 100 }
  })
  const before = listing({
    a: { objectId: 1, modifiedAt: 100 },
    b: { objectId: 2, modifiedAt: 100 }
  })
  const plan = planDeploy(ROOT, local, previous, before)
  const at = new Date('2026-12-07T10:00:00.000Z')

  it('before the uploads: the last records, and each upload pending with the time it had', () => {
    expect(
      pendingDeployState(plan, previous, before, 'dtflw 0.2.0', at)
    ).toEqual({
      version: 1,
      tool: 'dtflw 0.2.0',
      // Still the last finished deploy: cleanup --stale must not see a
      // deploy that may never finish as a fresh one.
      deployedAt: '2026-12-01T08:00:00.000Z',
      gitSha: 'abc123',
      files: previous.files,
      pending: { 'a.py': { hash: 'h1-new', was: 100 } }
    })
  })

  it('after the uploads: every notebook with its hash and what the workspace now says of it, nothing pending', () => {
    const after = listing({
      a: { objectId: 1, modifiedAt: 300 },
      b: { objectId: 2, modifiedAt: 100 }
    })
    expect(
      nextDeployState({
        plan,
        local,
        previous,
        remote: after,
        tool: 'dtflw 0.2.0',
        gitSha: 'def456',
        at
      })
    ).toEqual({
      version: 1,
      tool: 'dtflw 0.2.0',
      deployedAt: '2026-12-07T10:00:00.000Z',
      gitSha: 'def456',
      files: {
        'a.py': { hash: 'h1-new', objectId: 1, modifiedAt: 300 },
        'b.py': { hash: 'h2', objectId: 2, modifiedAt: 100 }
      }
    })
  })

  it('lists the folders of every notebook, in the repository and in the state, once each', () => {
    expect(
      foldersToList(
        ROOT,
        [file('notebooks/a.py', 'h'), file('notebooks/b.py', 'h')],
        state({ 'old/c.py': { hash: 'h' } }, { 'lib/d.py': { hash: 'h' } })
      )
    ).toEqual([`${ROOT}/lib`, `${ROOT}/notebooks`, `${ROOT}/old`])
  })
})
