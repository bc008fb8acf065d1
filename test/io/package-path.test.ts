import { describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { findPackagePath } from '../../src/io/index.js'
import { repoRoot } from '../support/cli.js'

describe('findPackagePath', () => {
  it('finds what the package ships from a module however deep it sits: sources, compiled tree, bundle chunks', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'dtflw-package-'))
    try {
      await mkdir(path.join(root, 'generators/app/templates'), {
        recursive: true
      })
      const modules = [
        'src/scaffold/scaffold.ts',
        'lib/src/steps/templates/fill.js',
        'dist/cli/chunks/chunk-ABC.js',
        'dist/cli/create.js'
      ]
      for (const module of modules) {
        const url = pathToFileURL(path.join(root, module)).href
        expect(findPackagePath('generators/app/templates', url)).toBe(
          path.join(root, 'generators', 'app', 'templates')
        )
      }
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('says what the installation lacks when it is not there', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'dtflw-package-'))
    try {
      await writeFile(path.join(root, 'package.json'), '{}')
      const url = pathToFileURL(path.join(root, 'dist/cli/create.js')).href
      expect(() => findPackagePath('generators/app/templates', url)).toThrow(
        'this installation of dtflw lacks generators/app/templates; reinstall the create-dtflw-pipeline package.'
      )
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('finds this repository’s template folders from the sources', () => {
    const url = pathToFileURL(path.join(repoRoot, 'src/io/index.ts')).href
    expect(findPackagePath('generators/notebook/templates', url)).toBe(
      path.join(repoRoot, 'generators', 'notebook', 'templates')
    )
  })
})
