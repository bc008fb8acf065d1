#!/usr/bin/env node
// The dtflw bin: check the Node version before loading anything that needs
// a newer one, then run the bundled CLI (one file, fewer modules to load
// than the compiled tree, so every command starts faster).
import process from 'node:process'

const required = 24
const major = Number(process.versions.node.split('.')[0])
if (major < required) {
  process.stderr.write(
    `error: dtflw needs Node.js ${required} or newer; this is Node.js ${process.versions.node}. ` +
      `Install Node.js ${required} (e.g. nvm install ${required}, or from nodejs.org), ` +
      `or run dtflw through an npm script of a repository that lists the "node" package at ${required}.x as a dev dependency.\n`
  )
  process.exit(2)
}
// V8 keeps the bundle's compiled code between runs (in the OS temp
// folder): each start after the first skips parsing a megabyte of code.
const { enableCompileCache } = await import('node:module')
enableCompileCache?.()
await import('../dist/cli/index.js')
