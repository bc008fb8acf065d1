/**
 * How each package manager runs the repository's own bin, never a download
 * of that name (`npx --no`: the `dtflw` name on the registry is not ours).
 */
const RUNNERS: Readonly<Record<string, string>> = {
  npm: 'npx --no',
  pnpm: 'pnpm exec',
  yarn: 'yarn',
  bun: 'bunx'
}

/** What the next commands depend on. */
export interface NextSteps {
  /** The new folder as shown: relative to where the user is, or `.`. */
  readonly shown: string
  readonly installed: boolean
  readonly python: boolean
  readonly manager: string
}

/** The commands that come next, for the folder that was created. */
export function renderNextSteps(what: NextSteps): string {
  const run = RUNNERS[what.manager] ?? 'npx --no'
  const lines = ['', 'Next:']
  if (what.shown !== '.') lines.push(`  cd ${what.shown}`)
  if (!what.installed) lines.push(`  ${what.manager} install`)
  if (what.python) lines.push('  python3 -m pip install -r requirements.txt')
  lines.push(
    `  ${run} dtflw validate`,
    `  ${run} dtflw run --profile development`,
    '',
    'Then push it to GitHub and set up its environments: see "Set up GitHub" in README.md.',
    ''
  )
  return lines.join('\n')
}

/**
 * The package manager that ran us (`npm init`, `pnpm create`, …), which
 * installs the new repository's dependencies too.
 */
export function packageManagerOf(
  env: Readonly<Record<string, string | undefined>>
): string {
  const name = env.npm_config_user_agent?.split('/')[0] ?? ''
  return ['npm', 'pnpm', 'yarn', 'bun'].includes(name) ? name : 'npm'
}
