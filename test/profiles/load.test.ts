import { afterEach, describe, expect, it } from '@jest/globals'
import {
  InvalidConfigError,
  UnknownProfileError
} from '../../src/diagnostics/index.js'
import {
  listProfiles,
  loadProfile,
  validateProfiles
} from '../../src/profiles/index.js'
import type { TemplateContext } from '../../src/profiles/index.js'
import {
  BASE_YAML,
  TEST_YAML,
  makeRepo,
  rejection,
  removeRepo,
  rendered
} from './support.js'

const CONTEXT: TemplateContext = { env: {}, pipeline: 'sales' }
const repos: string[] = []

async function repo(files: Record<string, string>): Promise<string> {
  const root = await makeRepo(files)
  repos.push(root)
  return root
}

function load(
  root: string,
  name: string,
  context: Partial<TemplateContext> = {}
) {
  return loadProfile({
    root,
    profilesDir: 'profiles',
    name,
    context: { ...CONTEXT, ...context }
  })
}

afterEach(async () => {
  await Promise.all(repos.splice(0).map(removeRepo))
})

describe('listProfiles', () => {
  it('lists *.yaml and *.yml names, sorted, without partials or other files', async () => {
    const root = await repo({
      'profiles/test.yaml': '',
      'profiles/acceptance.yml': '',
      'profiles/_common.yaml': '',
      'profiles/README.md': '',
      'profiles/nested/x.yaml': ''
    })
    expect(await listProfiles(root, 'profiles')).toEqual(['acceptance', 'test'])
  })

  it('lists nothing when the folder does not exist', async () => {
    expect(await listProfiles(await repo({}), 'profiles')).toEqual([])
  })
})

describe('loadProfile', () => {
  it('loads the DESIGN example: extends, layout switch, .env', async () => {
    const root = await repo({
      'profiles/base.yaml': BASE_YAML,
      'profiles/test.yaml': TEST_YAML,
      '.env': 'DATABRICKS_HOST=https://from-dotenv\n'
    })
    const profile = await load(root, 'test')
    expect(profile.files).toEqual(['profiles/base.yaml', 'profiles/test.yaml'])
    expect(profile.tables).toEqual({
      layout: 'catalog',
      catalog: 'sales_test',
      schema: 'sales'
    })
    expect(profile.sources).toEqual({
      raw_orders: { table: 'shop_raw.exports.orders' }
    })
    expect(profile.values.workspace).toEqual({
      host: 'https://from-dotenv',
      root: '/Workspace/Shared/dtflw/sales/test'
    })
    const base = await load(root, 'base')
    expect(base.tables).toEqual({
      layout: 'path',
      root: '.dtflw/data/base',
      format: 'parquet'
    })
  })

  it('lets a real environment variable win over .env', async () => {
    const root = await repo({
      'profiles/base.yaml': BASE_YAML,
      'profiles/test.yaml': TEST_YAML,
      '.env': 'DATABRICKS_HOST=https://from-dotenv\n'
    })
    const profile = await load(root, 'test', {
      env: { DATABRICKS_HOST: 'https://from-env', OTHER: undefined }
    })
    expect(profile.values.workspace).toMatchObject({ host: 'https://from-env' })
  })

  it('merges a multi-level chain base → nonprod → test', async () => {
    const root = await repo({
      'profiles/base.yaml':
        'engine: local\nvariables: { a: base, b: base, c: base }\ntables: { root: data }\n',
      'profiles/nonprod.yaml':
        'extends: base\nvariables: { b: nonprod, c: nonprod }\n',
      'profiles/test.yaml': 'extends: nonprod\nvariables: { c: test }\n'
    })
    const profile = await load(root, 'test')
    expect(profile.files).toEqual([
      'profiles/base.yaml',
      'profiles/nonprod.yaml',
      'profiles/test.yaml'
    ])
    expect(profile.variables).toEqual({ a: 'base', b: 'nonprod', c: 'test' })
    const c = profile.leaves.find((l) => l.path === 'variables.c')
    expect(c?.from.map((l) => `${l.file}:${l.line}`)).toEqual([
      'profiles/test.yaml:2',
      'profiles/nonprod.yaml:2',
      'profiles/base.yaml:2'
    ])
  })

  it('merges several parents in order, each file once', async () => {
    const root = await repo({
      'profiles/base.yaml':
        'tables: { root: data }\nvariables: { x: base, y: base }\n',
      'profiles/a.yaml': 'extends: base\nvariables: { x: a }\n',
      'profiles/b.yaml': 'extends: base\nvariables: { y: b }\n',
      'profiles/test.yaml': 'extends: [a, b]\n'
    })
    const profile = await load(root, 'test')
    expect(profile.files).toEqual([
      'profiles/base.yaml',
      'profiles/a.yaml',
      'profiles/b.yaml',
      'profiles/test.yaml'
    ])
    // b's copy of base does not undo what a set: base is merged once.
    expect(profile.variables).toEqual({ x: 'a', y: 'b' })
  })

  it('lets a later parent win over an earlier one', async () => {
    const root = await repo({
      'profiles/a.yaml': 'tables: { root: a }\n',
      'profiles/b.yaml': 'tables: { root: b }\n',
      'profiles/test.yaml': 'extends: [a, b]\n'
    })
    expect((await load(root, 'test')).tables).toMatchObject({ root: 'b' })
  })

  it('can extend a partial, which is no profile of its own', async () => {
    const root = await repo({
      'profiles/_common.yaml': 'engine: databricks\n',
      'profiles/test.yaml': 'extends: _common\ntables: { root: r }\n'
    })
    expect((await load(root, 'test')).engine).toBe('databricks')
    await expect(load(root, '_common')).rejects.toThrow(UnknownProfileError)
  })

  it('refuses a cycle and shows its path with locations', async () => {
    const root = await repo({
      'profiles/base.yaml': 'extends: test\ntables: { root: r }\n',
      'profiles/nonprod.yaml': '# shared\nextends: base\n',
      'profiles/test.yaml': 'extends: nonprod\n'
    })
    expect(await rejection(load(root, 'test'))).toEqual([
      'profiles/base.yaml:1:10: error: profiles extend each other in a cycle: test → nonprod → base → test; remove one of these extends\n' +
        '  profiles/test.yaml:1: "test" extends "nonprod"\n' +
        '  profiles/nonprod.yaml:2: "nonprod" extends "base"\n' +
        '  profiles/base.yaml:1: "base" extends "test"'
    ])
  })

  it('refuses a profile that extends itself', async () => {
    const root = await repo({ 'profiles/test.yaml': 'extends: test\n' })
    expect(await rejection(load(root, 'test'))).toEqual([
      'profiles/test.yaml:1:10: error: profiles extend each other in a cycle: test → test; remove one of these extends\n' +
        '  profiles/test.yaml:1: "test" extends "test"'
    ])
  })

  it('names an unknown parent and suggests the closest', async () => {
    const root = await repo({
      'profiles/base.yaml': 'tables: { root: r }\n',
      'profiles/test.yaml': 'extends: [bsae]\n'
    })
    expect(await rejection(load(root, 'test'))).toEqual([
      'profiles/test.yaml:1:11: error: profile "test" extends "bsae", which does not exist; did you mean "base"?\n' +
        '  the profiles are: base, test'
    ])
  })

  it('lists the existing profiles for an unknown one', async () => {
    const root = await repo({
      'profiles/test.yaml': '',
      'profiles/production.yml': ''
    })
    const error = await load(root, 'prod').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnknownProfileError)
    expect((error as Error).message).toBe(
      'profile "prod" does not exist in profiles/; the profiles are: production, test.'
    )
  })

  it('says where an unset variable is used', async () => {
    const root = await repo({
      'profiles/base.yaml': BASE_YAML,
      'profiles/test.yaml': TEST_YAML
    })
    const error = await load(root, 'test').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidConfigError)
    expect(rendered((error as InvalidConfigError).diagnostics)).toEqual([
      'profiles/test.yaml:4:9: error: workspace.host: environment variable DATABRICKS_HOST is not set; set DATABRICKS_HOST in the environment or .env, or write ${DATABRICKS_HOST:-default}.'
    ])
  })

  it('explains an unquoted ${…} in a flow mapping', async () => {
    const root = await repo({
      'profiles/test.yaml':
        'engine: databricks\ntables: { layout: catalog, catalog: sales_test, schema: ${pipeline} }\n'
    })
    const [first] = await rejection(load(root, 'test'))
    expect(first.split('\n')[0]).toBe(
      'profiles/test.yaml:2:57: error: ${pipeline} inside a { … } flow mapping must be quoted; write schema: "${pipeline}"'
    )
  })

  it('reports every problem of every file in the chain at once, sorted', async () => {
    const root = await repo({
      'profiles/base.yaml': 'engine: spark\ntables: { root: "${ROOT}" }\n',
      'profiles/test.yaml': 'extends: base\nworkspace: { hots: h }\n',
      '.env': 'oops\n'
    })
    expect(await rejection(load(root, 'test'))).toEqual([
      '.env:1:1: error: .env line 1 is not KEY=VALUE; fix or remove it (a comment starts with #)',
      'profiles/base.yaml:1:9: error: engine must be one of local, databricks, got "spark".',
      'profiles/base.yaml:2:17: error: tables.root: environment variable ROOT is not set; set ROOT in the environment or .env, or write ${ROOT:-default}.',
      'profiles/test.yaml:2:14: error: unknown key "hots" in workspace; did you mean "host"?\n' +
        '  the keys in workspace are: host, root, profile'
    ])
  })

  it('refuses two files for one profile', async () => {
    const root = await repo({
      'profiles/test.yaml': 'tables: { root: a }\n',
      'profiles/test.yml': 'tables: { root: b }\n'
    })
    expect(await rejection(load(root, 'test'))).toEqual([
      'profiles/test.yml:1:1: error: profile "test" is defined twice, by profiles/test.yaml and profiles/test.yml; keep one'
    ])
  })

  it('leaves unset values as written with allowUnsetEnv', async () => {
    const root = await repo({
      'profiles/base.yaml': BASE_YAML,
      'profiles/test.yaml': TEST_YAML
    })
    const profile = await loadProfile({
      root,
      profilesDir: 'profiles',
      name: 'test',
      context: CONTEXT,
      allowUnsetEnv: true
    })
    expect(profile.values.workspace).toMatchObject({
      host: '${DATABRICKS_HOST}'
    })
    expect(
      profile.leaves.find((l) => l.path === 'workspace.host')
    ).toMatchObject({
      unresolved: true,
      env: ['DATABRICKS_HOST']
    })
  })
})

describe('validateProfiles', () => {
  it('checks every profile offline: unset variables, git sha and preview are fine', async () => {
    const root = await repo({
      'profiles/base.yaml': BASE_YAML,
      'profiles/test.yaml': TEST_YAML,
      'profiles/preview.yaml':
        'extends: test\nengine: "${ENGINE}"\nworkspace: { root: "/w/${preview}/${git.sha}" }\n'
    })
    expect(
      await validateProfiles({
        root,
        profilesDir: 'profiles',
        context: CONTEXT
      })
    ).toEqual([])
  })

  it('reports each problem once, even when many profiles inherit it', async () => {
    const root = await repo({
      'profiles/base.yaml':
        'tables: { root: r, formt: csv }\nvariables: { a: "${var.zzz}" }\n',
      'profiles/test.yaml': 'extends: base\n',
      'profiles/production.yaml':
        'extends: base\ntables: { layout: catalog }\n',
      'profiles/broken.yaml': 'a: [${X}]\n',
      'profiles/_partial.yaml': 'a: "unclosed\n'
    })
    const diagnostics = await validateProfiles({
      root,
      profilesDir: 'profiles',
      context: CONTEXT
    })
    expect(rendered(diagnostics).map((l) => l.split('\n')[0])).toEqual([
      'profiles/_partial.yaml:2:1: error: YAML syntax error: Missing closing "quote',
      'profiles/base.yaml:1:20: error: unknown key "formt" in tables; did you mean "format"?',
      'profiles/base.yaml:2:17: error: variables.a: ${var.zzz} is not defined under variables; add zzz to variables.',
      'profiles/broken.yaml:1:5: error: ${X} inside a [ … ] flow sequence must be quoted; write "${X}"',
      'profiles/production.yaml:2:1: error: profile "production": tables.catalog is required with layout: catalog; add catalog: …',
      'profiles/production.yaml:2:1: error: profile "production": tables.schema is required with layout: catalog; add schema: …'
    ])
  })

  it('needs at least one profile', async () => {
    const root = await repo({ 'profiles/_only.yaml': '' })
    expect(
      rendered(
        await validateProfiles({
          root,
          profilesDir: 'profiles',
          context: CONTEXT
        })
      )
    ).toEqual([
      'error: no profiles in profiles/; add one per environment, e.g. profiles/development.yaml'
    ])
  })
})
