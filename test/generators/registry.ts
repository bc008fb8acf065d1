import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from '../support/cli.js'

/**
 * A verdaccio registry on loopback for the end-to-end test of
 * `npm init dtflw-pipeline`.
 *
 * - `create-dtflw-pipeline` is served only from what the test publishes: its
 *   package rule has no uplink, so the public package can never stand in.
 * - Every other package (our dependencies) is proxied from the public npm
 *   registry, verdaccio's uplink, because a real install needs them and
 *   publishing ~360 packages from node_modules would take longer than the
 *   install. Verdaccio keeps what it proxied (`maxage: 24h`) in a storage
 *   folder under the system's temporary folder that outlives the run, and
 *   npm reads tarballs from the user's npm cache, so later runs on a machine
 *   download little; our own package's folder is removed before each run,
 *   so the published tarball is always this build.
 */
export interface Registry {
  readonly url: string
  /** The npm user config that points at the registry (anonymous reads). */
  readonly userconfig: string
  /** The same with the token `npm publish` needs. */
  readonly publishConfig: string
  /** npm's cache for the run (its content shared with the user's npm cache). */
  readonly cache: string
  /** Everything verdaccio logged. */
  log(): string
  stop(): Promise<void>
}

/** The folder this checkout's runs keep their registry storage and npm cache in. */
export function registryHome(): string {
  const id = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)
  return path.join(os.tmpdir(), `dtflw-e2e-registry-${id}`)
}

/** A port free now on 127.0.0.1, preferring `wanted` (stable cache keys). */
function freePort(wanted: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(undefined))
      server.listen(port, '127.0.0.1', () => {
        const address = server.address()
        server.close(() =>
          resolve(
            typeof address === 'object' && address ? address.port : undefined
          )
        )
      })
    })
  return tryPort(wanted).then(async (port) => port ?? (await tryPort(0))!)
}

/** True when the public npm registry answers within `ms`. */
export async function publicRegistryReachable(ms = 5000): Promise<boolean> {
  try {
    const response = await fetch('https://registry.npmjs.org/-/ping', {
      signal: AbortSignal.timeout(ms)
    })
    return response.ok
  } catch {
    return false
  }
}

/** Starts verdaccio, waits until it answers, and registers a user. */
export async function startRegistry(runDir: string): Promise<Registry> {
  const home = registryHome()
  const storage = path.join(home, 'storage')
  const cache = path.join(runDir, 'npm-cache')
  await mkdir(storage, { recursive: true })
  // Only this build of our package: never a tarball of an earlier run.
  await rm(path.join(storage, 'create-dtflw-pipeline'), {
    recursive: true,
    force: true
  })
  // npm exec's installs (_npx) are private to the run, so a tarball of an
  // earlier run is never reused; packuments and tarballs go to the user's
  // npm cache, which the repository's own install has mostly filled.
  const shared = path.join(
    process.env.npm_config_cache ?? path.join(os.homedir(), '.npm'),
    '_cacache'
  )
  await mkdir(shared, { recursive: true })
  await mkdir(cache, { recursive: true })
  await symlink(shared, path.join(cache, '_cacache'))

  const port = await freePort(48731)
  const url = `http://127.0.0.1:${port}/`
  const config = path.join(runDir, 'verdaccio.yaml')
  await writeFile(
    config,
    [
      `storage: ${JSON.stringify(storage)}`,
      'auth:',
      `  htpasswd: { file: ${JSON.stringify(path.join(runDir, 'htpasswd'))} }`,
      'uplinks:',
      '  npmjs: { url: "https://registry.npmjs.org/", maxage: 24h, timeout: 60s }',
      'packages:',
      "  'create-dtflw-pipeline': { access: $all, publish: $authenticated }",
      "  '@*/*': { access: $all, proxy: npmjs }",
      "  '**': { access: $all, proxy: npmjs }",
      'web: { enable: false }',
      'log: { type: stdout, format: pretty, level: warn }',
      ''
    ].join('\n')
  )
  const bin = path.join(
    repoRoot,
    'node_modules',
    'verdaccio',
    'bin',
    'verdaccio'
  )
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--config', config, '--listen', `127.0.0.1:${port}`],
    { cwd: runDir, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let log = ''
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve())
  )

  const deadline = Date.now() + 30000
  for (;;) {
    try {
      if ((await fetch(`${url}-/ping`)).ok) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill()
      throw new Error(`verdaccio did not start on ${url}:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  const response = await fetch(`${url}-/user/org.couchdb.user:ci`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ci', password: 'loopback-only' })
  })
  const { token } = (await response.json()) as { token?: string }
  if (!token)
    throw new Error(`verdaccio refused the test user: ${response.status}`)
  // Reads go without the token: verdaccio checks a token's password with
  // bcrypt on every request, which makes an install of ~360 packages crawl.
  const userconfig = path.join(runDir, 'install.npmrc')
  await writeFile(userconfig, `registry=${url}\n`)
  const publishConfig = path.join(runDir, 'publish.npmrc')
  const host = url.replace(/^http:/, '')
  await writeFile(
    publishConfig,
    `registry=${url}\n${host}:_authToken=${token}\n`
  )
  return {
    url,
    userconfig,
    publishConfig,
    cache,
    log: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    }
  }
}
