// Tables given as glob patterns (`data/raw_*.csv`): a source may name
// several files, which a step reads as the files the pattern matches now.
import { glob } from 'node:fs/promises'
import path from 'node:path'

const GLOB = /[*?[]/

/** True when the path holds a glob pattern. */
export function isGlob(p: string): boolean {
  return GLOB.test(p)
}

/** The files a glob matches now, sorted. */
export async function globMatches(pattern: string): Promise<string[]> {
  const matches: string[] = []
  for await (const match of glob(pattern)) matches.push(match)
  return matches.sort()
}

/** The folder a glob's pattern starts in: the part before its first wildcard. */
export function globBase(pattern: string): string {
  const parts = pattern.split(path.sep)
  const first = parts.findIndex((part) => isGlob(part))
  return parts.slice(0, first).join(path.sep) || path.sep
}
