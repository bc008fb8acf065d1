import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { findPackagePath } from '../io/index.js'
import type { Answers } from './choices.js'
import {
  patchManifest,
  patchPackageJson,
  patchReadme,
  patchWorkflow
} from './patch.js'
import { patchProfile } from './patch-profile.js'

/** A file of the template and where it goes in the new repository. */
export interface TemplateFile {
  readonly from: string
  readonly to: string
}

/** A file to write, its path relative to the new repository's root. */
export interface ScaffoldFile {
  readonly path: string
  readonly content: string
}

/**
 * The template folders, plain folders the package ships: `pipeline/` runs
 * as it stands; `python/` overlays it.
 */
export function appTemplates(): string {
  return findPackagePath('generators/app/templates', import.meta.url)
}

/**
 * npm drops `.gitignore` from a published package (and would read it as
 * ignore rules), so the template keeps it under another name, as create-vite
 * does.
 */
const RENAMES: Readonly<Record<string, string>> = {
  _gitignore: '.gitignore',
  _npmrc: '.npmrc'
}

/** Every file of a template folder, as POSIX paths relative to it. */
async function walk(dir: string): Promise<string[]> {
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

const byDestination = (a: string, b: string): number =>
  a < b ? -1 : a > b ? 1 : 0

/**
 * The template files the answers select, sorted by destination: the
 * `pipeline` folder, its SQL notebooks swapped for the `python` folder's for
 * Python samples, and no notebooks or data without samples.
 */
export async function listTemplateFiles(
  answers: Answers,
  templates = appTemplates()
): Promise<TemplateFile[]> {
  const base = path.join(templates, 'pipeline')
  const python = path.join(templates, 'python')
  const isSample = (p: string): boolean =>
    p.startsWith('notebooks/') || p.startsWith('data/')
  const files: TemplateFile[] = (await walk(base))
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
    .sort((a, b) => byDestination(a.to, b.to))
}

/**
 * The content of one destination file: a template file as it is, or with
 * the answers' named fields patched.
 * @param to Destination path, relative.
 * @param text The template file's text.
 * @param version This package's version.
 */
export function renderFile(
  to: string,
  text: string,
  answers: Answers,
  version: string
): string {
  if (to === 'dtflw.yaml') return patchManifest(text, answers)
  if (to === 'package.json') return patchPackageJson(text, answers, version)
  if (to === 'README.md') return patchReadme(text, answers)
  if (to.startsWith('.github/workflows/')) return patchWorkflow(text, answers)
  const profile = /^profiles\/([^/]+)\.yaml$/.exec(to)
  if (profile) return patchProfile(profile[1], text, answers)
  return text
}

/** Every file of the new repository with its content, sorted by path. */
export async function planScaffold(
  answers: Answers,
  options: { readonly version: string; readonly templates?: string }
): Promise<ScaffoldFile[]> {
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
  return out.sort((a, b) => byDestination(a.path, b.path))
}
