#!/usr/bin/env node
/* global console */
// Compiles the JSON Schemas of dtflw.yaml and of a profile into standalone
// validator modules (ajv's standalone code), so no process spends ~100 ms
// compiling them, and validating meta-schemas, at start-up. `npm run build`
// runs this first; the modules are committed too, so type checks and lint
// work in a fresh clone before any build. A file is rewritten only when its
// content changes.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const TARGETS = [
  {
    schema: 'schemas/dtflw.schema.json',
    out: 'src/manifest/schema-validator.generated.ts',
    options: { strict: false }
  },
  {
    schema: 'schemas/profile.schema.json',
    out: 'src/profiles/schema-validator.generated.ts',
    options: { strict: true, allowUnionTypes: true }
  }
]

for (const target of TARGETS) {
  const schema = JSON.parse(
    await readFile(path.join(root, target.schema), 'utf8')
  )
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    // `minLength` as `.length`, so the module needs no ajv runtime import:
    // the schemas only ask for "not empty".
    unicode: false,
    logger: false,
    code: { source: true, esm: true },
    ...target.options
  })
  const code = standaloneCode.default(ajv, ajv.compile(schema))
  const text =
    '/* eslint-disable */\n' +
    `// Generated from ${target.schema} by scripts/compile-schemas.mjs (npm run build); do not edit.\n` +
    '// @ts-nocheck\n' +
    code +
    '\n'
  const out = path.join(root, target.out)
  const old = await readFile(out, 'utf8').catch(() => '')
  if (old !== text) {
    await writeFile(out, text)
    console.log(`wrote ${target.out}`)
  }
}
