import { describe, expect, it, afterEach } from '@jest/globals'
import {
  formatText,
  type InvalidConfigError
} from '../../src/diagnostics/index.js'
import { checkProfileAgainstFlow, planFlow } from '../../src/flow/index.js'
import {
  loadProfile,
  parseProfileFile,
  resolveProfile
} from '../../src/profiles/index.js'
import type { ResolvedProfile } from '../../src/profiles/index.js'
import { flowOf } from '../support/manifest.js'
import { makeRepo, removeRepo } from '../profiles/support.js'

const TOKEN = 'dapi-canary-0123456789'
const DSN = 'postgres://canary:hunter2@db'

/** A profile resolved from one in-memory file, as the loader does. */
function profileFrom(
  text: string,
  env: Record<string, string> = {}
): ResolvedProfile {
  const file = parseProfileFile(text, 'profiles/test.yaml')
  const { profile, diagnostics } = resolveProfile({
    name: 'test',
    lookup: (n) => (n === 'test' ? file : undefined),
    names: ['test'],
    context: { env, pipeline: 'sales' }
  })
  if (!profile) throw new Error(diagnostics.map(formatText).join('\n'))
  return profile
}

const flow = flowOf(`pipeline: sales
sources: { raw: {} }
flow:
  - notebook: nb/load.py
    args: { token: "Bearer \${DATABRICKS_TOKEN}", dsn: "\${var.dsn}", day: "\${DAY}", empty: "[\${EMPTY}]" }
    inputs: [raw]
    outputs: [t]
`)

describe('secrets through step arguments and locations', () => {
  const profile = profileFrom(
    `secrets: [WAREHOUSE_DSN]
variables: { dsn: "\${WAREHOUSE_DSN}" }
tables: { layout: path, root: "/data/\${STORAGE_KEY}" }
sources:
  raw: { path: /raw.csv }
`,
    {
      DATABRICKS_TOKEN: TOKEN,
      WAREHOUSE_DSN: DSN,
      STORAGE_KEY: 'k3y',
      DAY: 'monday',
      EMPTY: ''
    }
  )
  const step = planFlow(flow, profile).steps[0]

  it('gives the notebook the real values', () => {
    expect(step.parameters).toMatchObject({
      token: `Bearer ${TOKEN}`,
      dsn: DSN,
      day: 'monday',
      t_out: '/data/k3y/nb/load/t.parquet'
    })
  })

  it('names the secret parameters: by variable name, by secrets:, by location', () => {
    expect(step.secretParameters).toEqual(['dsn', 't_out', 'token'])
  })

  it('lists every secret string it knows, used or not, longest first', () => {
    // DATABRICKS_TOKEN by its name, WAREHOUSE_DSN by secrets:, the root's
    // STORAGE_KEY by its name; DAY is no secret.
    expect(profile.secretValues).toEqual([DSN, TOKEN, 'k3y'])
  })

  it('fills an empty variable with "" in arguments, as in profile values', () => {
    expect(step.args.empty).toBe('[]')
  })
})

describe('messages about locations', () => {
  it('mask a location built from a secret', () => {
    const profile = profileFrom(
      'tables: { layout: path, root: "/data/${STORAGE_KEY}" }\n',
      { STORAGE_KEY: 'k3y-canary' }
    )
    const twin = flowOf(`pipeline: p
flow:
  - notebook: a.py
    outputs: [{ name: a, path: x.parquet }, { name: b, path: x.parquet }]
`)
    let messages: string[] = []
    try {
      planFlow(twin, profile)
    } catch (error) {
      messages = (error as InvalidConfigError).diagnostics.map(formatText)
    }
    expect(messages).toEqual([
      'dtflw.yaml:4:45: error: outputs "a" and "b" of step "a" are both written to /data/***/x.parquet; give one its own path.'
    ])
  })
})

describe('step arguments see what profile values see', () => {
  let root = ''
  afterEach(async () => removeRepo(root))

  it('reads .env, with the environment winning; a value from .env is secret', async () => {
    root = await makeRepo({
      '.env': 'DAY=from-dotenv\nREGION=europe\n',
      'profiles/test.yaml':
        'tables: { layout: path, root: /d }\nsources: { raw: { path: /raw.csv } }\n'
    })
    const profile = await loadProfile({
      root,
      profilesDir: 'profiles',
      name: 'test',
      context: { env: { REGION: 'us' }, pipeline: 'sales' }
    })
    const plan = planFlow(
      flowOf(`pipeline: sales
sources: { raw: {} }
flow:
  - notebook: a.py
    args: { day: "\${DAY}", region: "\${REGION}" }
    inputs: [raw]
`),
      profile
    )
    expect(plan.steps[0].args).toEqual({ day: 'from-dotenv', region: 'us' })
    expect(plan.steps[0].secretParameters).toEqual(['day'])
    // Every value of .env is masked, the one the environment hid too.
    expect(profile.secretValues).toEqual(['from-dotenv', 'europe'])
  })
})

describe('checkProfileAgainstFlow', () => {
  it('warns about a profile source the manifest does not declare, with the closest name', () => {
    const profile = profileFrom(
      'tables: { layout: path, root: /d }\nsources:\n  raw: { path: /raw.csv }\n  rwa: { path: /old.csv }\n'
    )
    expect(checkProfileAgainstFlow(flow, profile).map(formatText)).toEqual([
      'profiles/test.yaml:4:3: warning: profile "test" gives a location to source "rwa", which dtflw.yaml does not declare; did you mean "raw"?'
    ])
  })
})
