import { describe, expect, it } from '@jest/globals'
import {
  interpolateProfile,
  parseProfileFile
} from '../../src/profiles/index.js'
import type {
  MapNode,
  ProfileNode,
  ScalarNode,
  TemplateScope
} from '../../src/profiles/index.js'
import { rendered } from './support.js'

const SCOPE: TemplateScope = {
  profile: 'test',
  pipeline: 'sales',
  env: {},
  gitSha: 'abc1234',
  preview: 'pr-7'
}

function run(text: string, scope: Partial<TemplateScope> = {}) {
  const parsed = parseProfileFile(text, 'profiles/test.yaml')
  expect(parsed.diagnostics).toEqual([])
  const result = interpolateProfile(parsed.tree as MapNode, {
    ...SCOPE,
    ...scope
  })
  return { tree: result.tree, errors: rendered(result.diagnostics) }
}

function leaf(tree: MapNode, path: string): ScalarNode {
  let node: ProfileNode | undefined = tree
  for (const key of path.split('.')) {
    node = node?.kind === 'map' ? node.entries.get(key) : undefined
  }
  return node as ScalarNode
}

function value(text: string, scope: Partial<TemplateScope> = {}): unknown {
  const { tree, errors } = run(`v: ${text}\n`, scope)
  expect(errors).toEqual([])
  return leaf(tree, 'v').value
}

describe('interpolation', () => {
  it('fills ${NAME} from the environment', () => {
    expect(value('${HOST}', { env: { HOST: 'https://h' } })).toBe('https://h')
  })

  it('uses the default of ${NAME:-default} when unset or empty', () => {
    expect(value('${HOST:-local}')).toBe('local')
    expect(value('${HOST:-local}', { env: { HOST: '' } })).toBe('local')
    expect(value('${HOST:-local}', { env: { HOST: 'h' } })).toBe('h')
    expect(value('"${HOST:-}"')).toBe('')
  })

  it('fills ${NAME} with an empty value as set', () => {
    expect(value('"[${EMPTY}]"', { env: { EMPTY: '' } })).toBe('[]')
  })

  it('fills templates inside a default', () => {
    expect(value('${A:-${B:-x}-y}', { env: { B: 'b' } })).toBe('b-y')
  })

  it('fills ${profile}, ${pipeline}, ${git.sha} and ${preview}', () => {
    expect(
      value('/Workspace/${pipeline}/${profile}/${git.sha}/${preview}')
    ).toBe('/Workspace/sales/test/abc1234/pr-7')
  })

  it('accepts a default for ${git.sha} and ${preview}', () => {
    const scope = { gitSha: undefined, preview: undefined }
    expect(value('${preview:-main}/${git.sha:-dev}', scope)).toBe('main/dev')
  })

  it('fills ${var.x} from variables, which may use each other and the environment', () => {
    const { tree, errors } = run(
      'variables:\n  year: 2022\n  root: "/data/${var.year}/${REGION}"\nv: ${var.root}/x\n',
      { env: { REGION: 'eu' } }
    )
    expect(errors).toEqual([])
    expect(leaf(tree, 'v').value).toBe('/data/2022/eu/x')
    expect(leaf(tree, 'variables.root').value).toBe('/data/2022/eu')
    expect(leaf(tree, 'variables.year').value).toBe(2022)
    expect(leaf(tree, 'v').env).toEqual(['REGION'])
  })

  it('writes a literal ${ as $${', () => {
    expect(value("'$${NOT_A_VAR} costs $$5'")).toBe('${NOT_A_VAR} costs $$5')
  })

  it('keeps the text as written next to the value', () => {
    const { tree } = run('v: ${pipeline}-x\n')
    expect(leaf(tree, 'v')).toMatchObject({
      value: 'sales-x',
      written: '${pipeline}-x'
    })
  })

  it('leaves strings without templates, numbers and booleans alone', () => {
    const { tree } = run('a: plain\nb: 3\nc: true\n')
    expect(leaf(tree, 'a')).not.toHaveProperty('written')
    expect(leaf(tree, 'b').value).toBe(3)
    expect(leaf(tree, 'c').value).toBe(true)
  })

  it('fills list items', () => {
    const { tree } = run('l: ["${profile}", b]\n')
    const list = tree.entries.get('l')
    expect(
      list?.kind === 'list' && list.items.map((i) => (i as ScalarNode).value)
    ).toEqual(['test', 'b'])
  })
})

describe('secrets', () => {
  it.each([
    'DATABRICKS_TOKEN',
    'client_secret',
    'DB_PASSWORD',
    'API_KEY',
    'AZURE_CREDENTIALS'
  ])('marks a value from %s as secret', (name) => {
    const { tree } = run(`v: "Bearer \${${name}}"\n`, {
      env: { [name]: 's3cr3t' }
    })
    expect(leaf(tree, 'v')).toMatchObject({ secret: true, env: [name] })
  })

  it('marks a value built through a variable as secret', () => {
    const { tree } = run('variables: { t: "${MY_TOKEN}" }\nv: ${var.t}\n', {
      env: { MY_TOKEN: 'x' }
    })
    expect(leaf(tree, 'v').secret).toBe(true)
  })

  it('does not mark other variables', () => {
    const { tree } = run('v: ${DATABRICKS_HOST}\n', {
      env: { DATABRICKS_HOST: 'h' }
    })
    expect(leaf(tree, 'v').secret).toBe(false)
  })
})

describe('interpolation errors', () => {
  it('names the unset variable, where it is used, and what to do', () => {
    const { errors } = run('workspace:\n  host: ${DATABRICKS_HOST}\n')
    expect(errors).toEqual([
      'profiles/test.yaml:2:9: error: workspace.host: environment variable DATABRICKS_HOST is not set; set DATABRICKS_HOST in the environment or .env, or write ${DATABRICKS_HOST:-default}.'
    ])
  })

  it('suggests a context word for a lower-case typo', () => {
    expect(run('v: ${pipline}\n').errors).toEqual([
      'profiles/test.yaml:1:4: error: v: environment variable pipline is not set; set pipline in the environment or .env, or write ${pipline:-default}.\n' +
        '  did you mean ${pipeline}?'
    ])
  })

  it('says how to provide a missing preview or git sha', () => {
    const { errors } = run('a: ${preview}\nb: ${git.sha}\n', {
      preview: undefined,
      gitSha: undefined
    })
    expect(errors).toEqual([
      'profiles/test.yaml:1:4: error: a: ${preview} needs a preview name, and none was given; pass --preview NAME (the Action uses pr-<number> on pull requests) or write ${preview:-default}',
      'profiles/test.yaml:2:4: error: b: ${git.sha} needs the commit, and it is unknown here; run dtflw inside a git checkout or write ${git.sha:-default}'
    ])
  })

  it('does not complain about a missing preview nobody uses', () => {
    expect(run('a: x\n', { preview: undefined }).errors).toEqual([])
  })

  it('suggests the closest variable for an unknown ${var.x}', () => {
    const { errors } = run('variables: { year: "2022" }\nv: ${var.yeer}\n')
    expect(errors).toEqual([
      'profiles/test.yaml:2:4: error: v: ${var.yeer} is not defined under variables; did you mean "year"?\n  the variables are: year'
    ])
  })

  it('refuses variables that refer to each other in a cycle, once', () => {
    const { errors } = run(
      'variables:\n  a: "${var.b}"\n  b: "x${var.c}"\n  c: "${var.a}"\nv: ${var.a}\n'
    )
    expect(errors).toEqual([
      'profiles/test.yaml:2:6: error: variables refer to each other in a cycle: var.a → var.b → var.c → var.a; make one of them a plain value'
    ])
  })

  it('refuses an unknown reference and lists the forms', () => {
    expect(run('v: ${foo.bar}\n').errors).toEqual([
      'profiles/test.yaml:1:4: error: v: ${foo.bar} is not a reference dtflw knows; write ${NAME} or ${NAME:-default} for an environment variable, ${var.NAME}, ${profile}, ${pipeline}, ${git.sha} or ${preview}.'
    ])
    expect(run('v: ${git.sah}\n').errors[0]).toContain(
      'did you mean "git.sha"?'
    )
  })

  it('refuses a default where a value always exists', () => {
    expect(run('v: ${profile:-x}\n').errors).toEqual([
      'profiles/test.yaml:1:4: error: v: ${profile:-x} takes no default (:-); ${profile} always has a value'
    ])
  })

  it('refuses an unclosed ${', () => {
    expect(run("v: 'a${b'\n").errors).toEqual([
      'profiles/test.yaml:1:4: error: v: "a${b" opens ${ without a closing }; write $${ for a literal ${'
    ])
  })
})

describe('allowUnsetEnv (offline validation)', () => {
  it('leaves unset variables, git sha and preview as written, unresolved, without errors', () => {
    const { tree, errors } = run(
      'a: ${DATABRICKS_HOST}\nb: x/${preview}\nc: ${git.sha}\nd: ${SET}\n',
      {
        allowUnsetEnv: true,
        preview: undefined,
        gitSha: undefined,
        env: { SET: 'y' }
      }
    )
    expect(errors).toEqual([])
    expect(leaf(tree, 'a')).toMatchObject({
      value: '${DATABRICKS_HOST}',
      unresolved: true
    })
    expect(leaf(tree, 'b')).toMatchObject({
      value: 'x/${preview}',
      unresolved: true
    })
    expect(leaf(tree, 'c').unresolved).toBe(true)
    expect(leaf(tree, 'd')).toMatchObject({ value: 'y' })
    expect(leaf(tree, 'd')).not.toHaveProperty('unresolved')
  })

  it('still reports mistakes that no environment can fix', () => {
    const { errors } = run('v: ${var.nope}\n', { allowUnsetEnv: true })
    expect(errors).toHaveLength(1)
  })
})

describe('variable suggestions', () => {
  it('never suggest the variable being defined', () => {
    const { errors } = run('variables:\n  region: "${var.regoin}"\n')
    expect(errors).toEqual([
      'profiles/test.yaml:2:11: error: variables.region: ${var.regoin} is not defined under variables; add regoin to variables.\n  the variables are: region'
    ])
  })
})
