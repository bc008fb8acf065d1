import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runCommand } from '../../src/commands/index.js'
import type { CommandData } from '../../src/commands/index.js'
import {
  commitAll,
  dataOf,
  deps,
  git,
  request,
  summaries,
  useSalesProjects
} from './support.js'

const sales = useSalesProjects()

const TOP_STEP = `  - notebook: notebooks/top_products.sql
    inputs: [sales_stats_by_product_gold]
    outputs: [top_products]
`
const TOP_NOTEBOOK = `-- Databricks notebook source
CREATE OR REPLACE TABLE IDENTIFIER(:top_products_out) AS
SELECT * FROM IDENTIFIER(:sales_stats_by_product_gold_in) ORDER BY revenue DESC LIMIT 3
`

describe('dtflw plan', () => {
  it('orders the steps in levels with their parameters and the critical path', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'plan', { profile: 'development' }),
      deps()
    )
    expect([result.exitCode, result.diagnostics]).toEqual([0, []])
    const { plan, changed } = dataOf(result, 'plan')
    expect(changed).toBeUndefined()
    expect(plan).toMatchObject({
      pipeline: 'sales',
      profile: 'development',
      engine: 'local',
      levels: [['ingest_data'], ['import_data'], ['calculate_sales_stats']],
      criticalPath: ['ingest_data', 'import_data', 'calculate_sales_stats'],
      excluded: []
    })
    expect(plan.steps.map((s) => [s.key, s.dependsOn])).toEqual([
      ['ingest_data', []],
      ['import_data', ['ingest_data']],
      ['calculate_sales_stats', ['import_data']]
    ])
    expect(plan.steps[2].parameters.year).toBe('2022')
  })
})

describe('dtflw plan --changed-since', () => {
  it('selects the steps a profile variable reaches, though no notebook changed', async () => {
    const { root, read, write } = await sales()
    commitAll(root)
    await write(
      'profiles/base.yaml',
      (await read('profiles/base.yaml')).replace('year: "2022"', 'year: "2021"')
    )
    const result = await runCommand(
      request(root, 'plan', { profile: 'development', changedSince: 'main' }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    const { plan, changed } = dataOf(result, 'plan')
    expect(changed).toEqual({
      base: 'main',
      changed: ['calculate_sales_stats'],
      added: [],
      selected: ['calculate_sales_stats']
    })
    expect(plan.steps.map((s) => s.key)).toEqual(['calculate_sales_stats'])
    expect(plan.excluded).toEqual(['ingest_data', 'import_data'])
  })

  it('counts a new step as added, leaving the unchanged ones out', async () => {
    const { root, read, write } = await sales()
    commitAll(root)
    await write('dtflw.yaml', `${await read('dtflw.yaml')}${TOP_STEP}`)
    await write('notebooks/top_products.sql', TOP_NOTEBOOK)
    const result = await runCommand(
      request(root, 'plan', { profile: 'development', changedSince: 'main' }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    expect(dataOf(result, 'plan').changed).toEqual({
      base: 'main',
      changed: [],
      added: ['top_products'],
      selected: ['top_products']
    })
  })

  it('sees no change in a notebook whose line endings alone changed', async () => {
    const { root } = await sales()
    commitAll(root)
    const file = path.join(root, 'notebooks/ingest_data.sql')
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n/g, '\r\n'))
    const result = await runCommand(
      request(root, 'plan', { profile: 'development', changedSince: 'main' }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    const { plan, changed } = dataOf(result, 'plan')
    expect(changed?.selected).toEqual([])
    expect(plan.steps).toEqual([])
  })

  it('treats every step as new when the pipeline did not exist at the base', async () => {
    const { root } = await sales()
    git(root, 'init', '-q', '-b', 'main')
    git(root, 'commit', '-q', '--allow-empty', '-m', 'empty')
    const result = await runCommand(
      request(root, 'plan', { profile: 'development', changedSince: 'main' }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    expect(dataOf(result, 'plan').changed).toMatchObject({
      changed: [],
      added: ['calculate_sales_stats', 'import_data', 'ingest_data']
    })
  })

  it('refuses a ref git does not know, and a folder that is no repository', async () => {
    const { root } = await sales()
    const outside = await runCommand(
      request(root, 'plan', { profile: 'development', changedSince: 'main' }),
      deps()
    )
    expect(outside.exitCode).toBe(2)
    expect(summaries(outside)).toEqual([
      `error: cannot read main: ${root} is not inside a git repository.`
    ])
    commitAll(root)
    const unknown = await runCommand(
      request(root, 'plan', {
        profile: 'development',
        changedSince: 'origin/main'
      }),
      deps()
    )
    expect(unknown.exitCode).toBe(2)
    expect(summaries(unknown)).toEqual([
      'error: cannot read origin/main: git does not know the ref "origin/main" (fetch it first, e.g. git fetch origin origin/main).'
    ])
  })

  it('takes every step as changed when the base does not load, so a fix of a broken main can pass', async () => {
    const { root, read, write } = await sales()
    const good = await read('dtflw.yaml')
    await write(
      'dtflw.yaml',
      good.replace('pipeline: sales', 'pipeline: [sales')
    )
    commitAll(root)
    await write('dtflw.yaml', good)
    const result = await runCommand(
      request(root, 'plan', {
        profile: 'development',
        changedSince: 'main',
        base: 'main',
        lineage: true
      }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    const data = result.data as Extract<CommandData, { kind: 'plan' }>
    expect(data.plan.steps.map((s) => s.key).sort()).toEqual([
      'calculate_sales_stats',
      'import_data',
      'ingest_data'
    ])
    expect(data.lineage?.diff).toBeUndefined()
    expect(data.lineage?.baseProblem).toMatch(
      /^the pipeline at main does not load \(.+\)$/
    )
    expect(summaries(result)).toEqual([
      expect.stringMatching(
        /^warning: the pipeline at main does not load \(.+\): every step counts as changed\.$/
      ),
      expect.stringMatching(
        /^warning: the pipeline at main does not load \(.+\): the lineage shows no diff against it\.$/
      )
    ])
  })

  it('with the lineage asked for, returns the diff against the base for the pull-request comment', async () => {
    const { root, read, write } = await sales()
    commitAll(root)
    await write(
      'profiles/base.yaml',
      (await read('profiles/base.yaml')).replace('year: "2022"', 'year: "2021"')
    )
    const result = await runCommand(
      request(root, 'plan', {
        profile: 'development',
        lineage: true,
        base: 'main'
      }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    const view = dataOf(result, 'plan').lineage
    expect(view?.baseRef).toBe('main')
    expect(view?.diff?.steps.changed).toEqual(['calculate_sales_stats'])
    expect(view?.lineage.steps.map((s) => s.key)).toEqual([
      'ingest_data',
      'import_data',
      'calculate_sales_stats'
    ])
  })
})
