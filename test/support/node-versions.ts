import { spawn } from 'node:child_process'
import { access, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/**
 * A Node.js binary of an exact version, from the `node` package of the npm
 * registry (the way this repository brings its own Node 24), installed once
 * per machine into the system's temporary folder. Not a dev dependency:
 * two packages that both provide the `node` bin fight over
 * `node_modules/.bin/node`, and the loser would be the Node the tests run.
 * `undefined` when the registry cannot be reached (the caller skips, saying
 * why).
 */
export async function nodeBinary(version: string): Promise<string | undefined> {
  const prefix = path.join(os.tmpdir(), `dtflw-node-${version}`)
  const binary = path.join(prefix, 'node_modules', 'node', 'bin', 'node')
  if (await exists(binary)) return binary
  await mkdir(prefix, { recursive: true })
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--prefix',
        prefix,
        `node@${version}`
      ],
      {
        stdio: 'ignore',
        env: {
          ...process.env,
          // The child installs for itself, not into the repository.
          npm_config_global: 'false'
        }
      }
    )
    child.on('error', () => resolve(null))
    child.on('close', resolve)
  })
  return code === 0 && (await exists(binary)) ? binary : undefined
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file)
    return true
  } catch {
    return false
  }
}
