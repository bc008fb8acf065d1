import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { PROFILE_SCHEMA } from '../../src/profiles/index.js'
import { BASE_YAML, TEST_YAML, problems } from './support.js'

const SCHEMA_FILE = new URL(
  '../../schemas/profile.schema.json',
  import.meta.url
)

describe('schemas/profile.schema.json', () => {
  it('is PROFILE_SCHEMA as published (UPDATE_SCHEMAS=1 rewrites it)', async () => {
    if (process.env.UPDATE_SCHEMAS === '1') {
      await writeFile(
        SCHEMA_FILE,
        `${JSON.stringify(PROFILE_SCHEMA, null, 2)}\n`
      )
    }
    expect(JSON.parse(await readFile(SCHEMA_FILE, 'utf8'))).toEqual(
      PROFILE_SCHEMA
    )
  })

  it('accepts each example profile file as an editor would see it', async () => {
    const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8'))
    const validate = new Ajv({ allowUnionTypes: true }).compile(schema)
    for (const text of [
      BASE_YAML,
      TEST_YAML,
      'extends: [a, b]\nworkspace: null\n'
    ]) {
      expect([validate(parse(text)), validate.errors]).toEqual([true, null])
    }
  })
})

describe('schema diagnostics on a merged profile', () => {
  const base = 'tables: { root: data }\n'

  it('points an unknown key at the key and suggests the closest', () => {
    expect(problems({ test: `${base}tabels: {}\n` })).toEqual([
      'profiles/test.yaml:2:1: error: unknown key "tabels"; did you mean "tables"?\n' +
        '  the keys are: extends, variables, engine, tables, sources, workspace, compute, python, sandbox, timeout_seconds, diff, promotion, secrets'
    ])
    expect(problems({ test: 'tables: { root: data, formt: csv }\n' })).toEqual([
      'profiles/test.yaml:1:23: error: unknown key "formt" in tables; did you mean "format"?\n' +
        '  the keys in tables are: layout, root, format, catalog, schema, preview'
    ])
  })

  it('lists the allowed values of an enum', () => {
    expect(problems({ test: `${base}engine: databrick\n` })).toEqual([
      'profiles/test.yaml:2:9: error: engine must be one of local, databricks, got "databrick"; did you mean "databricks"?'
    ])
  })

  it('names the expected type', () => {
    expect(
      problems({
        test: `${base}workspace: { host: [a] }\nvariables: { v: { x: 1 } }\n`
      })
    ).toEqual([
      'profiles/test.yaml:2:20: error: workspace.host must be a string, got a list.',
      'profiles/test.yaml:3:17: error: variables.v must be a string, a number or a boolean, got a mapping.'
    ])
  })

  it('refuses a variable name that ${var.…} cannot write', () => {
    expect(problems({ test: `${base}variables: { my-var: x }\n` })).toEqual([
      'profiles/test.yaml:2:14: error: "my-var" in variables is not a valid name; use letters, digits and _ (it is written ${var.my-var}).'
    ])
  })

  it('points at the file that wrote the bad value, through extends', () => {
    expect(
      problems({ base: `${base}engine: spark\n`, test: 'extends: base\n' })
    ).toEqual([
      'profiles/base.yaml:2:9: error: engine must be one of local, databricks, got "spark".'
    ])
  })
})
