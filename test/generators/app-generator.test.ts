import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import helpers from 'yeoman-test'
import { AppGenerator } from '../../src/generators/index.js'
import { checkPipelineName, questionsFor } from '../../src/scaffold/index.js'
import { repoRoot } from '../support/cli.js'

const resolved = path.join(repoRoot, 'generators/app/index.js')

/** A yeoman-test run of the app generator (prompts answered by `answers`). */
function runApp() {
  return helpers.run(AppGenerator, {
    resolved,
    namespace: 'create-dtflw-pipeline:app'
  })
}

type Asked = { name: string; answer: unknown }[]

/** What the prompts asked, by name. */
const askedNames = (result: unknown) =>
  ((result as { askedQuestions: Asked }).askedQuestions ?? []).map(
    (q) => q.name
  )

/** The answers the generator settled on. */
const answersOf = (result: unknown) =>
  (result as { generator: { answers: unknown } }).generator.answers

const yamlOf = async (dir: string, file: string) =>
  parse(await readFile(path.join(dir, file), 'utf8'))

describe('the app generator, asking', () => {
  it('asks every default question: serverless, Unity Catalog, SQL, samples', async () => {
    const result = await runApp()
      .withArguments(['demo'])
      .withAnswers({ description: 'Orders, cleaned and summed' })
    expect(askedNames(result)).toEqual([
      'name',
      'description',
      'hostTest',
      'hostAcceptance',
      'hostProduction',
      'auth',
      'compute',
      'layout',
      'catalogTest',
      'catalogAcceptance',
      'catalogProduction',
      'language',
      'samples'
    ])
    const dir = path.join(result.cwd, 'demo')
    expect(answersOf(result)).toEqual(
      expect.objectContaining({
        name: 'demo',
        description: 'Orders, cleaned and summed',
        compute: 'serverless',
        layout: 'catalog',
        catalogTest: 'demo_test',
        language: 'sql',
        samples: true
      })
    )
    expect((await readdir(path.join(dir, 'notebooks'))).sort()).toEqual([
      'clean_orders.sql',
      'daily_revenue.sql'
    ])
    expect((await yamlOf(dir, 'profiles/test.yaml')).compute).toEqual({
      serverless: true
    })
  })

  it('asks for a cluster id and a storage root when those are chosen', async () => {
    const result = await runApp().withAnswers({
      name: 'lake_orders',
      hostTest: 'https://dbc-1234.cloud.databricks.com',
      compute: 'existing-cluster',
      clusterId: '0123-456789-abcdefgh',
      layout: 'path',
      storageRoot: 's3://lake/pipelines/',
      language: 'python',
      samples: false
    })
    const asked = askedNames(result)
    expect(asked).toEqual(expect.arrayContaining(['clusterId', 'storageRoot']))
    expect(asked).not.toContain('nodeType')
    expect(asked).not.toContain('catalogTest')
    // No folder named: the pipeline name is the folder.
    const dir = path.join(result.cwd, 'lake_orders')
    const test = await yamlOf(dir, 'profiles/test.yaml')
    expect(test.compute).toEqual({
      existing_cluster_id: '0123-456789-abcdefgh'
    })
    expect(test.variables).toEqual({ storage_root: 's3://lake/pipelines' })
    expect(test.workspace.host).toBe('https://dbc-1234.cloud.databricks.com')
    expect((await yamlOf(dir, 'profiles/production.yaml')).workspace.host).toBe(
      'https://dbc-1234.cloud.databricks.com'
    )
    expect((await yamlOf(dir, 'dtflw.yaml')).flow).toEqual([])
    expect(await readdir(dir)).not.toContain('notebooks')
    expect(await readdir(dir)).toContain('requirements.txt')
  })

  it('asks for the node type of a new cluster, defaulting by cloud', async () => {
    const result = await runApp().withArguments(['azure']).withAnswers({
      hostTest: 'https://adb-1.2.azuredatabricks.net',
      compute: 'new-cluster',
      catalogProduction: 'prod'
    })
    expect(askedNames(result)).toContain('nodeType')
    const dir = path.join(result.cwd, 'azure')
    expect(
      (await yamlOf(dir, 'profiles/test.yaml')).compute.new_cluster
    ).toEqual(expect.objectContaining({ node_type_id: 'Standard_D4ds_v5' }))
    expect((await yamlOf(dir, 'profiles/production.yaml')).variables).toEqual({
      catalog: 'prod'
    })
  })

  it('does not ask what the options say', async () => {
    const result = await runApp()
      .withArguments(['opts'])
      .withOptions({
        name: 'given',
        language: 'python',
        layout: 'path'
      } as never)
    const asked = askedNames(result)
    expect(asked).not.toEqual(expect.arrayContaining(['name']))
    expect(asked).not.toContain('language')
    expect(asked).toContain('storageRoot')
    expect(answersOf(result)).toEqual(
      expect.objectContaining({
        name: 'given',
        language: 'python',
        layout: 'path'
      })
    )
  })

  it('checks answers at the prompt with the reason and the rule', async () => {
    const checks: Record<string, unknown> = {}
    await runApp()
      .withArguments(['checked'])
      .withAnswers(
        { name: 'checked', hostTest: 'https://adb-1.2.azuredatabricks.net' },
        {
          callback: (answer, { question }) => {
            const q = question as unknown as {
              name: string
              validate: (v: unknown, a: object) => unknown
            }
            const bad = {
              name: 'Sales-Orders',
              hostTest: 'http://x',
              compute: 'gpu'
            }[q.name]
            if (bad !== undefined) checks[q.name] = q.validate(bad, {})
            return answer
          }
        }
      )
    expect(checks).toEqual({
      name: 'pipeline name "Sales-Orders" is not a valid identifier: it has uppercase letters; "-" is not allowed. A pipeline name starts with a lowercase letter and has only lowercase letters, digits and underscores, at most 64 (e.g. sales_orders).',
      hostTest: expect.stringContaining(
        'the test host "http://x" is not a workspace URL'
      ),
      compute:
        'compute must be one of serverless, existing-cluster, new-cluster, got "gpu".'
    })
  })
})

describe('the app generator, not asking', () => {
  it('--yes takes every default and asks nothing', async () => {
    const result = await runApp()
      .withArguments(['Quick Start'])
      .withOptions({ yes: true } as never)
    expect(askedNames(result)).toEqual([])
    const dir = path.join(result.cwd, 'Quick Start')
    // The answers live in the files they shaped, not in a .yo-rc.json.
    expect(await readdir(dir)).not.toContain('.yo-rc.json')
    expect(answersOf(result)).toEqual({
      name: 'quick_start',
      description:
        'A Databricks notebook pipeline, tested on every pull request and promoted from test to acceptance to production.',
      hostTest: '',
      hostAcceptance: '',
      hostProduction: '',
      auth: 'oauth-m2m',
      compute: 'serverless',
      clusterId: '',
      nodeType: '',
      layout: 'catalog',
      catalogTest: 'quick_start_test',
      catalogAcceptance: 'quick_start_acceptance',
      catalogProduction: 'quick_start_production',
      storageRoot: '',
      language: 'sql',
      samples: true
    })
  })

  it('refuses invalid options with every reason, writing nothing', async () => {
    const context = runApp()
      .withArguments(['bad'])
      .withOptions({
        yes: true,
        name: '9lives',
        compute: 'existing-cluster',
        storageRoot: 's3://x'
      } as never)
    await expect(context).rejects.toThrow(
      [
        'pipeline name "9lives" is not a valid identifier: it starts with "9". A pipeline name starts with a lowercase letter and has only lowercase letters, digits and underscores, at most 64 (e.g. sales_orders).',
        'compute existing-cluster needs a cluster id (--cluster-id, e.g. 0123-456789-abcdefgh).',
        '--storage-root does not apply to these choices; it goes with --layout path.'
      ].join('\n')
    )
    expect(await readdir(context.targetDirectory!)).toEqual([])
  })

  it('refuses a folder that is not empty, and writes nothing into it', async () => {
    const context = runApp()
      .withArguments(['taken'])
      // yeoman-test forces by default; a user does not.
      .withOptions({ yes: true, force: false } as never)
      .inTmpDir((dir) => {
        mkdirSync(path.join(dir, 'taken'))
        writeFileSync(path.join(dir, 'taken/notes.txt'), 'mine')
      })
    await expect(context).rejects.toThrow(
      'folder taken is not empty (it has notes.txt); choose a new folder, empty this one, or pass --force to write into it.'
    )
    expect(await readdir(path.join(context.targetDirectory!, 'taken'))).toEqual(
      ['notes.txt']
    )
  })
})

describe('the questions', () => {
  it('leave out what was given, and default from earlier answers', () => {
    const questions = questionsFor({ name: 'sales', compute: 'serverless' }, '')
    expect(questions.map((q) => q.name)).not.toContain('name')
    const catalog = questions.find((q) => q.name === 'catalogTest')!
    expect((catalog.default as (a: object) => string)({})).toBe('sales_test')
    expect((catalog.when as (a: object) => boolean)({ layout: 'path' })).toBe(
      false
    )
  })

  it('name a valid identifier as valid', () => {
    expect(checkPipelineName('sales_2024')).toBe(true)
    expect(checkPipelineName('')).toContain('it is empty')
    expect(checkPipelineName('a'.repeat(65))).toContain('it has 65 characters')
  })
})
