#!/usr/bin/env node
import process from 'node:process'
import { requireSupportedNode } from './node-version.js'

// What `npm init dtflw-pipeline` runs.
requireSupportedNode(
  (version) =>
    `create-dtflw-pipeline needs Node.js 22.18+ or 24.11+ (the LTS lines); this is v${version}. Install Node.js 24 (e.g. nvm install 24, or from nodejs.org) and run npm init dtflw-pipeline again.\n`
)
// Yeoman's environment is most of the start-up time; V8's code cache (kept
// in the system's temporary folder) shortens it from the second run on.
const { enableCompileCache } = await import('node:module')
enableCompileCache?.()
const { main } = await import('../dist/cli/create.js')
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr
})
