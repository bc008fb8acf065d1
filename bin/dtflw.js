#!/usr/bin/env node
// The dtflw bin: check the Node version before loading anything that needs
// a newer one, then run the bundled CLI (one file, fewer modules to load
// than the compiled tree, so every command starts faster).
import { requireSupportedNode } from './node-version.js'

requireSupportedNode(
  (version) =>
    `error: dtflw needs Node.js 22.18+ or 24.11+ (the LTS lines); this is Node.js ${version}. ` +
    `Install Node.js 24 (e.g. nvm install 24, or from nodejs.org), ` +
    `or run dtflw through an npm script of a repository that lists the "node" package at 24.x as a dev dependency.\n`
)
// V8 keeps the bundle's compiled code between runs (in the OS temp
// folder): each start after the first skips parsing a megabyte of code.
const { enableCompileCache } = await import('node:module')
enableCompileCache?.()
await import('../dist/cli/index.js')
