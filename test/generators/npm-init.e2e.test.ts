import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { appendFile, mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { repoRoot } from '../support/cli.js'
import { publicRegistryReachable, startRegistry } from './registry.js'
import type { Registry } from './registry.js'
import { lintWorkflows, makeTempDir, removeDir, runProcess } from './support.js'

/**
 * The whole path of a new user, with real npm against a registry on
 * loopback: pack this package, publish it, `npm init dtflw-pipeline demo --
 * --yes`, then in the new repository install, validate, run the development
 * profile to completion, lint the workflows, commit, change a notebook and
 * plan what changed. Installs make it slow; it is skipped, saying why, only
 * when the public npm registry (verdaccio's uplink for our dependencies) is
 * unreachable.
 */
const reachable = await publicRegistryReachable()
if (!reachable) {
  console.warn(
    'skipped npm init end-to-end: the public npm registry is unreachable, and the install needs our dependencies from it'
  )
}
const maybe = reachable ? describe : describe.skip

const MINUTE = 60000

maybe('npm init dtflw-pipeline against a registry on loopback', () => {
  let runDir: string
  let registry: Registry
  let env: Record<string, string | undefined>

  /** Runs npm (or npx) in `cwd` with the registry's settings; fails loudly. */
  const npm = async (
    command: 'npm' | 'npx',
    args: string[],
    cwd: string,
    timeoutMs = 5 * MINUTE
  ) => {
    const run = await runProcess(command, args, { cwd, env, timeoutMs })
    if (run.code !== 0) {
      throw new Error(
        `${command} ${args.join(' ')} exited ${run.code}\n${run.stdout}\n${run.stderr}\n--- verdaccio:\n${registry.log()}`
      )
    }
    return run
  }

  beforeAll(async () => {
    runDir = await makeTempDir('dtflw-e2e-')
    registry = await startRegistry(runDir)
    env = {
      // Node 24 (the repo's pinned one) for npm, npx and the bins they start.
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
      HOME: process.env.HOME,
      npm_config_userconfig: registry.userconfig,
      npm_config_cache: registry.cache,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false'
    }
  }, MINUTE)

  afterAll(async () => {
    await registry?.stop()
    await removeDir(runDir)
  })

  it(
    'creates a repository that installs, validates, runs, lints and plans changes',
    async () => {
      const started = Date.now()
      // lib/ is built by `npm test`'s pretest; prepare would build it again.
      const pack = await npm(
        'npm',
        ['pack', '--ignore-scripts', '--json', '--pack-destination', runDir],
        repoRoot,
        MINUTE
      )
      const [{ filename }] = JSON.parse(pack.stdout) as { filename: string }[]
      await npm(
        'npm',
        [
          'publish',
          path.join(runDir, filename),
          '--userconfig',
          registry.publishConfig
        ],
        runDir,
        MINUTE
      )

      const work = path.join(runDir, 'work')
      await mkdir(work)
      const init = await npm(
        'npm',
        // As the README says it: npm keeps --yes (npm_config_yes).
        ['init', 'dtflw-pipeline', 'demo', '--yes'],
        work,
        6 * MINUTE
      )
      expect(init.stdout).toContain('Created pipeline demo in demo.')
      const demo = path.join(work, 'demo')
      expect(await readdir(demo)).toEqual(
        expect.arrayContaining(['node_modules', 'package-lock.json'])
      )

      await npm('npm', ['install'], demo, 3 * MINUTE)
      const validate = await npm(
        'npx',
        ['--no', 'dtflw', 'validate'],
        demo,
        MINUTE
      )
      // A fresh clone has no workspace configured: one warning says so.
      expect(validate.stdout.trim()).toBe(
        'Valid: 2 steps and 5 profiles (acceptance, base, development, production, test) (1 warning).'
      )
      expect(validate.stderr).toContain('DATABRICKS_HOST is not set')
      const run = await npm(
        'npx',
        ['--no', 'dtflw', 'run', '--profile', 'development'],
        demo,
        2 * MINUTE
      )
      expect(run.stdout).toMatch(/Run \S+ of demo on development: succeeded/)

      expect(await lintWorkflows(demo)).toEqual([])

      const git = (args: string[]) =>
        runProcess(
          'git',
          [
            '-c',
            'user.name=dtflw e2e',
            '-c',
            'user.email=e2e@localhost',
            ...args
          ],
          {
            cwd: demo,
            env
          }
        )
      expect((await git(['init', '-q', '-b', 'main'])).code).toBe(0)
      expect((await git(['add', '-A'])).code).toBe(0)
      expect(
        (
          await git([
            'commit',
            '-q',
            '-m',
            'Created with npm init dtflw-pipeline'
          ])
        ).code
      ).toBe(0)
      await appendFile(
        path.join(demo, 'notebooks/daily_revenue.sql'),
        'ORDER BY order_date\n'
      )
      const plan = await npm(
        'npx',
        [
          '--no',
          'dtflw',
          'plan',
          '--profile',
          'development',
          '--changed-since',
          'HEAD',
          '--json'
        ],
        demo,
        MINUTE
      )
      const steps = JSON.parse(plan.stdout).result.plan.steps as {
        key: string
      }[]
      expect(steps.map((s) => s.key)).toEqual(['daily_revenue'])
      console.log(
        `npm init end-to-end took ${Math.round((Date.now() - started) / 1000)} s`
      )
    },
    12 * MINUTE
  )
})
