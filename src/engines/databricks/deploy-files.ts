import path from 'node:path'
import type { Plan } from '../../flow/index.js'
import { sha256 } from '../../io/index.js'
import {
  findRunTargets,
  parseNotebook,
  runTargetCandidates
} from '../../notebooks/index.js'
import type { NotebookLanguage } from '../../notebooks/index.js'

/** Reads a repository file's bytes (the working tree, or git at a sha). */
export interface SourceReader {
  /** The file's bytes, or undefined when there is no such file. */
  read(repoPath: string): Promise<Buffer | undefined>
}

/** How the Workspace API imports a notebook. */
export type ImportLanguage = 'PYTHON' | 'SQL' | 'SCALA' | 'R'

/** A notebook as it will be uploaded. */
export interface DeployFile {
  /** Repository path with forward slashes (`notebooks/import_data.py`). */
  readonly repoPath: string
  readonly format: 'SOURCE' | 'JUPYTER'
  readonly language: ImportLanguage
  readonly content: Buffer
  /** SHA-256 of the bytes: what decides whether it is uploaded again. */
  readonly hash: string
}

const LANGUAGE: Record<NotebookLanguage, ImportLanguage> = {
  python: 'PYTHON',
  sql: 'SQL',
  scala: 'SCALA',
  r: 'R'
}

/**
 * The notebooks a plan runs and, transitively, the notebooks they include
 * with a relative `%run` (a notebook uploaded alone could not `%run` its
 * siblings, run-notebook#34). Every file is read once through `source`, so
 * a promotion deploys exactly the bytes at a sha. Sorted by path.
 */
export async function collectDeployFiles(
  plan: Plan,
  source: SourceReader
): Promise<DeployFile[]> {
  const cache = new Map<string, Promise<Buffer | undefined>>()
  const read: SourceReader = {
    read(repoPath) {
      let bytes = cache.get(repoPath)
      if (!bytes) cache.set(repoPath, (bytes = source.read(repoPath)))
      return bytes
    }
  }
  const files = new Map<string, DeployFile>()
  const pending = [...new Set(plan.steps.map((s) => toPosix(s.notebook)))]
  while (pending.length > 0) {
    const repoPath = pending.pop()!
    if (files.has(repoPath)) continue
    const content = await read.read(repoPath)
    if (content === undefined) continue
    const notebook = parseNotebook(content.toString('utf8'), repoPath)
    files.set(repoPath, {
      repoPath,
      format: notebook.format === 'ipynb' ? 'JUPYTER' : 'SOURCE',
      language: LANGUAGE[notebook.language],
      content,
      hash: sha256(content)
    })
    for (const target of findRunTargets(notebook)) {
      if (!target.resolved || target.resolved.startsWith('..')) continue
      const included = await findIncluded(target.resolved, read)
      if (included && !files.has(included)) pending.push(included)
    }
  }
  return [...files.values()].sort((a, b) =>
    a.repoPath < b.repoPath ? -1 : a.repoPath > b.repoPath ? 1 : 0
  )
}

/** `%run ./setup` names `setup` without its extension: find the file. */
export async function findIncluded(
  resolved: string,
  source: SourceReader
): Promise<string | undefined> {
  for (const candidate of runTargetCandidates(resolved)) {
    if ((await source.read(candidate)) !== undefined) return candidate
  }
  return undefined
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}
