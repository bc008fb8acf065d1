import { ApiFailure, invalid } from './respond.js'

/** A notebook's language, as the API names it. */
export type Language = 'PYTHON' | 'SQL' | 'SCALA' | 'R'

/** One object in the in-memory workspace. */
export type WorkspaceObject =
  | { readonly kind: 'DIRECTORY' }
  | {
      readonly kind: 'NOTEBOOK'
      readonly language: Language
      readonly content: Buffer
      /** The .ipynb it was imported from, when it was. */
      readonly jupyter?: Buffer
    }
  | { readonly kind: 'FILE'; readonly content: Buffer }

/** A stored object with the metadata the API reports. */
export type StoredObject = WorkspaceObject & {
  readonly id: number
  readonly createdAt: number
  readonly modifiedAt: number
}

/** The in-memory workspace tree, keyed by canonical path. */
export interface WorkspaceStore {
  get(path: string): StoredObject | undefined
  children(path: string): [string, StoredObject][]
  mkdirs(path: string): void
  put(path: string, object: WorkspaceObject, overwrite: boolean): void
  delete(path: string, recursive: boolean): void
  paths(): string[]
}

/**
 * `/Workspace/Users/x` and `/Users/x` name the same object; trailing and
 * doubled slashes are dropped. A relative path is refused as the API does.
 */
export function canonicalPath(path: string): string {
  if (!path.startsWith('/')) throw invalid(`Path (${path}) is not absolute.`)
  let p = path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')
  if (p === '/Workspace') return '/'
  if (p.startsWith('/Workspace/')) p = p.slice('/Workspace'.length)
  return p
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

/** A workspace with `/`, `/Shared` and `/Users/<each user>`. */
export function createWorkspaceStore(
  users: readonly string[],
  now: () => number
): WorkspaceStore {
  const objects = new Map<string, StoredObject>()
  let nextId = 1000
  const stamp = (object: WorkspaceObject, previous?: StoredObject) => {
    const t = now()
    return {
      ...object,
      id: previous?.id ?? nextId++,
      createdAt: previous?.createdAt ?? t,
      modifiedAt: t
    } as StoredObject
  }
  const store: WorkspaceStore = {
    get: (path) => objects.get(canonicalPath(path)),
    children(path) {
      const dir = canonicalPath(path)
      const prefix = dir === '/' ? '/' : `${dir}/`
      return [...objects]
        .filter(
          ([p]) =>
            p !== dir &&
            p.startsWith(prefix) &&
            !p.slice(prefix.length).includes('/')
        )
        .sort(([a], [b]) => (a < b ? -1 : 1))
    },
    mkdirs(path) {
      const target = canonicalPath(path)
      const parts = target.split('/').filter(Boolean)
      let current = ''
      for (const part of parts) {
        current = `${current}/${part}`
        const found = objects.get(current)
        if (found === undefined)
          objects.set(current, stamp({ kind: 'DIRECTORY' }))
        else if (found.kind !== 'DIRECTORY')
          throw new ApiFailure(
            400,
            'RESOURCE_ALREADY_EXISTS',
            `Cannot create directory ${target} because ${current} is an existing ${found.kind.toLowerCase()}.`
          )
      }
    },
    put(path, object, overwrite) {
      const target = canonicalPath(path)
      const parent = objects.get(parentOf(target))
      if (parent === undefined || parent.kind !== 'DIRECTORY')
        throw new ApiFailure(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          `The parent folder (${parentOf(target)}) does not exist.`
        )
      const existing = objects.get(target)
      if (
        existing !== undefined &&
        (!overwrite || existing.kind === 'DIRECTORY')
      )
        throw new ApiFailure(
          400,
          'RESOURCE_ALREADY_EXISTS',
          `Path (${target}) already exists.`
        )
      objects.set(target, stamp(object, existing))
    },
    delete(path, recursive) {
      const target = canonicalPath(path)
      const found = objects.get(target)
      if (found === undefined || target === '/')
        throw new ApiFailure(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          `Path (${target}) doesn't exist.`
        )
      const below = [...objects.keys()].filter((p) =>
        p.startsWith(`${target}/`)
      )
      if (below.length > 0 && !recursive)
        throw new ApiFailure(
          400,
          'DIRECTORY_NOT_EMPTY',
          `Folder (${target}) is not empty.`
        )
      for (const p of below) objects.delete(p)
      objects.delete(target)
    },
    paths: () => [...objects.keys()].sort()
  }
  objects.set('/', stamp({ kind: 'DIRECTORY' }))
  store.mkdirs('/Shared')
  for (const user of users) store.mkdirs(`/Users/${user}`)
  return store
}
