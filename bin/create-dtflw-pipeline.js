#!/usr/bin/env node
import process from 'node:process'

// What `npm init dtflw-pipeline` runs. Checked before anything loads: the
// generator's dependencies need Node 24 and fail obscurely on older ones.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  process.stderr.write(
    `create-dtflw-pipeline needs Node.js 24 or later; this is ${process.version}.\n`
  )
  process.exit(2)
}
// Yeoman's environment is most of the start-up time; V8's code cache (kept
// in the system's temporary folder) shortens it from the second run on.
const { enableCompileCache } = await import('node:module')
enableCompileCache?.()
const { main } = await import('../generators/app/cli.js')
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr
})
