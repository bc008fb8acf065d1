// @ts-check
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import {
  patchManifest,
  patchPackageJson,
  patchProfile,
  patchReadme,
  patchWorkflow
} from './patch.js'

/** @typedef {import('./choices.js').Answers} Answers */

/**
 * A file of the template and where it goes in the new repository.
 * @typedef {{ from: string, to: string }} TemplateFile
 */

/**
 * A file to write, its path relative to the new repository's root.
 * @typedef {{ path: string, content: string }} ScaffoldFile
 */

/** The template folders: `pipeline/` runs as it stands; `python/` overlays it. */
export const TEMPLATES = fileURLToPath(new URL('./templates', import.meta.url))

/**
 * npm drops `.gitignore` from a published package (and would read it as
 * ignore rules), so the template keeps it under another name, as create-vite
 * does.
 */
const RENAMES = /** @type {Record<string, string>} */ ({
  _gitignore: '.gitignore',
  _npmrc: '.npmrc'
})

/**
 * Every file of a template folder, as POSIX paths relative to it.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function walk(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      path
        .relative(dir, path.join(e.parentPath, e.name))
        .split(path.sep)
        .join('/')
    )
}

/**
 * The template files the answers select, sorted by destination: the
 * `pipeline` folder, its SQL notebooks swapped for the `python` folder's for
 * Python samples, and no notebooks or data without samples.
 * @param {Answers} answers
 * @param {string} [templates]
 * @returns {Promise<TemplateFile[]>}
 */
export async function listTemplateFiles(answers, templates = TEMPLATES) {
  const base = path.join(templates, 'pipeline')
  const python = path.join(templates, 'python')
  const isSample = (/** @type {string} */ p) =>
    p.startsWith('notebooks/') || p.startsWith('data/')
  /** @type {TemplateFile[]} */
  const files = (await walk(base))
    .filter(
      (p) => !(answers.language === 'python' && /^notebooks\/.*\.sql$/.test(p))
    )
    .map((p) => ({ from: path.join(base, p), to: RENAMES[p] ?? p }))
  if (answers.language === 'python') {
    for (const p of await walk(python)) {
      files.push({ from: path.join(python, p), to: p })
    }
  }
  return files
    .filter((f) => answers.samples || !isSample(f.to))
    .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0))
}

/**
 * The content of one destination file: a template file as it is, or with
 * the answers' named fields patched.
 * @param {string} to Destination path, relative.
 * @param {string} text The template file's text.
 * @param {Answers} answers
 * @param {string} version This package's version.
 */
export function renderFile(to, text, answers, version) {
  if (to === 'dtflw.yaml') return patchManifest(text, answers)
  if (to === 'package.json') return patchPackageJson(text, answers, version)
  if (to === 'README.md') return patchReadme(text, answers)
  if (to.startsWith('.github/workflows/')) return patchWorkflow(text, answers)
  const profile = /^profiles\/([^/]+)\.yaml$/.exec(to)
  if (profile) return patchProfile(profile[1], text, answers)
  return text
}

/**
 * Every file of the new repository with its content, sorted by path.
 * @param {Answers} answers
 * @param {{ version: string, templates?: string }} options
 * @returns {Promise<ScaffoldFile[]>}
 */
export async function planScaffold(answers, options) {
  const files = await listTemplateFiles(answers, options.templates)
  const out = await Promise.all(
    files.map(async (f) => ({
      path: f.to,
      content: renderFile(
        f.to,
        await readFile(f.from, 'utf8'),
        answers,
        options.version
      )
    }))
  )
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
