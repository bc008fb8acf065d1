import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { createTerminalAsk } from '../../src/cli/terminal-ask.js'
import { addStep, listTemplates } from '../../src/steps/index.js'
import { createColumnLearner } from '../../src/commands/index.js'
import { repoRoot, runCli } from '../support/cli.js'
import {
  makeTempDir,
  readTree,
  removeDir,
  writeScaffold
} from '../generators/support.js'

const NAMES = [
  'ingest-overwrite',
  'ingest-append',
  'scd2',
  'dimension',
  'fact',
  'aggregate'
]

describe('dtflw add --template', () => {
  let root: string
  let dir: string
  beforeAll(async () => {
    root = await makeTempDir('dtflw-templates-')
    dir = path.join(root, 'pipeline')
    await mkdir(dir)
    await writeScaffold(dir)
  })
  afterAll(() => removeDir(root))

  it('--list-templates prints one line per template, in or outside a pipeline', async () => {
    const listed = await runCli(['add', '--list-templates'], root)
    expect([listed.code, listed.stderr]).toEqual([0, ''])
    const lines = listed.stdout.trimEnd().split('\n')
    expect(lines.map((l) => l.split(' ')[0])).toEqual(NAMES)
    expect(lines[2]).toBe(
      'scd2              slowly changing dimension of type 2 (valid_from, valid_to, is_current) kept with MERGE INTO, keyed by --key (sql)'
    )
    expect(lines[0]).toMatch(/^ingest-overwrite {2}.* \(sql, python\)$/)
    const json = await runCli(['add', '--list-templates', '--json'], dir)
    expect(JSON.parse(json.stdout).result.templates).toEqual(listTemplates())
  })

  it('the README shows each template with a two-line example', async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8')
    const section = readme
      .split('\n## Notebook templates\n')[1]
      .split('\n## ')[0]
    const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
      m[1].trimEnd().split('\n')
    )
    expect(blocks.map((b) => /--template (\S+)/.exec(b[0])?.[1])).toEqual(NAMES)
    for (const block of blocks) {
      expect(block).toEqual([
        expect.stringMatching(/^npx dtflw add \w+ --template /),
        expect.stringMatching(/dtflw run --profile development --select /)
      ])
    }
    for (const name of NAMES) expect(section).toContain(`\`${name}\`: `)
  })

  it('refuses, writing nothing, what a template cannot do without', async () => {
    const before = await readTree(dir)
    const refusals: [string[], string][] = [
      [
        ['--template', 'scd', '--inputs', 'raw_orders'],
        'error: no template "scd"; did you mean "scd2"?'
      ],
      [
        ['--template', 'scd2', '--inputs', 'raw_orders'],
        'error: this template needs the business key of "raw_orders": pass --key COLUMN.'
      ],
      [
        ['--template', 'scd2', '--inputs', 'raw_orders', '--key', 'order'],
        'error: --key order: "raw_orders" has no column order; its columns are: order_id, order_date, customer, amount, status.'
      ],
      [
        ['--template', 'fact', '--inputs', 'orders,daily_revenue'],
        'error: "daily_revenue" has no surrogate key: its step declares no *_sk column. fact reads the facts first, then dimensions made with --template dimension.'
      ],
      [
        [
          '--template',
          'scd2',
          '--inputs',
          'raw_orders',
          '--key',
          'order_id',
          '--language',
          'python'
        ],
        'error: template scd2 is written in sql, not python; drop --language python.'
      ],
      [
        ['--inputs', 'orders', '--outputs', 'a,b', '--key', 'order_id'],
        "error: --key names the key of the step's one output, and it has 2; add the step, then write key: [...] under each output in dtflw.yaml."
      ],
      [
        [
          '--template',
          'ingest-overwrite',
          '--inputs',
          'orders',
          '--key',
          'order_id'
        ],
        'error: --key goes with a template that uses it, and ingest-overwrite does not; see dtflw add --list-templates.'
      ]
    ]
    for (const [args, message] of refusals) {
      const added = await runCli(['add', 'history', ...args], dir)
      expect([args.join(' '), added.code, added.stderr.trim()]).toEqual([
        args.join(' '),
        2,
        message
      ])
    }
    expect(await readTree(dir)).toEqual(before)
  })

  it('a plain step takes --key for its output, which the data diff matches rows on', async () => {
    const added = await runCli(
      ['add', 'open_orders', '--inputs', 'orders', '--key', 'order_id'],
      dir
    )
    expect([added.code, added.stderr]).toEqual([0, ''])
    const manifest = await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')
    expect(manifest).toContain(
      '    outputs:\n      - { name: open_orders, key: order_id }\n'
    )
    const plan = await runCli(
      ['plan', '--profile', 'development', '--json'],
      dir
    )
    const step = JSON.parse(plan.stdout).result.plan.steps.find(
      (s: { key: string }) => s.key === 'open_orders'
    )
    expect(step.outputs[0].key).toEqual(['order_id'])
  })

  it('takes the columns a template reads from --columns, typed as dtflw learns them', async () => {
    const added = await runCli(
      [
        'add',
        'orders_history',
        '--template',
        'scd2',
        '--inputs',
        'orders',
        '--key',
        'order_id',
        '--columns',
        'order_id,customer,amount'
      ],
      dir
    )
    expect([added.code, added.stderr]).toEqual([0, ''])
    expect(added.stdout).toBe(
      "Added step orders_history (notebooks/orders_history.sql) from template scd2 after clean_orders at dtflw.yaml:12. Its widgets hold profile development's values.\nNext: review the notebook, then dtflw run --profile development.\n"
    )
    const manifest = await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')
    expect(manifest).toContain(
      [
        '  - notebook: notebooks/orders_history.sql',
        '    args: { as_of: "${AS_OF:-}" }',
        '    inputs:',
        '      - orders',
        '      - { name: orders_history, optional: true }',
        '    outputs:',
        '      - name: orders_history',
        '        key: [order_id, valid_from]',
        '        columns:',
        '          order_id: bigint',
        '          customer: string',
        '          amount: decimal(18,2)',
        '          valid_from: timestamp',
        '          valid_to: timestamp',
        '          is_current: boolean',
        ''
      ].join('\n')
    )
  })

  it('offers the templates at the prompt, and asks for a key only when the template takes one', async () => {
    const input = new PassThrough()
    const output = new PassThrough()
    let shown = ''
    output.on('data', (d) => (shown += d))
    // A typo first (asked again), then scd2, its input, the default output, its key.
    input.write('scd\nscd2\nraw_orders\n\norder_id\n')
    const result = await addStep({
      root: dir,
      step: 'raw_history',
      ask: createTerminalAsk({ input, output }),
      describeTable: createColumnLearner({
        cwd: dir,
        manifest: 'dtflw.yaml',
        env: {}
      })
    })
    expect(result.step).toEqual(
      expect.objectContaining({
        template: 'scd2',
        inputs: ['raw_orders'],
        outputs: ['raw_history'],
        language: 'sql'
      })
    )
    expect(shown).toContain('  no template "scd"; did you mean "scd2"?\n')
    expect(shown).toContain('? Business key column(s), comma-separated: ')
    expect(shown).not.toContain('Notebook language')
    expect(
      await readFile(path.join(dir, 'notebooks/raw_history.sql'), 'utf8')
    ).toContain(
      "CREATE WIDGET TEXT raw_orders_in DEFAULT 'data/raw_orders.csv';"
    )
  })
})
