import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { mapLoop, MODULE_MAP } from '../../scripts/lint/module-map.mjs'
import { repoRoot } from '../support/cli.js'

interface LintMessage {
  ruleId: string | null
  line: number
  message: string
}
interface LintResult {
  filePath: string
  messages: LintMessage[]
}

const eslint = path.join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js')

/** ESLint as `npm run lint` runs it, on files or on a text given a name. */
function lint(args: string[], text?: string): LintResult[] {
  const result = spawnSync(
    process.execPath,
    [eslint, '--format', 'json', ...args],
    {
      cwd: repoRoot,
      input: text,
      encoding: 'utf8'
    }
  )
  return JSON.parse(result.stdout) as LintResult[]
}

function mapMessages(results: LintResult[]): string[] {
  return results.flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === 'dtflw/module-map')
      .map(
        (m) => `${path.relative(repoRoot, r.filePath)}:${m.line}: ${m.message}`
      )
  )
}

function probe(file: string, text: string): string[] {
  return mapMessages(lint(['--stdin', '--stdin-filename', file], text))
}

describe('the module map of STYLE.md, as a lint rule', () => {
  it('holds for every import of src/', () => {
    expect(mapMessages(lint(['src']))).toEqual([])
  })

  it('refuses an engine that imports a renderer, and a renderer that imports an engine', () => {
    expect(
      probe(
        'src/engines/local/probe.ts',
        "import { buildLineage } from '../../lineage/index.js'\nexport const probe = buildLineage\n"
      )
    ).toEqual([
      expect.stringMatching(
        /^src\/engines\/local\/probe\.ts:1: src\/engines\/local may not import src\/lineage: the module map \(STYLE\.md\) lets it import src\/diagnostics, /
      )
    ])
    expect(
      probe(
        'src/github/probe.ts',
        "export { createLocalEngine } from '../engines/local/index.js'\n"
      )
    ).toEqual([
      expect.stringContaining('src/github may not import src/engines/local')
    ])
    expect(
      probe(
        'src/engines/databricks/api/probe.ts',
        "export const load = () => import('../../../flow/index.js')\n"
      )
    ).toEqual([
      expect.stringContaining(
        'src/engines/databricks/api may not import src/flow'
      )
    ])
  })

  it('sends an import past another folder’s index.ts back through it', () => {
    expect(
      probe(
        'src/lineage/probe.ts',
        "import type { Plan } from '../flow/types.js'\nexport type Probe = Plan\n"
      )
    ).toEqual([
      'src/lineage/probe.ts:1: import src/flow through its index.ts, not flow/types.js: export what you need from src/flow/index.ts'
    ])
  })

  it('sees the loop through build output that dtflw add once had: src/ imports no compiled tree, alias or generator folder, and steps/ never imports commands/', () => {
    // The generators used to import lib/src/commands while commands/add.ts
    // imported them back through a package.json alias.
    expect(
      probe(
        'src/steps/probe.ts',
        "export { createColumnLearner } from '../commands/index.js'\n"
      )
    ).toEqual([
      expect.stringContaining('src/steps may not import src/commands')
    ])
    expect(
      probe(
        'src/commands/probe.ts',
        "export const load = () => import('#generators/notebook/api.js')\n"
      )
    ).toEqual([
      expect.stringContaining(
        'src/ imports code only from src/ and from packages: #generators/notebook/api.js is a package.json "imports" alias'
      )
    ])
    expect(
      probe(
        'src/steps/probe.ts',
        "export * from '../../lib/src/commands/index.js'\nexport * from '../../generators/app/index.js'\n"
      )
    ).toEqual([
      expect.stringContaining(
        'lib/src/commands/index.js is outside src/ (build output or another program)'
      ),
      expect.stringContaining('generators/app/index.js is outside src/')
    ])
    // Data outside src/ is fine: the manifest's JSON Schema.
    expect(
      probe(
        'src/manifest/probe.ts',
        "import schema from '../../schemas/dtflw.schema.json' with { type: 'json' }\nexport const probe = schema\n"
      )
    ).toEqual([])
  })

  it('keeps the YAML front end a foundation the manifest and the profiles read through its index.ts', () => {
    expect(
      probe(
        'src/yaml/probe.ts',
        "import type { Manifest } from '../manifest/index.js'\nexport type Probe = Manifest\n"
      )
    ).toEqual([
      'src/yaml/probe.ts:1: src/yaml may not import src/manifest: the module map (STYLE.md) lets it import src/diagnostics, src/io'
    ])
    expect(
      probe(
        'src/profiles/probe.ts',
        "import type { YamlNode } from '../yaml/tree.js'\nexport type Probe = YamlNode\n"
      )
    ).toEqual([
      'src/profiles/probe.ts:1: import src/yaml through its index.ts, not yaml/tree.js: export what you need from src/yaml/index.ts'
    ])
    expect(
      probe(
        'src/manifest/probe.ts',
        "import { parseYamlSource } from '../yaml/index.js'\nexport const probe = parseYamlSource\n"
      )
    ).toEqual([])
  })

  it('lets a folder use its own modules and a sub-folder its parent’s', () => {
    expect(
      probe(
        'src/engines/local/probe.ts',
        "import type { Engine } from '../engine.js'\nimport { checkColumns } from '../columns.js'\nimport type { Plan } from '../../flow/index.js'\nexport type Probe = [Engine, Plan, typeof checkColumns]\n"
      )
    ).toEqual([])
  })

  it('keeps the rooms of the local engine in their order, and out of the engine they make up', () => {
    expect(
      probe(
        'src/engines/local/sql/probe.ts',
        "import { resolveLocalTable } from '../tables/index.js'\nexport const probe = resolveLocalTable\n"
      )
    ).toEqual([
      expect.stringContaining(
        'src/engines/local/sql may not import src/engines/local/tables'
      )
    ])
    expect(
      probe(
        'src/engines/local/tables/probe.ts',
        "import { planSqlSlots } from '../engine.js'\nexport const probe = planSqlSlots\n"
      )
    ).toEqual([
      expect.stringContaining(
        'src/engines/local/tables may not import src/engines/local: src/engines/local imports src/engines/local/tables'
      )
    ])
    expect(
      probe(
        'src/engines/local/step/probe.ts',
        "import { executeSqlStep } from '../sql/sql-step.js'\nexport const probe = executeSqlStep\n"
      )
    ).toEqual([
      expect.stringContaining(
        'import src/engines/local/sql through its index.ts'
      )
    ])
  })

  it('has no loop among its rows', () => {
    expect(mapLoop(MODULE_MAP)).toBeUndefined()
    expect(mapLoop({ a: ['b'], b: ['c'], c: ['a'] })).toEqual([
      'a',
      'b',
      'c',
      'a'
    ])
  })
})
