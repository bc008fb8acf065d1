import path from 'node:path'
import { DtflwError } from '../diagnostics/index.js'
import { findPackagePath } from '../io/index.js'
import {
  answersFromFlags,
  checkTarget,
  resolveAnswers
} from '../scaffold/index.js'
import type { AppGenerator } from './app-generator.js'
import { helpText, parseCreateArgs } from './create-args.js'
import { packageManagerOf, renderNextSteps } from './next-steps.js'

/** The process around `create-dtflw-pipeline`. */
export interface CreateIo {
  /** Without `node` and the script. */
  readonly argv: readonly string[]
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdin: { readonly isTTY?: boolean }
  readonly stdout: { write(s: string): unknown }
  readonly stderr: { write(s: string): unknown }
}

/** The app generator's namespace in Yeoman's environment. */
const NAMESPACE = 'create-dtflw-pipeline:app'

/** A failed install, as yeoman-environment's package manager throws it. */
interface FailedCommand {
  readonly command?: unknown
  readonly cwd?: string
  readonly exitCode?: number
}

/**
 * Runs `create-dtflw-pipeline`: checks the arguments and the target folder
 * before loading Yeoman (so a refusal is fast and writes nothing), runs the
 * app generator (`generators/app/index.js`, as published) through
 * yeoman-environment, which installs the dependencies unless
 * `--skip-install`, then prints the next commands. Returns the exit code:
 * 2 for bad usage or a folder that is not empty.
 */
export async function main(io: CreateIo): Promise<number> {
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
  const manager = packageManagerOf(io.env)
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
      nodePackageManager: manager
    })
    env.register(findPackagePath('generators/app/index.js', import.meta.url), {
      namespace: NAMESPACE
    })
    // The app generator's options: the choices given, and ours.
    const options = { ...given, yes, force, skipInstall }
    await env.run([NAMESPACE, ...(directory ? [directory] : [])], options)
    const generator = env.rootGenerator<AppGenerator>()
    const target = generator.destinationRoot()
    const shown = path.relative(io.cwd, target) || '.'
    io.stdout.write(
      `\nCreated pipeline ${generator.answers?.name} in ${shown}.\n` +
        renderNextSteps({
          shown,
          installed: !skipInstall,
          python: generator.answers?.language === 'python',
          manager
        })
    )
    return 0
  } catch (error) {
    if (error instanceof DtflwError) {
      io.stderr.write(`create-dtflw-pipeline: ${error.message}\n`)
      return error.exitCode
    }
    const failed = error as FailedCommand
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
