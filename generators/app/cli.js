// @ts-check
import path from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { parseArgs } from 'node:util'
import { DtflwError, didYouMean } from '../dtflw.js'
import { answersFromFlags, resolveAnswers } from './answers.js'
import { CHOICES } from './choices.js'
import { checkTarget } from './target.js'

/**
 * The process around `create-dtflw-pipeline`.
 * @typedef {object} CreateIo
 * @property {readonly string[]} argv Without `node` and the script.
 * @property {string} cwd
 * @property {Readonly<Record<string, string | undefined>>} env
 * @property {{ isTTY?: boolean }} stdin
 * @property {{ write(s: string): unknown }} stdout
 * @property {{ write(s: string): unknown }} stderr
 */

const NAMESPACE = 'create-dtflw-pipeline:app'

/**
 * How each package manager runs the repository's own bin, never a download
 * of that name (`npx --no`: the `dtflw` name on the registry is not ours).
 */
const RUNNERS = /** @type {Record<string, string>} */ ({
  npm: 'npx --no',
  pnpm: 'pnpm exec',
  yarn: 'yarn',
  bun: 'bunx'
})

/** The options of the command line: one per row of the table, and ours. */
const OPTIONS = /** @type {const} */ ({
  ...Object.fromEntries(
    CHOICES.map((row) => [
      row.option,
      { type: row.type === 'confirm' ? 'boolean' : 'string' }
    ])
  ),
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  'skip-install': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
})

/** `create-dtflw-pipeline --help`. */
export function helpText() {
  const rows = CHOICES.map((row) => {
    const flag =
      row.type === 'confirm'
        ? `--${row.option} / --no-${row.option}`
        : `--${row.option} ${row.choices ? row.choices.map((c) => c.value).join('|') : 'VALUE'}`
    return `  ${flag.padEnd(44)} ${row.message}`
  })
  return [
    'Usage: npm init dtflw-pipeline [DIRECTORY] -- [options]',
    '       create-dtflw-pipeline [DIRECTORY] [options]',
    '',
    'Creates a Databricks notebook pipeline repository in DIRECTORY (default: the',
    'pipeline name): dtflw.yaml, notebooks, profiles, sample data, GitHub workflows.',
    'Asks for each choice not given as an option, unless --yes or stdin is not a',
    'terminal, which take the defaults.',
    '',
    ...rows,
    `  ${'-y, --yes'.padEnd(44)} Take the defaults for every choice not given`,
    `  ${'--force'.padEnd(44)} Write into a folder that is not empty`,
    `  ${'--skip-install'.padEnd(44)} Do not run npm install`,
    `  ${'-h, --help'.padEnd(44)} Show this help`
  ].join('\n')
}

/**
 * The arguments, parsed and checked, or what is wrong with them.
 * @param {readonly string[]} argv
 * @returns {{ ok: true, values: Record<string, unknown>, directory?: string } | { ok: false, message: string }}
 */
function parseCreateArgs(argv) {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: /** @type {any} */ (OPTIONS),
      allowPositionals: true,
      allowNegative: true,
      strict: true
    })
  } catch (error) {
    const raw = /** @type {Error} */ (error).message.replace(
      /\. To specify.*$/s,
      ''
    )
    const option = /'(-{1,2}[^']+)'/.exec(raw)?.[1]
    const flags = Object.keys(OPTIONS).map((o) => `--${o}`)
    const hint = option ? didYouMean(option, flags) : ''
    return {
      ok: false,
      message: `${raw.charAt(0).toLowerCase()}${raw.slice(1)};${hint || ' see create-dtflw-pipeline --help.'}`
    }
  }
  const { values, positionals } = parsed
  if (positionals.length > 1) {
    return {
      ok: false,
      message: `takes one folder, got ${positionals.map((p) => `"${p}"`).join(' ')}; quote a folder name with spaces.`
    }
  }
  return {
    ok: true,
    values: /** @type {Record<string, unknown>} */ (values),
    directory: positionals[0]
  }
}

/**
 * The commands that come next, for the folder that was created.
 * @param {{ shown: string, installed: boolean, python: boolean, manager: string, run: string }} what
 */
export function renderNextSteps(what) {
  const lines = ['', 'Next:']
  if (what.shown !== '.') lines.push(`  cd ${what.shown}`)
  if (!what.installed) lines.push(`  ${what.manager} install`)
  if (what.python) lines.push('  python3 -m pip install -r requirements.txt')
  lines.push(
    `  ${what.run} dtflw validate`,
    `  ${what.run} dtflw run --profile development`,
    '',
    'Then push it to GitHub and set up its environments: see "Set up GitHub" in README.md.',
    ''
  )
  return lines.join('\n')
}

/**
 * Runs `create-dtflw-pipeline`: checks the arguments and the target folder
 * before loading Yeoman (so a refusal is fast and writes nothing), runs the
 * app generator through yeoman-environment, which installs the dependencies
 * unless `--skip-install`, then prints the next commands. Returns the exit
 * code: 2 for bad usage or a folder that is not empty.
 * @param {CreateIo} io
 * @returns {Promise<number>}
 */
export async function main(io) {
  const parsed = parseCreateArgs(io.argv)
  if (!parsed.ok) {
    io.stderr.write(`create-dtflw-pipeline: ${parsed.message}\n`)
    return 2
  }
  const { values, directory } = parsed
  if (values.help) {
    io.stdout.write(`${helpText()}\n`)
    return 0
  }
  const given = answersFromFlags(values)
  // npm keeps `--yes` for itself: `npm init dtflw-pipeline dir --yes`
  // reaches us only as npm_config_yes.
  const yes =
    values.yes === true ||
    io.env.npm_config_yes === 'true' ||
    io.stdin.isTTY !== true
  const force = values.force === true
  const skipInstall = values['skip-install'] === true
  const folder = directory ? path.basename(path.resolve(io.cwd, directory)) : ''
  let known = directory
  if (yes) {
    const checked = resolveAnswers(given, folder)
    if (!checked.ok) {
      for (const p of checked.problems)
        io.stderr.write(`create-dtflw-pipeline: ${p}\n`)
      return 2
    }
    known ??= checked.answers.name
  }
  try {
    if (known) await checkTarget(path.resolve(io.cwd, known), known, force)
    const { createEnv } = await import('yeoman-environment')
    const env = createEnv({
      cwd: io.cwd,
      skipInstall,
      force,
      nodePackageManager: packageManagerOf(io.env)
    })
    env.register(fileURLToPath(new URL('./index.js', import.meta.url)), {
      namespace: NAMESPACE
    })
    await env.run(
      [NAMESPACE, ...(directory ? [directory] : [])],
      /** @type {any} */ ({ ...given, yes, force, skipInstall })
    )
    const generator = /** @type {any} */ (env.rootGenerator())
    const target = generator.destinationRoot()
    const shown = path.relative(io.cwd, target) || '.'
    io.stdout.write(
      `\nCreated pipeline ${generator.answers.name} in ${shown}.\n` +
        renderNextSteps({
          shown,
          installed: !skipInstall,
          python: generator.answers.language === 'python',
          manager: packageManagerOf(io.env),
          run: RUNNERS[packageManagerOf(io.env)] ?? 'npx --no'
        })
    )
    return 0
  } catch (error) {
    if (error instanceof DtflwError) {
      io.stderr.write(`create-dtflw-pipeline: ${error.message}\n`)
      return /** @type {{ exitCode: number }} */ (
        /** @type {unknown} */ (error)
      ).exitCode
    }
    const failed =
      /** @type {{ command?: string, cwd?: string, exitCode?: number }} */ (
        error
      )
    if (
      typeof failed.command === 'string' &&
      / install$/.test(failed.command)
    ) {
      const where = path.relative(io.cwd, failed.cwd ?? io.cwd) || '.'
      io.stderr.write(
        `create-dtflw-pipeline: the pipeline is written, but ${failed.command} failed in ${where} (exit ${failed.exitCode}); run it there yourself once the problem above is fixed.\n`
      )
      return 1
    }
    throw error
  }
}

/**
 * The package manager that ran us (`npm init`, `pnpm create`, …), which
 * installs the new repository's dependencies too.
 * @param {Readonly<Record<string, string | undefined>>} env
 */
export function packageManagerOf(env) {
  const name = env.npm_config_user_agent?.split('/')[0] ?? ''
  return ['npm', 'pnpm', 'yarn', 'bun'].includes(name) ? name : 'npm'
}
